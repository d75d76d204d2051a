// Save a Copy puts an installed course into the educator's documents under its own id
// and title, whole or not at all, and never follows a link out of the pack.

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { copiesFolder, copyPackToDocuments } from '../../../main/services/packCopy';
import { openPackFiles } from '../../../main/services/packFiles';

const SHIPPED = path.resolve(__dirname, '../../../courses/health-creation-ug');

let dir: string;
let documents: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hcs-copy-'));
  documents = path.join(dir, 'Documents');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a shipped course is copied into the documents folder with its own id and title, and loads', async () => {
  const copy = await copyPackToDocuments(SHIPPED, documents);
  expect(copy.folder).toBe(path.join(documents, 'Health Creation Studio', 'Courses', 'health-creation-ug'));
  const original = await loadCourse(createNodePackReader(SHIPPED));
  const copied = await loadCourse(createNodePackReader(copy.folder));
  expect(copied.diagnostics).toEqual(original.diagnostics);
  expect(copied.course?.id).toBe(`${original.course!.id}-copy`);
  expect(copy.courseId).toBe(`${original.course!.id}-copy`);
  expect(copied.course?.title).toBe(`${original.course!.title} (my copy)`);
  expect(copied.course?.modules.map((m) => m.id)).toEqual(original.course!.modules.map((m) => m.id));
  // Only the id and title lines of course.yaml differ from the shipped text.
  const before = readFileSync(path.join(SHIPPED, 'course.yaml'), 'utf8').split('\n');
  const after = readFileSync(path.join(copy.folder, 'course.yaml'), 'utf8').split('\n');
  expect(after.filter((line, i) => line !== before[i]).map((l) => l.split(':')[0])).toEqual(['id', 'title']);
  // The copy is editable where the original is not.
  const files = await openPackFiles(copy.folder);
  const course = await files.read('course.yaml');
  expect((await files.write('course.yaml', course.text, course.version)).kind).toBe('written');
});

test('a second copy gets the next free name and id', async () => {
  await copyPackToDocuments(SHIPPED, documents);
  const second = await copyPackToDocuments(SHIPPED, documents);
  expect(path.basename(second.folder)).toBe('health-creation-ug 2');
  expect(second.courseId).toMatch(/-copy-2$/);
  expect(readdirSync(copiesFolder(documents)).sort()).toEqual(['health-creation-ug', 'health-creation-ug 2']);
});

test('links in the pack are left out of the copy, never followed', async () => {
  const pack = path.join(dir, 'pack');
  cpSync(path.resolve(__dirname, '../../engine/course/fixtures/base'), pack, { recursive: true });
  writeFileSync(path.join(dir, 'secret.txt'), 'private');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(pack, 'modules/intro/media/secret.txt'));
  const copy = await copyPackToDocuments(pack, documents);
  expect(copy.skippedLinks).toEqual(['modules/intro/media/secret.txt']);
  expect(existsSync(path.join(copy.folder, 'modules/intro/media/secret.txt'))).toBe(false);
  expect(existsSync(path.join(copy.folder, 'modules/intro/media/pic.svg'))).toBe(true);
});

test('a documents folder that cannot be written is said in a sentence, and no half copy is left', async () => {
  writeFileSync(path.join(dir, 'Documents'), 'a file where the folder should be');
  await expect(copyPackToDocuments(SHIPPED, documents)).rejects.toThrow(/^The folder for your copies, .*Health Creation Studio\/Courses, could not be made \(.*\): check that your documents folder can be written\.$/);
});
