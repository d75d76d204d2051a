// `hcs new`: scaffolds that validate as written, and never overwrite an author's file.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { generateJsonSchemas } from '../../../engine/course/jsonSchemas';
import { toId } from '../../../main/cli/newCommand';
import { runHcs } from './captureIo';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hcs-new-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const edit = (file: string, from: string, to: string) => {
  const full = path.join(dir, file);
  const text = readFileSync(full, 'utf8');
  expect(text).toContain(from);
  writeFileSync(full, text.replace(from, to));
};

test('a new course validates as written', async () => {
  const made = await runHcs(['new', 'course', 'My Course'], dir);
  expect(made.code).toBe(0);
  expect(made.stdout).toContain('created My Course/course.yaml\ncreated My Course/modules/first-module/module.yaml\ncreated My Course/modules/first-module/01-first-lesson.md\n');
  expect(readFileSync(path.join(dir, 'My Course/course.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*schema\/course\.schema\.json\nid: my-course\n/);
  expect(await runHcs(['validate', 'My Course'], dir)).toMatchObject({ code: 0, stdout: 'Checked 1 course pack: 0 errors, 0 warnings.\n' });
});

test('a new course outside any project carries its own copy of the JSON Schemas, and its files point at it', async () => {
  const made = await runHcs(['new', 'course', 'c'], dir);
  expect(made.stdout).toContain('created c/schema/course.schema.json\ncreated c/schema/module.schema.json\n');
  expect(readFileSync(path.join(dir, 'c/course.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=schema\/course\.schema\.json\n/);
  expect(readFileSync(path.join(dir, 'c/modules/first-module/module.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/module\.schema\.json\n/);
  expect(readFileSync(path.join(dir, 'c/schema/scenario.schema.json'), 'utf8')).toBe(generateJsonSchemas()['scenario.schema.json']);
});

test('a new course under a folder that has schema/ points there and copies nothing', async () => {
  await runHcs(['schema', '--write'], dir);
  const made = await runHcs(['new', 'course', 'courses/c'], dir);
  expect(made.stdout).not.toContain('schema');
  expect(readFileSync(path.join(dir, 'courses/c/course.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/course\.schema\.json\n/);
});

test('a scenario written outside any course has no schema line rather than one that does not resolve', async () => {
  await runHcs(['new', 'scenario', 'loose'], dir);
  expect(readFileSync(path.join(dir, 'loose.scenario.yaml'), 'utf8')).not.toContain('$schema');
});

test('a new module and scenario validate once listed in the course', async () => {
  await runHcs(['new', 'course', 'c'], dir);
  expect((await runHcs(['new', 'module', 'c/modules/second'], dir)).code).toBe(0);
  expect((await runHcs(['new', 'scenario', 'c/modules/second/meeting'], dir)).stdout).toContain('created c/modules/second/meeting.scenario.yaml');
  edit('c/course.yaml', '  - modules/first-module\n', '  - modules/first-module\n  - modules/second\n');
  edit('c/modules/second/module.yaml', 'scenarios: []', 'scenarios: [meeting.scenario.yaml]');
  const run = await runHcs(['validate', 'c'], dir);
  expect(run.stdout).toBe('Checked 1 course pack: 0 errors, 0 warnings.\n');
  expect(run.code).toBe(0);
});

test('refuses to overwrite an existing file, says so in a sentence, and writes nothing', async () => {
  await runHcs(['new', 'course', 'c'], dir);
  edit('c/course.yaml', 'title: C', 'title: My own words');
  const again = await runHcs(['new', 'course', 'c'], dir);
  expect(again.code).toBe(1);
  expect(again.stderr).toBe(
    'hcs new: c/course.yaml, c/modules/first-module/module.yaml, c/modules/first-module/01-first-lesson.md already exist, and hcs new never overwrites a file; choose another path (nothing was written).\n',
  );
  expect(readFileSync(path.join(dir, 'c/course.yaml'), 'utf8')).toContain('title: My own words');
});

test('--json lists the files created', async () => {
  const run = await runHcs(['new', 'scenario', 'story.scenario.yaml', '--json'], dir);
  expect(JSON.parse(run.stdout)).toEqual({ created: ['story.scenario.yaml'] });
});

test('an unknown kind is a usage error', async () => {
  const run = await runHcs(['new', 'lesson', 'x'], dir);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('new needs what to create: course, module, scenario');
});

test('ids made from names follow the id pattern', () => {
  expect(toId('My Course')).toBe('my-course');
  expect(toId('01 Intro_to HC')).toBe('intro-to-hc');
  expect(toId('***')).toBe('untitled');
});
