// Authoring behind the Studio API: one course pack's files, checks with unsaved text,
// previews that keep the last good version, New Course and Save a Copy into the
// author's documents, read-only installed courses, and the one feed of changes on disk.

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createAuthoring, type AuthoringService } from '../../../main/services/authoring';
import { createLibrary } from '../../../main/services/library';
import { copiesFolder } from '../../../main/services/packCopy';
import { ROOT } from '../../e2e/helpers/studio';
import { tempDir } from '../tempDir';

const SAMPLE = path.join(ROOT, 'courses/sample');
const LESSON = 'modules/what-is-health-creation/01-creating-health.md';
const SCENARIO = 'modules/health-creating-practice/what-matters.scenario.yaml';

let service: AuthoringService | undefined;
afterEach(() => service?.close());

/** A copy of the sample course in a temp folder of packs, with a documents folder beside it. */
async function setUp(options: { readOnly?: boolean; watch?: boolean } = {}) {
  const dir = await tempDir('hcs-authoring-');
  const courses = path.join(dir, 'courses');
  const pack = path.join(courses, 'sample');
  cpSync(SAMPLE, pack, { recursive: true });
  const documents = path.join(dir, 'documents');
  // Named directly, as the sample is kept out of the list of a folder of courses.
  const library = createLibrary([pack, copiesFolder(documents)]);
  service = createAuthoring({
    library,
    documentsDir: documents,
    readOnlyRoots: options.readOnly ? [courses] : [],
    watch: options.watch ? { debounceMs: 30 } : false,
  });
  const courseId = (await library.list())[0]!.id;
  return { dir, pack, documents, library, courseId, authoring: service };
}

describe('the files of a pack', () => {
  test('lists the pack as a tree and reads a file with its version', async () => {
    const { authoring, courseId } = await setUp();
    const tree = await authoring.tree(courseId);
    expect(tree.readOnly).toBe(false);
    expect(tree.root.children?.map((c) => c.name)).toEqual(['modules', 'course.yaml']);
    const file = await authoring.read(courseId, LESSON);
    expect(file.text).toContain('id: wihc-creating-health');
    expect(file.version).toMatch(/^[0-9a-f]{64}$/);
  });

  test('saves over the version an edit started from, and reports a conflict with the disk text when another program changed it', async () => {
    const { authoring, courseId, pack } = await setUp();
    const file = await authoring.read(courseId, LESSON);
    writeFileSync(path.join(pack, LESSON), 'theirs');
    const outcome = await authoring.write(courseId, LESSON, 'mine', file.version);
    expect(outcome).toMatchObject({ kind: 'conflict', disk: { text: 'theirs' } });
    expect(readFileSync(path.join(pack, LESSON), 'utf8')).toBe('theirs');
  });

  test('refuses a path out of the pack with a sentence', async () => {
    const { authoring, courseId } = await setUp();
    await expect(authoring.read(courseId, '../../etc/passwd')).rejects.toThrow('"../../etc/passwd" climbs out with "..": only files inside the course pack can be changed here.');
  });

  test('an unknown course is a sentence, not a crash', async () => {
    const { authoring } = await setUp();
    await expect(authoring.tree('no-such-course')).rejects.toThrow('There is no course with the id "no-such-course" on this computer; reload the courses and pick it again.');
  });

  test('New Lesson adds the lesson file and lists it in module.yaml, and the next check sees it', async () => {
    const { authoring, courseId, pack } = await setUp();
    const before = await authoring.check(courseId, { buffers: [], preview: [] });
    expect(before.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const made = await authoring.createItem(courseId, { kind: 'lesson', moduleFolder: 'modules/what-is-health-creation', title: 'Listening well' });
    expect(made.open).toBe('modules/what-is-health-creation/03-listening-well.md');
    expect(readFileSync(path.join(pack, 'modules/what-is-health-creation/module.yaml'), 'utf8')).toContain('03-listening-well.md');
    const after = await authoring.check(courseId, { buffers: [], preview: [made.open!] });
    expect(after.previews[0]).toMatchObject({ stale: false, item: { kind: 'lesson', lesson: { title: 'Listening well' } } });
  });
});

describe('checks with unsaved text', () => {
  test('reports a typo in the unsaved text at its line, and forgets it once the buffer is dropped', async () => {
    const { authoring, courseId } = await setUp();
    const disk = (await authoring.read(courseId, SCENARIO)).text;
    const typo = disk.replace(/^title:/m, 'titel:');
    const broken = await authoring.check(courseId, { buffers: [{ path: SCENARIO, text: typo }], preview: [SCENARIO] });
    const unknown = broken.diagnostics.find((d) => d.code === 'HCS006' && d.file === SCENARIO);
    expect(unknown).toMatchObject({ line: typo.split('\n').findIndex((l) => l.startsWith('titel:')) + 1, column: 1 });
    const clean = await authoring.check(courseId, { buffers: [], preview: [] });
    expect(clean.diagnostics.some((d) => d.file === SCENARIO && d.severity === 'error')).toBe(false);
  });

  test('while the pack has errors the preview keeps the last good version and says it is stale', async () => {
    const { authoring, courseId } = await setUp();
    const disk = (await authoring.read(courseId, LESSON)).text;
    const good = await authoring.check(courseId, { buffers: [{ path: LESSON, text: disk.replace(/^title: .*$/m, 'title: Fresh title') }], preview: [LESSON] });
    expect(good.previews[0]).toMatchObject({ stale: false, item: { kind: 'lesson', lesson: { title: 'Fresh title' } } });
    const broken = await authoring.check(courseId, { buffers: [{ path: LESSON, text: disk.replace(/^title: .*$/m, 'title: [unclosed') }], preview: [LESSON] });
    expect(broken.diagnostics.some((d) => d.severity === 'error' && d.file === LESSON)).toBe(true);
    expect(broken.previews[0]).toMatchObject({ stale: true, item: { kind: 'lesson', lesson: { title: 'Fresh title' } } });
  });

  test('a buffer with a path that climbs out of the pack is refused with a sentence', async () => {
    const { authoring, courseId } = await setUp();
    await expect(authoring.check(courseId, { buffers: [{ path: '../x.md', text: '' }], preview: [] })).rejects.toThrow('climbs out with ".."');
  });
});

describe('the author\'s own courses', () => {
  test('New Course writes the template into the courses folder of the documents and lists it in the library', async () => {
    const { authoring, documents, library } = await setUp();
    const made = await authoring.createCourse('Health Creation in Primary Care');
    expect(made).toEqual({ courseId: 'health-creation-in-primary-care', title: 'Health Creation in Primary Care' });
    const folder = path.join(copiesFolder(documents), 'health-creation-in-primary-care');
    expect(existsSync(path.join(folder, 'course.yaml'))).toBe(true);
    const entry = (await library.list()).find((c) => c.id === made.courseId);
    expect(entry).toMatchObject({ status: 'ok', title: 'Health Creation in Primary Care' });
    const again = await authoring.createCourse('Health Creation in Primary Care');
    expect(again.courseId).toBe('health-creation-in-primary-care-2');
  });

  test('New Course without a title says what to type', async () => {
    const { authoring } = await setUp();
    await expect(authoring.createCourse('   ')).rejects.toThrow('A new course needs a title: type one, such as "Health Creation in Primary Care".');
  });

  test('an installed course is read-only: a save is refused with a sentence offering a copy, and Save a Copy makes an editable one', async () => {
    const { authoring, courseId, documents, library } = await setUp({ readOnly: true });
    expect((await authoring.tree(courseId)).readOnly).toBe(true);
    const file = await authoring.read(courseId, LESSON);
    await expect(authoring.write(courseId, LESSON, 'changed', file.version)).rejects.toThrow(
      `"sample" is a course installed with Health Creation Studio and stays as shipped, so it cannot be changed here: use Save a Copy to put your own copy in your documents (${copiesFolder(documents)}), then edit the copy.`,
    );
    const copy = await authoring.createCourse('x').then(() => authoring.copyCourse(courseId));
    expect(copy.courseId).toBe(`${courseId}-copy`);
    expect((await authoring.tree(copy.courseId)).readOnly).toBe(false);
    // The sample is kept out of the learners' list; the author's copy of it is listed, to be worked on.
    expect((await library.refresh()).map((c) => c.id)).toContain(copy.courseId);
    expect(readFileSync(path.join(copiesFolder(documents), 'sample', 'course.yaml'), 'utf8')).not.toMatch(/^listed:/m);
    const inCopy = await authoring.read(copy.courseId, LESSON);
    expect((await authoring.write(copy.courseId, LESSON, `${inCopy.text}\nMore.\n`, inCopy.version)).kind).toBe('written');
  });
});

describe('changes on disk', () => {
  test('a file changed by another program reaches the feed with its course, and the next check reads the new text', async () => {
    const { authoring, courseId, pack } = await setUp({ watch: true });
    const first = await authoring.waitForChanges(0, 0);
    expect(first).toEqual({ seq: 0, changes: [], reset: false });
    await new Promise((r) => setTimeout(r, 150));
    const disk = readFileSync(path.join(pack, SCENARIO), 'utf8');
    await authoring.check(courseId, { buffers: [], preview: [] });
    const started = Date.now();
    writeFileSync(path.join(pack, SCENARIO), disk.replace(/^title:/m, 'titel:'));
    const feed = await authoring.waitForChanges(0, 2000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(feed.changes).toContainEqual({ courseId, path: SCENARIO, exists: true });
    const checked = await authoring.check(courseId, { buffers: [], preview: [] });
    expect(checked.diagnostics.some((d) => d.code === 'HCS006' && d.file === SCENARIO)).toBe(true);
  });

  test('a sequence number from before a restart asks the client to reload everything', async () => {
    const { authoring } = await setUp({ watch: true });
    expect(await authoring.waitForChanges(41, 0)).toEqual({ seq: 0, changes: [], reset: true });
  });

  test('closing ends a waiting poll at once', async () => {
    const { authoring } = await setUp({ watch: true });
    const waiting = authoring.waitForChanges(0, 30_000);
    await new Promise((r) => setTimeout(r, 50));
    authoring.close();
    expect(await waiting).toEqual({ seq: 0, changes: [], reset: false });
  });
});
