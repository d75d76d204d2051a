// What the benchmark scripts share: medians, a machine line, recording a section of
// RESULTS.md, and bundling a small in-process timer over the TypeScript sources.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The project folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS = path.join(ROOT, 'tests/bench/RESULTS.md');

/** The middle value (the upper middle of an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One line naming the machine, Node and the load, for the figures' context. */
export function machineLine() {
  return `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} when done, ${new Date().toISOString().slice(0, 10)}.`;
}

/** Replaces the section that starts with `heading` (a "## " line) in RESULTS.md, or adds it at the end. */
export function recordSection(heading, section) {
  const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n\nEach benchmark in tests/bench writes its own section here.\n';
  const start = old.indexOf(`${heading}\n`);
  // Sections are kept apart by one blank line whatever the other benchmarks wrote.
  const before = start < 0 ? old : old.slice(0, start);
  const after = start < 0 ? -1 : old.indexOf('\n## ', start + heading.length);
  const rest = after < 0 ? '' : old.slice(after + 1);
  const next = [before, section, rest].map((part) => part.trim()).filter(Boolean).join('\n\n');
  writeFileSync(RESULTS, `${next}\n`);
}

/** Bundles `contents` (TypeScript importing the project's sources by './engine/...' paths) into a Node script at `outfile`. */
export async function bundleTimer(contents, outfile) {
  await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** The renderer's entry scripts (boot.js, main.js) and every chunk they import statically: what loads before anything lazy, raw and gzipped. */
export async function initialScripts(rendererDir = path.join(ROOT, 'dist/renderer')) {
  const seen = new Set();
  const visit = async (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = await readFile(path.join(rendererDir, file), 'utf8');
    // Static imports only: `import ... from "./x.js"` or `import "./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.js)["']/g)) {
      await visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
    }
  };
  await visit('boot.js');
  await visit('main.js');
  let raw = 0;
  let gzip = 0;
  for (const file of seen) {
    const bytes = await readFile(path.join(rendererDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...seen], raw, gzip };
}
