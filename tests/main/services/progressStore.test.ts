import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkbenchState } from '../../../engine/api/studioApi';
import { nodeFileOps, type FileOps } from '../../../main/services/atomicJsonFile';
import { CURRENT_SCHEMA_VERSION } from '../../../main/services/progressMigrations';
import { PROGRESS_FILE, ProgressStore } from '../../../main/services/progressStore';
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

describe('an unreadable progress file is kept aside and the app starts clean', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['empty', '', /\(it was empty\)/],
    ['truncated', goodFile.slice(0, goodFile.length - 20), /\(it was cut off part-way through\)/],
    ['full of NUL bytes', Buffer.alloc(4096, 0), /\(it held NUL bytes instead of text\)/],
    ['not JSON', 'learners: [Asha]\n', /\(it was not valid JSON\)/],
    [
      'of an unknown (newer) schema version',
      JSON.stringify({ schemaVersion: 99, learners: [], workbench: {}, progress: {} }),
      /newer version of Health Creation Studio, schema version 99/,
    ],
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

  it('keeps the sound parts of a course record that was damaged by hand', async () => {
    const dir = await tempDir();
    const learner = { id: 'a1', name: 'Asha', createdAt: '2026-01-01T00:00:00.000Z' };
    const record = { courseId: 'ug', lessons: { intro: { visited: true, seconds: 40 }, broken: 'yes' }, answers: {}, scenarios: {}, reflections: {}, location: {}, seconds: 40 };
    await writeFile(path.join(dir, PROGRESS_FILE), JSON.stringify({ schemaVersion: 1, learners: [learner], workbench: {}, progress: { a1: { ug: record } } }));
    const store = await ProgressStore.open({ dir });
    expect(store.getProgress('a1', 'ug').lessons).toEqual({ intro: { visited: true, seconds: 40 } });
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
    await expect(doomed.createLearner('Ben')).rejects.toThrow('power cut');

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
