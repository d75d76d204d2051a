// `hcs stats`: the size of a course, in words and numbers.

import path from 'node:path';
import { expect, test } from 'vitest';
import { runHcs } from './captureIo';

const ROOT = path.resolve(__dirname, '../../..');

test('counts the parts of the fixture course', async () => {
  const run = await runHcs(['stats', 'tests/engine/course/fixtures/base', '--json'], ROOT);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({
    id: 'fixture-course',
    modules: 2,
    lessons: 2,
    scenarios: 1,
    nodes: 3,
    endings: 2,
    quizzes: 1,
    questions: 1,
    reflections: 1,
    estimatedMinutes: 50,
    lessonMinutes: 20,
  });
});

test('prints a readable table by default', async () => {
  const run = await runHcs(['stats', 'courses/sample'], ROOT);
  expect(run.stdout).toMatch(/^Health Creation: a first look \(hc-sample\)\n {2}modules +2\n {2}lessons +3\n/);
  expect(run.stdout).toMatch(/estimated study minutes +105\n/);
});

test('a broken pack is not counted: its problems go to stderr and it exits 1', async () => {
  const run = await runHcs(['stats', 'tests/main/cli/fixtures/broken-pack'], ROOT);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('tests/main/cli/fixtures/broken-pack/course.yaml:2:1: error HCS006');
});

test('stats takes exactly one pack', async () => {
  const run = await runHcs(['stats', 'a', 'b'], ROOT);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('usage: hcs stats <pack> [--json]');
});
