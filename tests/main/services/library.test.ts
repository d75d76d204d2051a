// The library lists every pack it finds; a broken one is listed as broken with its
// reasons while the others still open.

import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createLibrary } from '../../../main/services/library';

const BASE = path.resolve(__dirname, '../../engine/course/fixtures/base');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hcs-library-'));
  cpSync(BASE, path.join(dir, 'a-good'), { recursive: true });
  cpSync(BASE, path.join(dir, 'b-broken'), { recursive: true });
  const course = path.join(dir, 'b-broken/course.yaml');
  writeFileSync(course, readFileSync(course, 'utf8').replace('id: fixture-course', 'id: broken-course').replace('  - modules/next\n', '  - modules/next\n  - modules/gone\n'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('lists the good and the broken pack, and the broken one carries its diagnostics', async () => {
  const library = createLibrary([dir]);
  const entries = await library.list();
  expect(entries.map((e) => [e.id, e.status])).toEqual([
    ['fixture-course', 'ok'],
    ['broken-course', 'broken'],
  ]);
  expect(entries[1]).toMatchObject({ title: 'Fixture course', level: { award: 'undergraduate', fheq: 5 } });
  expect(entries[1]?.diagnostics).toEqual([expect.objectContaining({ file: 'course.yaml', line: 15, code: 'HCS021' })]);
});

test('opens the good course by id and never a broken one', async () => {
  const library = createLibrary([dir]);
  expect((await library.getCourse('fixture-course'))?.modules).toHaveLength(2);
  expect(await library.getCourse('broken-course')).toBeUndefined();
  expect((await library.getPack('broken-course'))?.folder).toBe(path.join(dir, 'b-broken'));
});

test('a root that is itself a pack is found, and several roots are listed in order', async () => {
  const library = createLibrary([path.join(dir, 'b-broken'), path.join(dir, 'a-good'), path.join(dir, 'missing')]);
  expect((await library.list()).map((e) => e.id)).toEqual(['broken-course', 'fixture-course']);
});

test('a second pack with an id already taken is listed as broken, naming the first', async () => {
  cpSync(BASE, path.join(dir, 'c-copy'), { recursive: true });
  const entries = await createLibrary([dir]).list();
  const copy = entries.find((e) => e.id.startsWith('fixture-course@'));
  expect(copy).toMatchObject({ id: 'fixture-course@c-copy', status: 'broken' });
  expect(copy?.diagnostics[0]?.message).toContain(`the pack at ${path.join(dir, 'a-good')} already uses it`);
});

test('refresh picks up an edit that fixes a broken pack', async () => {
  const library = createLibrary([dir]);
  expect((await library.list())[1]?.status).toBe('broken');
  const course = path.join(dir, 'b-broken/course.yaml');
  writeFileSync(course, readFileSync(course, 'utf8').replace('  - modules/gone\n', ''));
  const later = new Date(Date.now() + 5000);
  utimesSync(course, later, later);
  expect((await library.refresh()).map((e) => e.status)).toEqual(['ok', 'ok']);
});

test('a broken course.yaml still lists the pack, by its folder name', async () => {
  writeFileSync(path.join(dir, 'b-broken/course.yaml'), 'id: [unclosed\n');
  const entries = await createLibrary([dir]).list();
  expect(entries[1]).toMatchObject({ id: 'b-broken', title: 'b-broken', status: 'broken' });
  expect(entries[1]?.diagnostics.find((d) => d.severity === 'error')?.code).toBe('HCS004');
});

test('an unchanged pack is the same course after a refresh, so what is kept per course (the search index) stays valid', async () => {
  const library = createLibrary([dir]);
  const first = await library.getCourse('fixture-course');
  await library.refresh();
  expect(await library.getCourse('fixture-course')).toBe(first);
});

test('an edited pack is loaded again as a new course', async () => {
  const library = createLibrary([dir]);
  const first = await library.getCourse('fixture-course');
  const lesson = path.join(dir, 'a-good/modules/next/01-next.md');
  writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('# ', '# Edited: '));
  const later = new Date(Date.now() + 5000);
  utimesSync(lesson, later, later);
  await library.refresh();
  const second = await library.getCourse('fixture-course');
  expect(second).not.toBe(first);
  expect(JSON.stringify(second)).toContain('Edited: ');
});

test('the shared course is frozen, so a caller that tries to change it fails instead of changing it for everyone', async () => {
  const course = (await createLibrary([dir]).getCourse('fixture-course'))!;
  expect(() => {
    (course.modules as unknown[]).push({});
  }).toThrow(TypeError);
  expect(Object.isFrozen(course.modules[0]!.lessons[0]!)).toBe(true);
});

test('a pack marked listed: false is left out of a folder of courses, but shown when named directly', async () => {
  cpSync(BASE, path.join(dir, 'c-tests-only'), { recursive: true });
  const course = path.join(dir, 'c-tests-only/course.yaml');
  writeFileSync(course, readFileSync(course, 'utf8').replace('id: fixture-course', 'id: tests-only').concat('listed: false\n'));
  expect((await createLibrary([dir]).list()).map((e) => e.id)).toEqual(['fixture-course', 'broken-course']);
  expect(await createLibrary([dir]).getCourse('tests-only')).toBeUndefined();
  const named = createLibrary([path.join(dir, 'c-tests-only')]);
  expect((await named.list()).map((e) => [e.id, e.status])).toEqual([['tests-only', 'ok']]);
  expect((await named.getCourse('tests-only'))?.listed).toBe(false);
});

test('a broken pack marked listed: false is left out of a folder of courses too', async () => {
  const course = path.join(dir, 'b-broken/course.yaml');
  writeFileSync(course, readFileSync(course, 'utf8').concat('listed: false\n'));
  expect((await createLibrary([dir]).list()).map((e) => e.id)).toEqual(['fixture-course']);
});

test('lists the packs installed with the app as read-only, and the others without the flag', async () => {
  const library = createLibrary([dir], [path.join(dir, 'a-good')]);
  const entries = await library.list();
  expect(entries.map((e) => [e.id, e.readOnly])).toEqual([
    ['fixture-course', true],
    ['broken-course', undefined],
  ]);
});
