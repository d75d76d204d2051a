#!/usr/bin/env node
// Benchmark of what Moodle posts for a learner of each shipped course, under the strict
// Moodle runtime (tests/lms/moodle, Moodle's mod_scorm rules): the largest SCO of each
// course (the whole course as one SCO) and, for comparison, the largest module, in both
// standards, over the longest play-through (every lesson, every try at every question,
// every reflection at the length SCORM 1.2 keeps room for, every ending of every
// scenario), the learner leaving half-way and coming back. Budgets: every post under
// 60 KB and 900 fields (PHP's max_input_vars is 1,000), and the exit (Terminate alone,
// sent as a beacon) under Chrome's 64 KiB keepalive quota.
// Writes the figures under "## SCORM posts in Moodle" in tests/bench/RESULTS.md.
//   node tests/bench/scorm-lms-bench.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleTimer, machineLine, recordSection } from './benchKit.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORK = path.join(ROOT, 'tests/bench/.work/scorm-lms');
const HEADING = '## SCORM posts in Moodle';

mkdirSync(WORK, { recursive: true });
const runner = path.join(WORK, 'runner.mjs');
await bundleTimer(`
      import { loadCourse } from './engine/course/courseLoader';
      import { scoScopes } from './engine/scorm/scope';
      import { createNodePackReader } from './main/services/nodePackReader';
      import { BUDGET_BYTES, BUDGET_FIELDS, fullRunOptions } from './tests/lms/commitBudget';
      import { KEEPALIVE_QUOTA } from './tests/lms/moodle/transport';
      import { MoodleSco } from './tests/lms/moodleRun';
      import { playEvents } from './tests/lms/playThrough';
      const out = [];
      for (const pack of process.argv.slice(2)) {
        const { course } = await loadCourse(createNodePackReader(pack));
        for (const standard of ['scorm12', 'scorm2004']) {
          for (const mode of ['course', 'module']) {
            let worst;
            for (const scope of scoScopes(course, mode)) {
              const sco = new MoodleSco(course, scope, standard);
              const events = playEvents(course, scope, { ...fullRunOptions(standard), answers: 'wrong' });
              const half = events.findIndex((e, i) => i >= events.length / 2 && e.type === 'location.changed');
              sco.launch(events.slice(0, half > 0 ? half : events.length));
              sco.launch(half > 0 ? events.slice(half) : []);
              const posts = sco.server.posts;
              const max = (f) => Math.max(...posts.map(f));
              const exits = posts.filter((p) => p.beacon);
              const figures = {
                scoId: scope.id,
                posts: posts.length,
                fields: max((p) => p.fields),
                bytes: max((p) => p.bytes),
                beacon: max((p) => p.beaconBytes),
                exit: Math.max(...exits.map((p) => p.beaconBytes)),
                exitsAccepted: exits.every((p) => p.accepted),
                dropped: posts.reduce((n, p) => n + p.dropped.length, 0),
                refused: sco.refused.length,
                suspend: (sco.track('cmi.suspend_data') ?? '').length,
              };
              if (!worst || figures.beacon > worst.beacon) worst = figures;
            }
            out.push({ pack: pack.split('/').pop(), standard, mode, ...worst });
          }
        }
      }
      console.log(JSON.stringify({ out, budgets: { bytes: BUDGET_BYTES, fields: BUDGET_FIELDS, quota: KEEPALIVE_QUOTA } }));`, runner);

const started = Date.now();
const packs = ['courses/health-creation-ug', 'courses/health-creation-pg'];
const run = spawnSync(process.execPath, [runner, ...packs], { cwd: ROOT, encoding: 'utf8' });
if (run.status !== 0) throw new Error(`the runner failed: ${run.stderr}`);
const { out, budgets } = JSON.parse(run.stdout.trim().split('\n').at(-1));
const seconds = (Date.now() - started) / 1000;

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const ok = out.every((r) => r.fields <= budgets.fields && r.bytes < budgets.bytes && r.exit < budgets.quota && r.exitsAccepted && !r.dropped && !r.refused);
const section = `${HEADING}

Command: \`node tests/bench/scorm-lms-bench.mjs\` (the strict Moodle runtime of tests/lms/moodle driving the package's own
session code in Node; the learner answers every question wrongly, so every try is used, writes each reflection to
600 characters, plays every ending of every scenario, and leaves half-way (closing the tab) and comes back to finish).
"post" is one Commit or Terminate as Moodle's player sends it: its fields (the five request parameters included), its
URL-encoded body, and the multipart body it has as a beacon. The exit is Terminate alone, sent as a beacon.

| course | standard | SCOs | largest SCO | posts | most fields | largest body | largest as a beacon | exit beacon | suspend_data | refused / dropped |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${out.map((r) => `| ${r.pack} | ${r.standard} | one per ${r.mode} | ${r.scoId} | ${r.posts} | ${r.fields} | ${kb(r.bytes)} | ${kb(r.beacon)} | ${kb(r.exit)}${r.exitsAccepted ? '' : ' (refused)'} | ${r.suspend} chars | ${r.refused} / ${r.dropped} |`).join('\n')}

Budgets: at most ${budgets.fields} fields and under ${kb(budgets.bytes)} per post; the exit beacon under ${budgets.quota.toLocaleString('en-GB')} bytes.
SCORM 1.2 posts only what changed since the last post (the first post of a launch re-posts what was stored), so its
exit is small; SCORM 2004 re-posts every interaction and objective field each time, so its exit carries everything.
Run time ${seconds.toFixed(1)} s. ${machineLine()}
${ok ? 'Every budget met.' : 'A budget was missed: see the rows above.'}
`;

recordSection(HEADING, section);
console.log(section);
process.exitCode = ok ? 0 : 1;
