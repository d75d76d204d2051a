// The `hcs` entry point: help, usage errors and exit codes.

import path from 'node:path';
import { expect, test } from 'vitest';
import { runHcs } from './captureIo';

const ROOT = path.resolve(__dirname, '../../..');

test('--help lists every command and exits 0', async () => {
  const run = await runHcs(['--help'], ROOT);
  expect(run.code).toBe(0);
  for (const name of ['hcs validate <pack>...', 'hcs stats <pack>', 'hcs new course|module|scenario <path>', 'hcs schema']) expect(run.stdout).toContain(name);
});

test('no command prints the usage on stderr and exits 2', async () => {
  const run = await runHcs([], ROOT);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^hcs: no command given\nusage: hcs validate/);
});

test('an unknown command is named, with the usage, and exits 2', async () => {
  const run = await runHcs(['valdate', 'courses/sample'], ROOT);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('hcs: unknown command "valdate"');
});

test('an unknown option gets the command usage line and exits 2', async () => {
  const run = await runHcs(['validate', '--colour', 'courses/sample'], ROOT);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("Unknown option '--colour'");
  expect(run.stderr).toContain('usage: hcs validate <pack>... [--json]');
});

test('a command with --help prints its own usage and exits 0', async () => {
  const run = await runHcs(['stats', '--help'], ROOT);
  expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: hcs stats <pack> [--json]') });
});
