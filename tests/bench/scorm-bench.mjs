#!/usr/bin/env node
// Benchmark of SCORM export against its budgets: the runtime's JavaScript and CSS
// under 500 KB; each shipped course's package under 5 MB with media set aside; the
// synthetic 200-module pack (tests/bench/synthPack.mjs) exported in under 5 s.
// Writes the figures under "## SCORM export" in tests/bench/RESULTS.md.
//   node tests/bench/scorm-bench.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { unzipSync } from 'fflate';
import { recordSection } from './benchKit.mjs';
import { generateSynthPack } from './synthPack.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = path.join(ROOT, 'tests/bench/.work/scorm');
const RUNS = 3;
const RUNTIME_BUDGET = 500 * 1000;
const PACKAGE_BUDGET = 5 * 1000 * 1000;
const EXPORT_BUDGET_S = 5;
const MEDIA = /^content\/.*\.(svg|png|jpe?g|gif|webp|mp3|mp4|m4a|webm|ogg|pdf)$/i;

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function run(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['bin/hcs.mjs', ...args], { cwd: ROOT, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`hcs ${args.join(' ')} exited ${r.status}: ${r.stderr.trim()}`);
  return seconds;
}

/** Bytes of a zip, and the bytes of its media files (uncompressed), which the budget sets aside. */
function packageSizes(zip) {
  const bytes = statSync(zip).size;
  const files = unzipSync(new Uint8Array(readFileSync(zip)));
  const media = Object.entries(files).filter(([name]) => MEDIA.test(name)).reduce((n, [, data]) => n + data.byteLength, 0);
  return { bytes, media, rest: Math.max(0, bytes - media) };
}

for (const target of ['cli', 'scorm']) {
  if (spawnSync(process.execPath, ['scripts/build.mjs', target], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
}
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

const runtimeFiles = readdirSync(path.join(ROOT, 'dist/scorm-runtime')).filter((f) => /\.(js|css)$/.test(f));
const runtime = runtimeFiles.map((f) => readFileSync(path.join(ROOT, 'dist/scorm-runtime', f)));
const runtimeBytes = runtime.reduce((n, b) => n + b.byteLength, 0);
const runtimeGzip = runtime.reduce((n, b) => n + gzipSync(b, { level: 9 }).byteLength, 0);

const shipped = [];
for (const name of readdirSync(path.join(ROOT, 'courses')).filter((n) => n.startsWith('health-creation-')).sort()) {
  for (const standard of ['scorm12', 'scorm2004']) {
    const zip = path.join(WORK, `${name}-${standard}.zip`);
    run(['export', `courses/${name}`, '--standard', standard, '--out', path.relative(ROOT, zip)]);
    shipped.push({ name, standard, ...packageSizes(zip) });
  }
}

const synth = path.join(WORK, 'synth-pack');
generateSynthPack(synth);
const synthRel = path.relative(ROOT, synth);
const synthZip = path.relative(ROOT, path.join(WORK, 'synth.zip'));
const exportArgs = ['export', synthRel, '--standard', 'scorm2004', '--out', synthZip];
run(exportArgs); // warm the file system cache
const exportTimes = Array.from({ length: RUNS }, () => run(exportArgs));
const validateTimes = Array.from({ length: RUNS }, () => run(['validate', synthRel]));
const exportS = median(exportTimes);
const loadS = median(validateTimes);

// The packaging step alone, in one process: load the pack once, then time exportScorm.
const timer = path.join(WORK, 'export-timer.mjs');
await build({
  stdin: {
    contents: `
      import { loadCourse } from './engine/course/courseLoader';
      import { createNodePackReader } from './main/services/nodePackReader';
      import { exportScorm } from './main/services/scormExport';
      const [pack, out, runs] = process.argv.slice(2);
      const { course } = await loadCourse(createNodePackReader(pack));
      const deps = { catalog: { load: async () => course, rootOf: async () => pack }, runtimeDir: 'dist/scorm-runtime', xsdDir: 'resources/scorm-xsd' };
      const times = [];
      for (let i = 0; i < Number(runs); i++) {
        const t = process.hrtime.bigint();
        await exportScorm({ courseId: course.id, standard: 'scorm2004', sco: 'module', outPath: out }, deps);
        times.push(Number(process.hrtime.bigint() - t) / 1e9);
      }
      console.log(JSON.stringify(times));`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: timer,
  logLevel: 'warning',
});
const timed = spawnSync(process.execPath, [timer, synth, path.join(WORK, 'synth-step.zip'), String(RUNS + 1)], { cwd: ROOT, encoding: 'utf8' });
if (timed.status !== 0) throw new Error(`the export timer failed: ${timed.stderr}`);
const stepTimes = JSON.parse(timed.stdout).slice(1);

// Worst-case SCORM 1.2 resume state of each shipped course's largest module and of the whole course.
const fitter = path.join(WORK, 'fit.mjs');
await build({
  stdin: {
    contents: `
      import { loadCourse } from './engine/course/courseLoader';
      import { scoScopes } from './engine/scorm/scope';
      import { checkSuspendFit } from './engine/scorm/suspendFit';
      import { createNodePackReader } from './main/services/nodePackReader';
      const out = [];
      for (const pack of process.argv.slice(2)) {
        const { course } = await loadCourse(createNodePackReader(pack));
        const modules = checkSuspendFit(course, scoScopes(course, 'module'));
        const largest = modules.reduce((a, b) => (b.chars > a.chars ? b : a));
        out.push({ pack, largest, course: checkSuspendFit(course, scoScopes(course, 'course'))[0] });
      }
      console.log(JSON.stringify(out));`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: fitter,
  logLevel: 'warning',
});
const shippedPacks = [...new Set(shipped.map((p) => `courses/${p.name}`))];
const fitRun = spawnSync(process.execPath, [fitter, ...shippedPacks], { cwd: ROOT, encoding: 'utf8' });
if (fitRun.status !== 0) throw new Error(`the suspend_data fit check failed: ${fitRun.stderr}`);
const fits = JSON.parse(fitRun.stdout);
const stepS = median(stepTimes);
const synthSize = packageSizes(path.join(ROOT, synthZip));

const runtimeOk = runtimeBytes < RUNTIME_BUDGET;
const packagesOk = shipped.every((p) => p.rest < PACKAGE_BUDGET) && fits.every((f) => f.largest.fits);
const exportOk = exportS < EXPORT_BUDGET_S;
const stepOk = stepS < EXPORT_BUDGET_S;
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const section = `## SCORM export

Command: \`node tests/bench/scorm-bench.mjs\` (runtime built by \`node scripts/build.mjs scorm\`; synthetic pack from
tests/bench/synthPack.mjs: 200 modules x 10 lessons with quizzes, reflections and an image, 100 scenarios x 50 nodes).

| measure | result | target |
| --- | --- | --- |
| runtime JS + CSS in each package (${runtimeFiles.join(', ')}) | ${kb(runtimeBytes)} (${kb(runtimeGzip)} gzipped) | < 500 KB |
${shipped.map((p) => `| ${p.name}, ${p.standard} package, media aside | ${kb(p.rest)} (zip ${kb(p.bytes)}, media ${kb(p.media)}) | < 5 MB |`).join('\n')}
${fits.map((f) => `| ${path.basename(f.pack)}, worst-case SCORM 1.2 suspend_data: largest module (${f.largest.scoId}) / whole course | ${f.largest.chars} / ${f.course.chars} characters | module <= 4,096 |`).join('\n')}
| synthetic 200-module pack, \`hcs ${exportArgs.join(' ')}\`, whole process, median of ${RUNS} | ${exportS.toFixed(2)} s | < ${EXPORT_BUDGET_S} s |
| of which loading and checking the pack (\`hcs validate\` on the same pack, median of ${RUNS}) | ${loadS.toFixed(2)} s | |
| the packaging step alone (exportScorm on the loaded course, in process, median of ${RUNS}) | ${stepS.toFixed(2)} s | < ${EXPORT_BUDGET_S} s |
| synthetic package size | ${kb(synthSize.bytes)} | |

Export runs (s): ${exportTimes.map((t) => t.toFixed(2)).join(', ')}; validate runs (s): ${validateTimes.map((t) => t.toFixed(2)).join(', ')}; packaging step runs (s): ${stepTimes.map((t) => t.toFixed(2)).join(', ')}.
The synthetic pack is exported as SCORM 2004: with ten reflections a module, its worst-case SCORM 1.2 resume state
does not fit 4,096 characters, and the export refuses it (as it should).
Machine: ${os.cpus().length} x ${cpu}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} when done, ${new Date().toISOString().slice(0, 10)}.
${runtimeOk && packagesOk && exportOk && stepOk ? 'All targets met.' : `Missed: ${[!runtimeOk && 'runtime size', !packagesOk && 'package size', !exportOk && 'export time (whole process)', !stepOk && 'export time (packaging step)'].filter(Boolean).join(', ')}.`}
`;
recordSection('## SCORM export', section);
console.log(section);
process.exitCode = runtimeOk && packagesOk && exportOk && stepOk ? 0 : 1;
