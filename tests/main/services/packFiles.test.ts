// The pack file service: reads with a version, writes atomically only inside the pack's
// real folder and only over the version the edit started from, and makes new modules,
// lessons and scenarios that validate, each refusal a sentence naming the file.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import { generateJsonSchemas } from '../../../engine/course/jsonSchemas';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { isReadOnlyPack, openPackFiles, type PackFileService } from '../../../main/services/packFiles';

const BASE = path.resolve(__dirname, '../../engine/course/fixtures/base');

let dir: string;
let pack: string;
let outside: string;
let files: PackFileService;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hcs-packfiles-'));
  pack = path.join(dir, 'pack');
  outside = path.join(dir, 'outside');
  cpSync(BASE, pack, { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'secret.md'), 'not yours\n');
  files = await openPackFiles(pack);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const onDisk = (relative: string) => readFileSync(path.join(pack, relative), 'utf8');
const tempFiles = (folder: string): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}
async function validates(folder: string): Promise<string[]> {
  const { diagnostics } = await loadCourse(createNodePackReader(folder));
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
}

describe('reading', () => {
  test('lists the pack as a tree, folders first, without version control or its own temp files, and links shown but not followed', async () => {
    mkdirSync(path.join(pack, '.git'));
    writeFileSync(path.join(pack, '.git', 'HEAD'), 'ref');
    writeFileSync(path.join(pack, 'modules/intro/.01-start.md.hcs-1-1.tmp'), 'half');
    symlinkSync(outside, path.join(pack, 'elsewhere'));
    const tree = await files.tree();
    expect(tree.children!.map((e) => `${e.kind} ${e.path}`)).toEqual(['folder modules', 'file course.yaml', 'link elsewhere']);
    const intro = tree.children![0]!.children!.find((e) => e.name === 'intro')!;
    expect(intro.children!.map((e) => e.name)).toEqual(['media', '01-start.md', 'module.yaml', 'story.scenario.yaml']);
  });

  test('reads a file with a version that is the hash of its bytes', async () => {
    const file = await files.read('modules/next/01-next.md');
    expect(file.text).toBe(onDisk('modules/next/01-next.md'));
    expect(file.version).toBe(createHash('sha256').update(readFileSync(path.join(pack, 'modules/next/01-next.md'))).digest('hex'));
  });

  test('refuses, in a sentence naming the file, what cannot be edited as text', async () => {
    writeFileSync(path.join(pack, 'modules/intro/media/photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]));
    expect(await refusal(files.read('modules/intro/media/photo.png'))).toBe(
      '"modules/intro/media/photo.png" is not UTF-8 text (an image or other media, or text saved in another encoding), so it cannot be edited here: save text files as UTF-8.',
    );
    expect(await refusal(files.read('modules/intro/gone.md'))).toBe('"modules/intro/gone.md" is not in the course pack: it may have been renamed or deleted; refresh the Files view.');
    expect(await refusal(files.read('modules'))).toBe('"modules" is a folder, not a file: open a file inside it.');
  });
});

describe('writing', () => {
  test('writes over the version the edit started from, atomically, leaving no temp file', async () => {
    const file = await files.read('modules/next/01-next.md');
    const text = file.text.replace('More prose.', 'Better prose.');
    const outcome = await files.write(file.path, text, file.version);
    expect(outcome).toEqual({ kind: 'written', path: file.path, version: createHash('sha256').update(text).digest('hex') });
    expect(onDisk(file.path)).toBe(text);
    expect(tempFiles(pack)).toEqual([]);
    expect((await files.read(file.path)).version).toBe((outcome as { version: string }).version);
  });

  test('a file changed on disk since it was opened is a conflict carrying the disk text, and nothing is written', async () => {
    const file = await files.read('modules/next/01-next.md');
    writeFileSync(path.join(pack, file.path), `${file.text}\nAdded in another editor.\n`);
    const theirs = onDisk(file.path);
    const outcome = await files.write(file.path, 'my text', file.version);
    expect(outcome).toEqual({
      kind: 'conflict',
      path: file.path,
      disk: { text: theirs, version: createHash('sha256').update(theirs).digest('hex') },
      message: '"modules/next/01-next.md" was changed on disk since you opened it (by another editor, or git): keep your version, take the one on disk, or compare the two.',
    });
    expect(onDisk(file.path)).toBe(theirs);
    // Keep mine: write again over the version now on disk.
    expect((await files.write(file.path, 'my text', outcome.kind === 'conflict' ? outcome.disk!.version : '')).kind).toBe('written');
    expect(onDisk(file.path)).toBe('my text');
  });

  test('a file deleted on disk since it was opened is a conflict with no disk text', async () => {
    const file = await files.read('modules/next/01-next.md');
    rmSync(path.join(pack, file.path));
    const outcome = await files.write(file.path, 'mine', file.version);
    expect(outcome).toMatchObject({
      kind: 'conflict',
      message: '"modules/next/01-next.md" was deleted on disk since you opened it: keep your version to save it again, or close it.',
    });
    // No disk text: there is nothing on disk to compare with.
    expect(outcome.kind === 'conflict' && outcome.disk).toBeFalsy();
    expect(existsSync(path.join(pack, file.path))).toBe(false);
  });

  test('a new file is created only if nothing is there yet', async () => {
    expect(await files.write('modules/next/notes/plan.md', '# Plan\n', null)).toMatchObject({ kind: 'written' });
    expect(onDisk('modules/next/notes/plan.md')).toBe('# Plan\n');
    expect(await files.write('modules/next/notes/plan.md', 'again', null)).toMatchObject({ kind: 'conflict', disk: { text: '# Plan\n' } });
  });
});

describe('writes stay inside the pack', () => {
  test('a path that climbs out with .. is refused', async () => {
    expect(await refusal(files.write('../outside/secret.md', 'x', null))).toBe('"../outside/secret.md" climbs out with "..": only files inside the course pack can be changed here.');
    expect(await refusal(files.write('modules/../../outside/secret.md', 'x', null))).toContain('climbs out with ".."');
    expect(onDisk('../outside/secret.md')).toBe('not yours\n');
  });

  test('an absolute path is refused, even one that names a file inside the pack', async () => {
    expect(await refusal(files.write(path.join(outside, 'secret.md'), 'x', null))).toContain('is an absolute path: name the file relative to the course pack');
    expect(await refusal(files.write(path.join(pack, 'course.yaml'), 'x', null))).toContain('is an absolute path');
    expect(await refusal(files.write('C:\\Users\\me\\x.md', 'x', null))).toContain('is an absolute path');
    expect(await refusal(files.write('modules\\intro\\x.md', 'x', null))).toBe('"modules\\intro\\x.md" uses \\ between folders: write / instead, as in modules/intro/01-start.md.');
  });

  test('a file that is a link to outside the pack is neither written nor read through', async () => {
    symlinkSync(path.join(outside, 'secret.md'), path.join(pack, 'modules/intro/linked.md'));
    const message = await refusal(files.write('modules/intro/linked.md', 'overwritten', null));
    expect(message).toBe('"modules/intro/linked.md" is a link to somewhere else, and Health Creation Studio changes only real files inside the course pack: replace the link with the file or folder itself.');
    expect(await refusal(files.read('modules/intro/linked.md'))).toBe(message);
    expect(readFileSync(path.join(outside, 'secret.md'), 'utf8')).toBe('not yours\n');
  });

  test('a folder that is a link to outside the pack is not written through', async () => {
    symlinkSync(outside, path.join(pack, 'modules/shared'));
    expect(await refusal(files.write('modules/shared/secret.md', 'overwritten', null))).toBe(
      '"modules/shared/secret.md" goes through "modules/shared", which is a link to somewhere else, and Health Creation Studio changes only real files inside the course pack: replace the link with the file or folder itself.',
    );
    expect(await refusal(files.write('modules/shared/new.md', 'x', null))).toContain('goes through "modules/shared"');
    expect(await refusal(files.remove('modules/shared/secret.md'))).toContain('goes through "modules/shared"');
    expect(readdirSync(outside)).toEqual(['secret.md']);
    expect(readFileSync(path.join(outside, 'secret.md'), 'utf8')).toBe('not yours\n');
  });

  test('a pack opened through a link to it works on its real folder', async () => {
    symlinkSync(pack, path.join(dir, 'via-link'));
    const linked = await openPackFiles(path.join(dir, 'via-link'));
    expect(linked.root).toBe(pack);
    const file = await linked.read('course.yaml');
    expect((await linked.write('course.yaml', file.text, file.version)).kind).toBe('written');
  });

  test('a name that differs only in letter case from one already there is refused', async () => {
    expect(await refusal(files.write('modules/intro/01-Start.md', 'x', null))).toBe(
      '"modules/intro/01-Start.md" differs only in letter case from "01-start.md" already in modules/intro: Windows and macOS treat them as the same name, so use "01-start.md" or choose another name.',
    );
    expect(await refusal(files.write('Modules/intro/x.md', 'x', null))).toContain('"Modules" differs only in letter case from "modules" already in the course pack');
    expect(await refusal(files.createFolder('modules/Intro'))).toContain('differs only in letter case from "intro"');
  });

  test('names some disks cannot hold are refused when created', async () => {
    expect(await refusal(files.write('modules/intro/con.md', 'x', null))).toBe('"modules/intro/con.md" is a name Windows reserves for a device: choose a name of letters, digits, hyphens and dots that every computer accepts.');
    expect(await refusal(files.write('modules/intro/a:b.md', 'x', null))).toContain('contains `:`, which Windows does not allow in names');
    expect(await refusal(files.createFolder('modules/new folder.'))).toContain('ends with a dot or a space');
    expect(await refusal(files.write('modules/intro/x\u0001.md', 'x', null))).toContain('contains `character 1`');
  });
});

describe('creating, renaming and deleting', () => {
  test('folders and files are created, renamed and deleted, never over something already there', async () => {
    await files.createFolder('modules/extra/media');
    expect(await refusal(files.createFolder('modules/extra'))).toBe('"modules/extra" already exists: choose another name.');
    await files.write('modules/extra/a.md', 'a', null);
    await files.rename('modules/extra/a.md', 'modules/extra/b.md');
    expect(existsSync(path.join(pack, 'modules/extra/b.md'))).toBe(true);
    expect(await refusal(files.rename('modules/extra/b.md', 'course.yaml'))).toBe('"course.yaml" already exists, so "modules/extra/b.md" was not renamed: choose another name, or delete "course.yaml" first.');
    expect(await refusal(files.rename('modules/extra', 'modules/extra/inner'))).toBe('"modules/extra" cannot be moved inside itself: choose a place outside it.');
    await files.rename('modules/extra/b.md', 'modules/extra/B.md');
    expect(readdirSync(path.join(pack, 'modules/extra'))).toEqual(['B.md', 'media']);
    await files.remove('modules/extra/B.md');
    await files.remove('modules/extra');
    expect(existsSync(path.join(pack, 'modules/extra'))).toBe(false);
    expect(await refusal(files.remove('modules/extra'))).toContain('"modules/extra" is not in the course pack');
  });
});

describe('a course installed with the app', () => {
  test('is read but never changed, and each refusal offers a copy in the documents folder', async () => {
    const shipped = await openPackFiles(pack, { readOnly: true, documentsDir: '/home/educator/Documents' });
    const file = await shipped.read('course.yaml');
    const sentence =
      '"pack" is a course installed with Health Creation Studio and stays as shipped, so it cannot be changed here: use Save a Copy to put your own copy in your documents (/home/educator/Documents/Health Creation Studio/Courses), then edit the copy.';
    expect(await refusal(shipped.write('course.yaml', 'x', file.version))).toBe(sentence);
    expect(await refusal(shipped.createFolder('x'))).toBe(sentence);
    expect(await refusal(shipped.rename('course.yaml', 'c.yaml'))).toBe(sentence);
    expect(await refusal(shipped.remove('course.yaml'))).toBe(sentence);
    expect(await refusal(shipped.newLesson('modules/intro', 'More'))).toBe(sentence);
    expect(onDisk('course.yaml')).toBe(file.text);
  });

  test('is known by its folder lying under a root of installed courses, by real path', async () => {
    symlinkSync(dir, path.join(tmpdir(), `hcs-link-${process.pid}`));
    try {
      expect(await isReadOnlyPack(pack, [dir])).toBe(true);
      expect(await isReadOnlyPack(pack, [path.join(tmpdir(), `hcs-link-${process.pid}`)])).toBe(true);
      expect(await isReadOnlyPack(pack, [outside])).toBe(false);
      expect(await isReadOnlyPack(`${pack}-other`, [pack])).toBe(false);
    } finally {
      rmSync(path.join(tmpdir(), `hcs-link-${process.pid}`));
    }
  });
});

describe('New Module, New Lesson, New Scenario', () => {
  test('a new module is added to course.yaml as one more line, and the pack still validates', async () => {
    const before = onDisk('course.yaml');
    const made = await files.newModule('Listening: a practice');
    // A pack with no schema/ folder above it gets its own copy, as `hcs new` gives one, so the new file's $schema resolves.
    expect(made).toEqual({
      created: ['modules/listening-a-practice/module.yaml', 'modules/listening-a-practice/01-first-lesson.md', ...Object.keys(generateJsonSchemas()).map((name) => `schema/${name}`)],
      changed: ['course.yaml'],
      open: 'modules/listening-a-practice/module.yaml',
    });
    expect(onDisk('course.yaml')).toBe(before.replace('  - modules/next\n', '  - modules/next\n  - modules/listening-a-practice\n'));
    expect(onDisk('modules/listening-a-practice/module.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/module\.schema\.json\nid: listening-a-practice\ntitle: "Listening: a practice"\n/);
    expect(JSON.parse(onDisk('schema/module.schema.json'))).toMatchObject({ type: 'object' });
    expect(await validates(pack)).toEqual([]);
  });

  test('new lessons are numbered after the module\'s and listed in module.yaml, with ids no other item has', async () => {
    const first = await files.newLesson('modules/intro', 'Listening well');
    const second = await files.newLesson('modules/intro', 'Listening well');
    expect([first.open, second.open]).toEqual(['modules/intro/02-listening-well.md', 'modules/intro/03-listening-well.md']);
    expect(onDisk('modules/intro/module.yaml')).toContain('lessons:\n  - 01-start.md\n  - 02-listening-well.md\n  - 03-listening-well.md\nscenarios:');
    expect(onDisk('modules/intro/02-listening-well.md')).toMatch(/^---\nid: intro-listening-well\ntitle: Listening well\nminutes: 15\noutcomes: \[intro-o1\]\n---/);
    expect(onDisk('modules/intro/03-listening-well.md')).toContain('id: intro-listening-well-2\n');
    expect(await validates(pack)).toEqual([]);
  });

  test('a new scenario is listed under the module\'s scenarios, created if the module had none', async () => {
    mkdirSync(path.join(dir, 'schema'));
    writeFileSync(path.join(dir, 'schema/course.schema.json'), '{}');
    const made = await files.newScenario('modules/next', 'Clinic visit');
    // A schema/ folder above the pack is used as it is, and no copy is made.
    expect(made).toEqual({ created: ['modules/next/clinic-visit.scenario.yaml'], changed: ['modules/next/module.yaml'], open: 'modules/next/clinic-visit.scenario.yaml' });
    expect(onDisk('modules/next/clinic-visit.scenario.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schema\/scenario\.schema\.json\n/);
    expect(onDisk('modules/next/module.yaml')).toMatch(/lessons:\n {2}- 01-next.md\nscenarios:\n {2}- clinic-visit.scenario.yaml\n$/);
    expect(await validates(pack)).toEqual([]);
  });

  test('a module.yaml with errors is not extended, and no file is left behind', async () => {
    writeFileSync(path.join(pack, 'modules/next/module.yaml'), `${onDisk('modules/next/module.yaml')}lessons: [oops\n`);
    expect(await refusal(files.newLesson('modules/next', 'More'))).toBe('modules/next/module.yaml has errors, so nothing was added to it: fix it first (the Problems view lists them).');
    expect(readdirSync(path.join(pack, 'modules/next'))).toEqual(['01-next.md', 'module.yaml']);
  });

  test('a title is needed', async () => {
    expect(await refusal(files.newScenario('modules/next', '   '))).toBe('A new scenario needs a title: type one, such as "Listening well".');
  });
});
