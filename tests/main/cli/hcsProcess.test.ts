// The real command, as `npx hcs` runs it: bin/hcs.mjs over the bundled CLI.

import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const hcs = (...args: string[]) => spawnSync(process.execPath, ['bin/hcs.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'cli'], { cwd: ROOT, stdio: 'pipe' });
});

test('node bin/hcs.mjs validate courses/sample exits 0', () => {
  const run = hcs('validate', 'courses/sample');
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe('Checked 1 course pack: 0 errors, 0 warnings.\n');
  expect(run.status).toBe(0);
});

test('node bin/hcs.mjs validate exits 1 on a broken pack and 2 on bad arguments', () => {
  const broken = hcs('validate', 'tests/main/cli/fixtures/broken-pack');
  expect(broken.status).toBe(1);
  expect(broken.stdout).toContain('tests/main/cli/fixtures/broken-pack/course.yaml:2:1: error HCS006');
  const wrong = hcs('frobnicate');
  expect(wrong.status).toBe(2);
  expect(wrong.stderr).toContain('usage: hcs validate <pack>... [--json]');
});
