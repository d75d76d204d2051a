// The progress store killed with SIGKILL at random moments, again and again, in one data
// folder: after every kill the file opens without a notice (never torn, never set
// aside), every change the store had acknowledged is there, and nothing is there that
// was never attempted. HCS_KILLS sets the number of kills (the benchmark runs hundreds);
// the seed of the kill times is printed and HCS_FUZZ_SEED replays it.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';
import { ProgressStore } from '../../../main/services/progressStore';
import { countFromEnv, reportLoop, seededRandom, seedFromEnv } from '../../robustnessReport';
import { tempDir } from '../tempDir';

const KILLS = countFromEnv('HCS_KILLS', 50);
const SEED = seedFromEnv();
const here = path.dirname(fileURLToPath(import.meta.url));

interface Ack {
  op: string;
  name?: string;
  value?: number;
  messages?: string[];
}

/** Runs the writer until `afterMs` past its first acknowledged change, kills it, and returns what it printed. */
function runAndKill(script: string, dir: string, run: number, first: number, afterMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, String(run), String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (!timer && out.includes('"op":"ready"')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the writer stopped by itself (exit ${code}): ${err}`));
      // A line cut off by the kill was never a whole acknowledgement.
      resolve(out.split('\n').filter((l) => l.endsWith('}')).map((l) => JSON.parse(l) as Ack));
    });
  });
}

test(`${KILLS} SIGKILLs lose no acknowledged change and leave no change that was never made`, async () => {
  const work = await tempDir('hcs-kill-');
  const script = path.join(work, 'storeWriter.mjs');
  // Bundled once, so each run starts in tens of milliseconds and needs no TypeScript loader.
  await build({ entryPoints: [path.join(here, 'fixtures/storeWriter.ts')], outfile: script, bundle: true, minify: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  const dir = path.join(work, 'data');
  const random = seededRandom(SEED);
  const acknowledged = new Set<string>();
  const attempted = new Set<string>(['Owner']);
  let highestAcked = 0;
  let highestTried = 0;
  let acks = 0;
  let lost = 0;
  const failures: string[] = [];
  for (let run = 0; run < KILLS; run++) {
    const lines = await runAndKill(script, dir, run, highestTried, Math.floor(random() * 120));
    for (const line of lines) {
      if (line.op === 'notice') failures.push(`run ${run} opened with notices: ${line.messages?.join(' ')}`);
      if (line.op === 'trying-learner') attempted.add(line.name!);
      if (line.op === 'learner') acknowledged.add(line.name!);
      if (line.op === 'trying-seconds') highestTried = Math.max(highestTried, line.value!);
      if (line.op === 'seconds') highestAcked = Math.max(highestAcked, line.value!);
      if (['learner', 'seconds', 'workbench'].includes(line.op)) acks++;
    }
    const store = await ProgressStore.open({ dir });
    if (store.notices.length > 0) failures.push(`after kill ${run}: ${store.notices.map((n) => n.message).join(' ')}`);
    const names = new Set(store.listLearners().learners.map((l) => l.name));
    const missing = [...acknowledged].filter((name) => !names.has(name));
    const invented = [...names].filter((name) => !attempted.has(name));
    const owner = store.listLearners().learners.find((l) => l.name === 'Owner');
    const seconds = owner ? store.getProgress(owner.id, 'course-a').seconds : 0;
    if (missing.length > 0) failures.push(`after kill ${run}: acknowledged learners missing: ${missing.join(', ')}`);
    if (invented.length > 0) failures.push(`after kill ${run}: learners never attempted: ${invented.join(', ')}`);
    if (seconds < highestAcked) failures.push(`after kill ${run}: ${seconds} seconds on disk, though ${highestAcked} was acknowledged`);
    if (seconds > highestTried) failures.push(`after kill ${run}: ${seconds} seconds on disk, more than the ${highestTried} ever tried`);
    lost += missing.length + (seconds < highestAcked ? 1 : 0);
    // The next run goes on from what is really on disk.
    highestTried = Math.max(highestTried, seconds);
  }
  reportLoop({ loop: 'progress store kill loop', seed: SEED, tried: KILLS, failed: failures.length, lost, detail: `${acks} acknowledged changes, ${acknowledged.size} learners` });
  expect(acks, 'the writer acknowledged changes before being killed').toBeGreaterThan(KILLS);
  expect(failures, `seed ${SEED}`).toEqual([]);
}, 300_000);
