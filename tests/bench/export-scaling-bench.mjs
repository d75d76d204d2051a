#!/usr/bin/env node
// Benchmark of how SCORM export grows with a course's size: synthetic packs of 200, 800
// and 1,600 small modules (two lessons each, a 20-node scenario in every fourth module),
// one SCO per module. A course twice the size should take about twice as long; the time
// per module shows whether it does (work done for every SCO over every module shows
// as a time per module that grows with the course). Writes "## SCORM export scaling" in
// tests/bench/RESULTS.md.
//   node tests/bench/export-scaling-bench.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, bundleTimer, machineLine, median, recordSection } from './benchKit.mjs';
import { generateSynthPack } from './synthPack.mjs';

const WORK = path.join(ROOT, 'tests/bench/.work/export-scaling');
const SIZES = [200, 800, 1600];
const RUNS = 5;

if (spawnSync(process.execPath, ['scripts/build.mjs', 'scorm'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

// In one process: load the pack once, then time the SCOs' data (everything the export
// computes from the course: resume-state check, each SCO's course data, media lists and
// the manifest) and the whole packaging step (that, plus reading files and zipping).
const timer = await bundleTimer(
  `
  import { loadCourse } from './engine/course/courseLoader';
  import { buildManifest } from './engine/scorm/manifest';
  import { courseDataScript, scopedCourse, scopeMedia } from './engine/scorm/packageFiles';
  import { scoScopes } from './engine/scorm/scope';
  import { checkSuspendFit } from './engine/scorm/suspendFit';
  import { createNodePackReader } from './main/services/nodePackReader';
  import { exportScorm } from './main/services/scormExport';
  const [pack, out, runs] = process.argv.slice(2);
  const { course } = await loadCourse(createNodePackReader(pack));
  const deps = { catalog: { load: async () => course, rootOf: async () => pack }, runtimeDir: 'dist/scorm-runtime', xsdDir: 'resources/scorm-xsd' };
  // CPU time (user + system) of this process: the machine is shared, and CPU time is the
  // work the export itself does, where wall time also counts other programs' turns.
  const ms = async (work) => { const t = process.cpuUsage(); await work(); const d = process.cpuUsage(t); return (d.user + d.system) / 1000; };
  const data = [], step = [];
  // The first round warms the JIT and is left out.
  for (let i = 0; i <= Number(runs); i++) {
    const d = await ms(() => {
      const scopes = scoScopes(course, 'module');
      checkSuspendFit(course, scopes);
      for (const sco of scopes) {
        courseDataScript({ standard: 'scorm2004', sco, course: scopedCourse(course, sco) });
        scopeMedia(course, sco);
      }
      buildManifest(course, 'scorm2004', { sharedFiles: [], scos: scopes.map((scope) => ({ scope, launch: 'x.html', files: [] })) });
    });
    const s = await ms(() => exportScorm({ courseId: course.id, standard: 'scorm2004', sco: 'module', outPath: out }, deps));
    if (i > 0) { data.push(d); step.push(s); }
  }
  console.log(JSON.stringify({ modules: course.modules.length, data, step }));`,
  path.join(WORK, 'scaling-timer.mjs'),
);

const rows = [];
for (const modules of SIZES) {
  const pack = path.join(WORK, `pack-${modules}`);
  generateSynthPack(pack, { modules, lessons: 2, scenarios: modules / 4, nodes: 20 });
  const run = spawnSync(process.execPath, [timer, pack, path.join(WORK, `pack-${modules}.zip`), String(RUNS)], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the export timer failed on ${modules} modules: ${run.stderr}`);
  const r = JSON.parse(run.stdout);
  rows.push({ modules, data: median(r.data), step: median(r.step) });
  rmSync(pack, { recursive: true, force: true });
}
rmSync(WORK, { recursive: true, force: true });

const ms = (n) => `${Math.round(n)} ms`;
const per = (n, m) => `${(n / m).toFixed(2)} ms`;
const growth = (key) => (rows.at(-1)[key] / rows.at(-1).modules / (rows[0][key] / rows[0].modules)).toFixed(2);
const section = `## SCORM export scaling

Command: \`node tests/bench/export-scaling-bench.mjs\` (synthetic packs from tests/bench/synthPack.mjs: 2 lessons a module,
each with a quiz, a reflection and an image, and a 20-node scenario in every fourth module; SCORM 2004, one SCO per module;
in one process, the pack loaded once; CPU time (user + system), median of ${RUNS} after a warm-up round).

| modules | SCO data (resume check, course data, media, manifest), CPU | per module | whole packaging step (with reads and zip), CPU | per module |
| --- | --- | --- | --- | --- |
${rows.map((r) => `| ${r.modules} | ${ms(r.data)} | ${per(r.data, r.modules)} | ${ms(r.step)} | ${per(r.step, r.modules)} |`).join('\n')}

From ${rows[0].modules} to ${rows.at(-1).modules} modules the time per module of the SCO data changed by a factor of ${growth('data')}, of the whole step by
${growth('step')} (1.00 is linear growth).

What changed: every question the export asked of a SCO (its lessons, questions, scenarios, reflections, media, its
cut of the course; about a dozen per SCO) filtered the whole course's modules, so the SCO data grew with the square
of the number of modules; modules are now looked up by id (engine/scorm/scope.ts). And the export read the runtime,
each SCO's media (a medium shared by several SCOs once per SCO) and the schema files one at a time; it now reads each
file once, sixteen at a time. Measured with this script before the change (commit 3ba0c36, this machine, load
average 10): SCO data 118 / 692 / 1784 ms CPU for 200 / 800 / 1600 modules (0.59 / 0.86 / 1.12 ms a module, a
factor of 1.89), the whole packaging step 446 / 1739 / 3301 ms CPU.
${machineLine()}
`;
recordSection('## SCORM export scaling', section);
console.log(section);
