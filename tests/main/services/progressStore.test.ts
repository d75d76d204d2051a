import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkbenchState } from '../../../engine/api/studioApi';
import { nodeFileOps, type FileOps } from '../../../main/services/atomicJsonFile';
import { CURRENT_SCHEMA_VERSION } from '../../../main/services/progressMigrations';
import { PROGRESS_FILE, ProgressStore } from '../../../main/services/progressStore';
import { UserError } from '../../../main/services/userError';
import { tempDir } from '../tempDir';

const fixedNow = () => new Date('2026-03-01T10:00:00.000Z');

async function storeWithFile(contents: string | Buffer) {
  const dir = await tempDir();
  await writeFile(path.join(dir, PROGRESS_FILE), contents);
  const store = await ProgressStore.open({ dir, now: fixedNow });
  return { dir, store };
}

async function asideFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.includes('.corrupt-'));
}

const goodFile = JSON.stringify({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  learners: [{ id: 'a1', name: 'Asha', createdAt: '2026-01-01T00:00:00.000Z' }],
  lastLearnerId: 'a1',
  workbench: {},
  progress: {},
});

/** A version-1 progress file for the learner Asha (id a1) with the given progress. */
function fileWith(progress: Record<string, unknown>): string {
  return JSON.stringify({ schemaVersion: 1, learners: [{ id: 'a1', name: 'Asha', createdAt: '2026-01-01T00:00:00.000Z' }], lastLearnerId: 'a1', workbench: {}, progress });
}

/** The damaged file's bytes are kept beside it, and the learner is told which courses and where, in one sentence. */
async function expectDamagedKept(dir: string, store: ProgressStore, original: string, courseIds: string[]) {
  const kept = (await readdir(dir)).filter((n) => n.includes('.damaged-'));
  expect(kept).toEqual(['progress.damaged-2026-03-01T10-00-00-000Z.json']);
  expect(await readFile(path.join(dir, kept[0]!), 'utf8')).toBe(original);
  expect(store.notices).toHaveLength(1);
  expect(store.notices[0]!.level).toBe('warning');
  expect(store.notices[0]!.message).toBe(
    `Part of your saved progress was damaged (${courseIds.map((c) => `in the course "${c}"`).join(', ')}), so everything that could still be read was kept and the file as it was is saved as ${path.join(dir, kept[0]!)}.`,
  );
}

describe('an unreadable progress file is kept aside and the app starts clean', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['empty', '', /\(it was empty\)/],
    ['truncated', goodFile.slice(0, goodFile.length - 20), /\(it was cut off part-way through\)/],
    ['full of NUL bytes', Buffer.alloc(4096, 0), /\(it held NUL bytes instead of text\)/],
    ['not JSON', 'learners: [Asha]\n', /\(it was not valid JSON\)/],
    ['nothing but JSON null', 'null', /\(it held only the word null, not progress\)/],
  ];

  for (const [name, contents, reason] of cases) {
    it(`sets aside a progress file that is ${name}, keeps its bytes and tells the learner in one sentence`, async () => {
      const { dir, store } = await storeWithFile(contents);
      const aside = await asideFiles(dir);
      expect(aside).toEqual(['progress.corrupt-2026-03-01T10-00-00-000Z.json']);
      expect(await readFile(path.join(dir, aside[0]!))).toEqual(Buffer.from(contents));
      expect(store.listLearners().learners).toEqual([]);
      expect(store.notices).toHaveLength(1);
      const notice = store.notices[0]!;
      expect(notice.level).toBe('warning');
      expect(notice.message).toMatch(reason);
      expect(notice.message).toContain(path.join(dir, aside[0]!));
      expect(notice.message).toMatch(/^Your progress file could not be read \(.+\), so it was kept as .+ and the app started fresh\.$/);
    });
  }

  it('sets aside a JSON file whose contents are not in the expected shape', async () => {
    const { dir, store } = await storeWithFile(JSON.stringify({ schemaVersion: 1, learners: 'nobody' }));
    expect(await asideFiles(dir)).toHaveLength(1);
    expect(store.notices[0]?.message).toMatch(/not in the expected shape/);
  });

  it('never replaces an earlier set-aside file with the same timestamp', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'progress.corrupt-2026-03-01T10-00-00-000Z.json'), 'earlier');
    await writeFile(path.join(dir, PROGRESS_FILE), '');
    await ProgressStore.open({ dir, now: fixedNow });
    expect((await asideFiles(dir)).sort()).toEqual([
      'progress.corrupt-2026-03-01T10-00-00-000Z-2.json',
      'progress.corrupt-2026-03-01T10-00-00-000Z.json',
    ]);
    expect(await readFile(path.join(dir, 'progress.corrupt-2026-03-01T10-00-00-000Z.json'), 'utf8')).toBe('earlier');
  });

  it('starts fresh without notices when there is no progress file yet', async () => {
    const store = await ProgressStore.open({ dir: await tempDir() });
    expect(store.notices).toEqual([]);
    expect(store.listLearners()).toEqual({ learners: [] });
  });
});

describe('learners', () => {
  it('creates learners with stable ids that survive a restart, and remembers who studied last', async () => {
    const dir = await tempDir();
    const store = await ProgressStore.open({ dir });
    const asha = await store.createLearner('  Asha  ');
    const ben = await store.createLearner('Ben');
    expect(asha.name).toBe('Asha');
    await store.selectLearner(asha.id);
    const reopened = await ProgressStore.open({ dir });
    expect(reopened.listLearners()).toEqual({ learners: [asha, ben], lastLearnerId: asha.id });
  });

  it.each([
    ['', /must not be blank/],
    ['   ', /must not be blank/],
    ['x'.repeat(61), /at most 60 characters; this one has 61/],
    ['Tab\there', /control characters/],
  ])('refuses the learner name %j with a sentence', async (name, message) => {
    const store = await ProgressStore.open({ dir: await tempDir() });
    await expect(store.createLearner(name)).rejects.toThrow(message);
  });

  it('accepts a name of exactly 60 characters', async () => {
    const store = await ProgressStore.open({ dir: await tempDir() });
    expect((await store.createLearner('y'.repeat(60))).name).toHaveLength(60);
  });

  it('refuses a second learner with the same name, ignoring case', async () => {
    const store = await ProgressStore.open({ dir: await tempDir() });
    await store.createLearner('Asha');
    await expect(store.createLearner('asha')).rejects.toThrow('A learner called "Asha" already exists on this computer');
  });

  it('refuses an unknown learner id with a sentence', async () => {
    const store = await ProgressStore.open({ dir: await tempDir() });
    await expect(store.selectLearner('nobody')).rejects.toThrow('No learner with the id "nobody" exists on this computer');
    expect(() => store.getProgress('nobody', 'c')).toThrow(/No learner/);
  });
});

describe('progress and workbench', () => {
  it('keeps each learner’s progress and workbench apart and across restarts', async () => {
    const dir = await tempDir();
    const store = await ProgressStore.open({ dir });
    const asha = await store.createLearner('Asha');
    const ben = await store.createLearner('Ben');
    await store.updateProgress(asha.id, 'course-a', (p) => ({ ...p, location: { lessonId: 'l2' }, seconds: 30 }));
    await store.saveWorkbench(asha.id, { ...defaultWorkbenchState(), theme: 'dark', tabs: [{ courseId: 'course-a', kind: 'lesson', itemId: 'l2' }] });
    const reopened = await ProgressStore.open({ dir });
    expect(reopened.getProgress(asha.id, 'course-a').location).toEqual({ lessonId: 'l2' });
    expect(reopened.getProgress(ben.id, 'course-a')).toMatchObject({ courseId: 'course-a', seconds: 0, location: {} });
    expect(reopened.getWorkbench(asha.id).theme).toBe('dark');
    expect(reopened.getWorkbench(ben.id)).toEqual(defaultWorkbenchState());
  });

  it('keeps the sound parts of a course record that was damaged by hand, and the file as it was beside it', async () => {
    const record = { courseId: 'ug', lessons: { intro: { visited: true, seconds: 40 }, broken: 'yes' }, answers: {}, scenarios: {}, reflections: {}, location: {}, seconds: 40 };
    const text = fileWith({ a1: { ug: record } });
    const { dir, store } = await storeWithFile(text);
    expect(store.getProgress('a1', 'ug').lessons).toEqual({ intro: { visited: true, read: true, seconds: 40 } });
    await expectDamagedKept(dir, store, text, ['ug']);
  });

  it('keeps a course record that lost its course id, telling the learner, so the next event cannot replace it', async () => {
    // 100 seconds of study, a visited lesson and a reflection, in a record without `courseId`.
    const record = { lessons: { intro: { visited: true, seconds: 100 } }, answers: {}, scenarios: {}, reflections: { r1: { text: 'What matters to me', at: '2026-02-01T00:00:00.000Z' } }, location: {}, seconds: 100 };
    const text = fileWith({ a1: { ug: record } });
    const { dir, store } = await storeWithFile(text);
    await expectDamagedKept(dir, store, text, ['ug']);
    await store.updateProgress('a1', 'ug', (p) => ({ ...p, seconds: p.seconds + 5 }));
    const reopened = await ProgressStore.open({ dir, now: fixedNow });
    const progress = reopened.getProgress('a1', 'ug');
    expect(progress.seconds).toBe(105);
    expect(progress.lessons.intro).toEqual({ visited: true, read: true, seconds: 100 });
    expect(progress.reflections.r1?.text).toBe('What matters to me');
    expect(reopened.notices).toEqual([]);
  });

  it('costs only the damaged course when a record is not a record at all, never the whole file', async () => {
    const good = { courseId: 'pg', lessons: { a: { visited: true, seconds: 9 } }, answers: {}, scenarios: {}, reflections: {}, notes: {}, location: {}, seconds: 9 };
    const text = fileWith({ a1: { ug: 'garbage', pg: good } });
    const { dir, store } = await storeWithFile(text);
    expect(await asideFiles(dir)).toEqual([]);
    expect(store.listLearners().learners.map((l) => l.name)).toEqual(['Asha']);
    expect(store.getProgress('a1', 'pg').seconds).toBe(9);
    await expectDamagedKept(dir, store, text, ['ug']);
  });

  it('applies many updates arriving together in order, and the file stays well-formed', async () => {
    const dir = await tempDir();
    const store = await ProgressStore.open({ dir });
    const asha = await store.createLearner('Asha');
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.updateProgress(asha.id, 'course-a', (p) => ({ ...p, seconds: p.seconds + 1, location: { lessonId: `l${i}` } })),
      ),
    );
    const onDisk = JSON.parse(await readFile(path.join(dir, PROGRESS_FILE), 'utf8'));
    expect(onDisk.progress[asha.id]['course-a']).toMatchObject({ seconds: 50, location: { lessonId: 'l49' } });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('leaves the old file intact when the app dies between writing the temp file and renaming it', async () => {
    const dir = await tempDir();
    const store = await ProgressStore.open({ dir });
    const asha = await store.createLearner('Asha');
    const before = await readFile(path.join(dir, PROGRESS_FILE), 'utf8');

    const crashing: FileOps = { ...nodeFileOps, rename: () => Promise.reject(new Error('power cut')) };
    const doomed = await ProgressStore.open({ dir, fileOps: crashing });
    await expect(doomed.createLearner('Ben')).rejects.toThrow(/^Your change was not saved, because writing to .+ failed \(power cut\); check that the disk is connected and working, then try again\.$/);

    expect(await readFile(path.join(dir, PROGRESS_FILE), 'utf8')).toBe(before);
    const reopened = await ProgressStore.open({ dir });
    expect(reopened.notices).toEqual([]);
    expect(reopened.listLearners().learners).toEqual([asha]);
  });

  it('discards a temp file left behind by a crash and reads the last complete file', async () => {
    const dir = await tempDir();
    const store = await ProgressStore.open({ dir });
    await store.createLearner('Asha');
    await writeFile(path.join(dir, `.${PROGRESS_FILE}.999.1.tmp`), '{"schemaVersion":1,"lear');
    const reopened = await ProgressStore.open({ dir });
    expect(reopened.listLearners().learners.map((l) => l.name)).toEqual(['Asha']);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('fsyncs the temp file before renaming it and the folder after', async () => {
    const dir = await tempDir();
    const calls: string[] = [];
    const recording: FileOps = {
      ...nodeFileOps,
      writeFileSynced: async (f, t) => (calls.push('write+fsync'), nodeFileOps.writeFileSynced(f, t)),
      rename: async (a, b) => (calls.push('rename'), nodeFileOps.rename(a, b)),
      syncDir: async (d) => (calls.push('fsync dir'), nodeFileOps.syncDir(d)),
    };
    const store = await ProgressStore.open({ dir, fileOps: recording });
    await store.createLearner('Asha');
    expect(calls).toEqual(['write+fsync', 'rename', 'fsync dir']);
  });
});

describe('migrations', () => {
  it('upgrades an older file with its migrations and writes it back at the new version', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, PROGRESS_FILE), JSON.stringify({ schemaVersion: 1, people: [], workbench: {}, progress: {} }));
    const store = await ProgressStore.open({
      dir,
      schemaVersion: 2,
      migrations: { 1: ({ people, ...rest }) => ({ ...rest, learners: people }) },
    });
    expect(store.notices).toEqual([]);
    const onDisk = JSON.parse(await readFile(path.join(dir, PROGRESS_FILE), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 2, learners: [] });
  });
});

/** An error as node:fs raises it, with its code. */
function fsError(code: string, syscall = 'open'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated, ${syscall}`), { code, syscall });
}

/** File operations whose writes fail with `code` while `failing.now` is true. */
function failingWrites(code: string) {
  const failing = { now: false };
  const ops: FileOps = {
    ...nodeFileOps,
    writeFileSynced: async (file, text) => {
      if (failing.now) throw fsError(code);
      return nodeFileOps.writeFileSynced(file, text);
    },
  };
  return { failing, ops };
}

const onDisk = async (dir: string) => JSON.parse(await readFile(path.join(dir, PROGRESS_FILE), 'utf8'));

describe('a change that cannot be saved is not kept', () => {
  it.each([
    ['the disk is full', 'ENOSPC', /^There is no space left on the disk that holds your progress \(.+\), so this change was not saved; free some space, then try again\.$/],
    ['the folder is read-only', 'EROFS', /^The folder that holds your progress \(.+\) is read-only, so this change was not saved; ask whoever looks after this computer to let you save there, then try again\.$/],
    ['the folder may not be written', 'EACCES', /^The folder that holds your progress \(.+\) is read-only, so this change was not saved; ask whoever looks after this computer to let you save there, then try again\.$/],
  ])('when %s: memory and disk agree, the learner is told in a sentence, and nothing is saved later by accident', async (_why, code, sentence) => {
    const dir = await tempDir();
    const { failing, ops } = failingWrites(code);
    const store = await ProgressStore.open({ dir, fileOps: ops });
    const asha = await store.createLearner('Asha');
    await store.updateProgress(asha.id, 'ug', (p) => ({ ...p, seconds: 10 }));

    failing.now = true;
    const refused = await store.createLearner('Ben').catch((e: unknown) => e as UserError);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).code).toBe('not-saved');
    expect((refused as UserError).message).toMatch(sentence);
    expect((refused as UserError).message).toContain(dir);
    await expect(store.updateProgress(asha.id, 'ug', (p) => ({ ...p, seconds: 99 }))).rejects.toThrow(sentence);
    // Retrying is refused for the same reason, not because the failed change lingers.
    await expect(store.createLearner('Ben')).rejects.toThrow(sentence);
    expect(store.listLearners().learners.map((l) => l.name)).toEqual(['Asha']);
    expect(store.getProgress(asha.id, 'ug').seconds).toBe(10);

    failing.now = false;
    await store.selectLearner(asha.id);
    expect((await onDisk(dir)).learners.map((l: { name: string }) => l.name)).toEqual(['Asha']);
    expect((await onDisk(dir)).progress[asha.id].ug.seconds).toBe(10);
    await store.createLearner('Ben');
    const reopened = await ProgressStore.open({ dir });
    expect(reopened.listLearners().learners.map((l) => l.name)).toEqual(['Asha', 'Ben']);
    expect(reopened.getProgress(asha.id, 'ug').seconds).toBe(10);
  });

  it('refuses a change it cannot write as JSON before it touches memory, so saving goes on for everything else', async () => {
    const dir = await tempDir();
    const store = await ProgressStore.open({ dir });
    const asha = await store.createLearner('Asha');
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const refused = store.updateProgress(asha.id, 'ug', (p) => ({ ...p, scenarios: { s1: { snapshot: deep, path: [], endingsFound: [], plays: 0 } } }));
    await expect(refused).rejects.toThrow(/^This change was not saved because it is nested too deeply to store; nothing else was affected\.$/);
    expect(store.getProgress(asha.id, 'ug').scenarios).toEqual({});
    await store.createLearner('Ben');
    await store.updateProgress(asha.id, 'ug', (p) => ({ ...p, seconds: 7 }));
    expect((await onDisk(dir)).learners).toHaveLength(2);
    expect((await onDisk(dir)).progress[asha.id].ug.seconds).toBe(7);
  });
});

describe('a progress file the app cannot use is never written over', () => {
  it('says in a sentence, naming it, that a folder stands where the file should be, and starts without saving', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, PROGRESS_FILE));
    await writeFile(path.join(dir, PROGRESS_FILE, 'keep.txt'), 'mine');
    const store = await ProgressStore.open({ dir });
    const file = path.join(dir, PROGRESS_FILE);
    expect(store.notices.map((n) => n.message)).toEqual([
      `Your progress cannot be read or saved, because ${file} is a folder, not a file; move that folder somewhere else, then restart Health Creation Studio.`,
    ]);
    expect(store.listLearners().learners).toEqual([]);
    await expect(store.createLearner('Asha')).rejects.toThrow(store.notices[0]!.message);
    expect(await readFile(path.join(file, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('says so when the file cannot be read, and leaves it as it is', async () => {
    const { dir } = await storeWithFile(goodFile);
    const ops: FileOps = { ...nodeFileOps, readText: async () => Promise.reject(fsError('EACCES')) };
    const store = await ProgressStore.open({ dir, fileOps: ops });
    const file = path.join(dir, PROGRESS_FILE);
    expect(store.notices.map((n) => n.message)).toEqual([
      `Your progress file ${file} cannot be opened (permission denied), so nothing will be saved until it can, rather than write over it; ask whoever looks after this computer to give you access to it, then restart Health Creation Studio.`,
    ]);
    await expect(store.createLearner('Ben')).rejects.toThrow(store.notices[0]!.message);
    expect(await readFile(file, 'utf8')).toBe(goodFile);
    expect(await asideFiles(dir)).toEqual([]);
  });

  it('says so when the data folder is read-only, still showing what is saved there', async () => {
    const { dir } = await storeWithFile(goodFile);
    const ops: FileOps = { ...nodeFileOps, checkWritable: async () => Promise.reject(fsError('EROFS', 'access')) };
    const store = await ProgressStore.open({ dir, fileOps: ops });
    expect(store.notices.map((n) => n.message)).toEqual([
      `The folder that holds your progress (${dir}) is read-only, so what you do now will not be saved; ask whoever looks after this computer to let you save there, then restart Health Creation Studio.`,
    ]);
    expect(store.listLearners().learners.map((l) => l.name)).toEqual(['Asha']);
  });

  it('says so when the data folder cannot be made, and starts without saving rather than failing', async () => {
    const parent = await tempDir();
    await writeFile(path.join(parent, 'not-a-folder'), '');
    const dir = path.join(parent, 'not-a-folder', 'data');
    const store = await ProgressStore.open({ dir });
    expect(store.notices.map((n) => n.message)).toEqual([
      `The folder for your progress (${dir}) could not be created (a file is in the way), so what you do now will not be saved; check that the folder can be made, then restart Health Creation Studio.`,
    ]);
    await expect(store.createLearner('Asha')).rejects.toThrow(/could not be created/);
  });

  it('leaves a file written by a newer version untouched, shows what it holds, and asks the learner to update', async () => {
    const newer = JSON.stringify({ schemaVersion: 99, learners: [{ id: 'a1', name: 'Asha', createdAt: '2026-01-01T00:00:00.000Z' }], workbench: {}, progress: {}, badges: ['x'] });
    const { dir, store } = await storeWithFile(newer);
    expect(await asideFiles(dir)).toEqual([]);
    expect(store.notices.map((n) => n.message)).toEqual([
      `Your progress was saved by a newer version of Health Creation Studio (file version 99; this version reads up to ${CURRENT_SCHEMA_VERSION}), so it is shown but nothing you do now will be saved; update Health Creation Studio to carry on where you left off.`,
    ]);
    expect(store.listLearners().learners.map((l) => l.name)).toEqual(['Asha']);
    await expect(store.createLearner('Ben')).rejects.toThrow(store.notices[0]!.message);
    await expect(store.selectLearner('a1')).rejects.toThrow(store.notices[0]!.message);
    expect(await readFile(path.join(dir, PROGRESS_FILE), 'utf8')).toBe(newer);
  });
});
