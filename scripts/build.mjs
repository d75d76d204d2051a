// Builds every runnable part with esbuild: one bundler for the CLI, the Electron
// main and preload scripts, browser mode's server, and the renderer (desktop,
// browser mode and SCORM package alike). `node scripts/build.mjs all` or name targets.
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = (p) => path.join(root, p);

const node = { platform: 'node', target: 'node20', bundle: true, sourcemap: true, logLevel: 'warning', packages: 'external' };

/** Each target: a name and the function that builds it. */
const targets = {
  cli: () => build({ ...node, entryPoints: [r('main/cli.ts')], outfile: r('dist/cli.mjs'), format: 'esm' }),
};

const wanted = process.argv.slice(2);
const names = wanted.length === 0 || wanted.includes('all') ? Object.keys(targets) : wanted;
for (const name of names) {
  if (!targets[name]) {
    console.error(`build: unknown target "${name}"; known targets: ${Object.keys(targets).join(', ')}`);
    process.exit(2);
  }
}
await mkdir(r('dist'), { recursive: true });
for (const name of names) await targets[name]({ root, r, cp, rm, mkdir });
