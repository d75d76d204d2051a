// `hcs schema`: writes and checks the JSON Schema files editors use.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { generateJsonSchemas } from '../../../engine/course/jsonSchemas';
import { runHcs } from './captureIo';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hcs-schema-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('--write writes every schema file into schema/', async () => {
  const run = await runHcs(['schema', '--write'], dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('wrote schema/course.schema.json\n');
  expect(readFileSync(path.join(dir, 'schema/scenario.schema.json'), 'utf8')).toBe(generateJsonSchemas()['scenario.schema.json']);
});

test('--check fails and names a file that drifted from the code', async () => {
  await runHcs(['schema', '--write', '--out', 'out'], dir);
  expect((await runHcs(['schema', '--check', '--out', 'out'], dir)).code).toBe(0);
  writeFileSync(path.join(dir, 'out/module.schema.json'), '{}\n');
  const run = await runHcs(['schema', '--check', '--out', 'out'], dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe('out/module.schema.json is out of date with the engine\'s schema: run "hcs schema --write".\n');
});

test('without options prints every schema as one JSON document', async () => {
  const run = await runHcs(['schema'], dir);
  expect(Object.keys(JSON.parse(run.stdout) as object)).toEqual(['course.schema.json', 'module.schema.json', 'lesson-frontmatter.schema.json', 'scenario.schema.json', 'quiz.schema.json']);
});

test('--write <dir> writes into the folder named, such as a course of its own', async () => {
  const run = await runHcs(['schema', '--write', 'my-course/schema'], dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('wrote my-course/schema/module.schema.json\n');
  expect((await runHcs(['schema', '--check', 'my-course/schema'], dir)).code).toBe(0);
});

test('two folders, or a folder given both ways, are a usage error', async () => {
  const run = await runHcs(['schema', '--write', 'a', '--out', 'b'], dir);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('schema takes one folder, either as <dir> or as --out <dir>');
});
