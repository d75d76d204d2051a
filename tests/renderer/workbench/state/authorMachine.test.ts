// The author machine over a fake pack: checks follow the editor's text after a pause in
// typing, saves go only over the version an edit started from, and changes made on
// disk by other programs reach clean files by themselves and raise a conflict in edited
// ones, which Keep Mine and Take Theirs settle.

import { afterEach, describe, expect, it } from 'vitest';
import { createActor, waitFor, type Actor } from 'xstate';
import { authorMachine, CHECK_DELAY_MS, docKey, isDirty, type AuthorEmitted } from '../../../../renderer/workbench/state/authorMachine';
import { fakePackApi, versionOf, type FakePackApi } from '../../../fakes/fakePackApi';

const LESSON = 'modules/m1/01-intro.md';
const KEY = docKey('pack', LESSON);
const started: Array<Actor<typeof authorMachine>> = [];

afterEach(() => {
  for (const actor of started.splice(0)) actor.stop();
});

/** An author machine over a pack with one lesson, the lesson open in a source tab. */
async function openLesson(text = '---\ntitle: Intro\n---\n'): Promise<{ fake: FakePackApi; author: Actor<typeof authorMachine>; emitted: AuthorEmitted[] }> {
  const fake = fakePackApi('pack', { 'course.yaml': 'id: pack\n', [LESSON]: text });
  const author = createActor(authorMachine, { input: { api: fake.api } });
  const emitted: AuthorEmitted[] = [];
  author.on('*', (e) => emitted.push(e));
  started.push(author.start());
  author.send({ type: 'OPEN_DOC', courseId: 'pack', path: LESSON });
  await waitFor(author, (s) => s.context.docs[KEY]?.status === 'ready' && (s.context.packs['pack']?.checks ?? 0) > 0);
  return { fake, author, emitted };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the author machine', () => {
  it('checks the pack once after a pause in typing, with the unsaved text standing in for the file', async () => {
    const { fake, author } = await openLesson();
    const before = fake.checks.length;
    for (const text of ['---\nt', '---\ntit', '---\ntitel: Intro\n---\n']) author.send({ type: 'EDIT', key: KEY, text });
    await pause(CHECK_DELAY_MS / 2);
    expect(fake.checks.length).toBe(before);
    await waitFor(author, (s) => (s.context.packs['pack']?.diagnostics?.length ?? 0) === 1);
    expect(fake.checks.length).toBe(before + 1);
    expect(fake.checks.at(-1)).toEqual({ buffers: [{ path: LESSON, text: '---\ntitel: Intro\n---\n' }], preview: [LESSON] });
    expect(author.getSnapshot().context.packs['pack']!.diagnostics![0]).toMatchObject({ file: LESSON, line: 2, column: 1, code: 'HCS006' });
    expect(isDirty(author.getSnapshot().context.docs[KEY])).toBe(true);
    // The disk still holds the saved text.
    expect(fake.files.get(LESSON)).toBe('---\ntitle: Intro\n---\n');
  });

  it('saves over the version the edit started from and is clean afterwards', async () => {
    const { fake, author } = await openLesson();
    author.send({ type: 'EDIT', key: KEY, text: 'new text\n' });
    author.send({ type: 'SAVE', key: KEY });
    await waitFor(author, (s) => !isDirty(s.context.docs[KEY]) && !s.context.docs[KEY]!.saving);
    expect(fake.writes).toEqual([{ path: LESSON, text: 'new text\n' }]);
    expect(author.getSnapshot().context.docs[KEY]!.version).toBe(versionOf('new text\n'));
  });

  it('takes a change on disk into a file with no unsaved edits, by itself', async () => {
    const { fake, author } = await openLesson();
    const revision = author.getSnapshot().context.docs[KEY]!.revision;
    fake.changeOnDisk(LESSON, 'pulled from git\n');
    await waitFor(author, (s) => s.context.docs[KEY]!.text === 'pulled from git\n');
    const doc = author.getSnapshot().context.docs[KEY]!;
    expect(doc.conflict).toBeUndefined();
    expect(doc.revision).toBe(revision + 1);
    expect(isDirty(doc)).toBe(false);
  });

  it('raises a conflict when a file with unsaved edits changes on disk, and Save does not write over it', async () => {
    const { fake, author, emitted } = await openLesson();
    author.send({ type: 'EDIT', key: KEY, text: 'mine\n' });
    fake.changeOnDisk(LESSON, 'theirs\n');
    await waitFor(author, (s) => s.context.docs[KEY]!.conflict !== undefined);
    expect(author.getSnapshot().context.docs[KEY]!.conflict).toEqual({
      message: `"${LESSON}" was changed on disk (by another editor, or git) while you were editing it here: keep your version, take the one on disk, or compare the two.`,
      disk: { text: 'theirs\n', version: versionOf('theirs\n') },
    });
    author.send({ type: 'SAVE', key: KEY });
    await pause(20);
    expect(fake.files.get(LESSON)).toBe('theirs\n');
    expect(emitted).toContainEqual({ type: 'notice', level: 'error', message: expect.stringContaining('was changed on disk') });
    expect(author.getSnapshot().context.docs[KEY]!.text).toBe('mine\n');
  });

  it('Keep Mine writes the editor\'s text over the disk\'s version it has now seen', async () => {
    const { fake, author } = await openLesson();
    author.send({ type: 'EDIT', key: KEY, text: 'mine\n' });
    fake.changeOnDisk(LESSON, 'theirs\n');
    await waitFor(author, (s) => s.context.docs[KEY]!.conflict !== undefined);
    author.send({ type: 'KEEP_MINE', key: KEY });
    await waitFor(author, (s) => !s.context.docs[KEY]!.saving && !isDirty(s.context.docs[KEY]));
    expect(fake.files.get(LESSON)).toBe('mine\n');
    expect(author.getSnapshot().context.docs[KEY]!.conflict).toBeUndefined();
  });

  it('Take Theirs replaces the editor\'s text with the disk\'s', async () => {
    const { fake, author } = await openLesson();
    author.send({ type: 'EDIT', key: KEY, text: 'mine\n' });
    fake.changeOnDisk(LESSON, 'theirs\n');
    await waitFor(author, (s) => s.context.docs[KEY]!.conflict !== undefined);
    author.send({ type: 'TAKE_THEIRS', key: KEY });
    const doc = author.getSnapshot().context.docs[KEY]!;
    expect(doc.text).toBe('theirs\n');
    expect(doc.conflict).toBeUndefined();
    expect(isDirty(doc)).toBe(false);
    expect(fake.writes).toEqual([]);
  });

  it('offers to keep or take the deletion when a file with unsaved edits is deleted on disk; taking it closes the file', async () => {
    const { fake, author, emitted } = await openLesson();
    author.send({ type: 'EDIT', key: KEY, text: 'mine\n' });
    fake.changeOnDisk(LESSON, undefined);
    await waitFor(author, (s) => s.context.docs[KEY]!.conflict !== undefined);
    expect(author.getSnapshot().context.docs[KEY]!.conflict!.message).toBe(
      `"${LESSON}" was deleted on disk while it was open here: keep your version to save it again, or take the deletion and close it.`,
    );
    author.send({ type: 'TAKE_THEIRS', key: KEY });
    expect(author.getSnapshot().context.docs[KEY]).toBeUndefined();
    expect(emitted).toContainEqual({ type: 'docClosed', courseId: 'pack', path: LESSON });
  });

  it('reports a save that finds the file changed since the edit began as a conflict, with the disk\'s text to compare', async () => {
    const { fake, author } = await openLesson();
    // Changed behind the watcher's back: only the save finds out.
    fake.files.set(LESSON, 'sneaked in\n');
    author.send({ type: 'EDIT', key: KEY, text: 'mine\n' });
    author.send({ type: 'SAVE', key: KEY });
    await waitFor(author, (s) => s.context.docs[KEY]!.conflict !== undefined);
    expect(author.getSnapshot().context.docs[KEY]!.conflict!.disk).toEqual({ text: 'sneaked in\n', version: versionOf('sneaked in\n') });
    expect(fake.files.get(LESSON)).toBe('sneaked in\n');
  });

  it('tells the workbench to read the courses again after any change on disk', async () => {
    const { fake, author, emitted } = await openLesson();
    fake.changeOnDisk('course.yaml', 'id: pack\ntitle: Renamed\n');
    await waitFor(author, () => emitted.some((e) => e.type === 'coursesChanged'));
  });
});
