#!/usr/bin/env node
// `npm run bench`: runs every benchmark in turn; each records its own section of RESULTS.md.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const build = spawnSync(process.execPath, ['scripts/build.mjs', 'all'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
for (const bench of ['validate-bench.mjs', 'startup-bench.mjs', 'scorm-bench.mjs', 'export-scaling-bench.mjs', 'search-bench.mjs', 'scorm-lms-bench.mjs', 'robustness-bench.mjs', 'recheck-bench.mjs', 'authoring-bench.mjs', 'scenario-graph-bench.mjs']) {
  console.log(`\n== ${bench}`);
  const run = spawnSync(process.execPath, [path.join(here, bench)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${bench} failed (exit ${run.status}); the other benchmarks' figures are still recorded.`);
    process.exitCode = 1;
  }
}
