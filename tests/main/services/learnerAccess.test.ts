// A learner's PIN, as the Studio API enforces it: nothing of a protected learner's
// leaves the back end until their PIN is given in the same session, wrong PINs are
// refused with a sentence and a growing wait, and a deleted learner's record is kept.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWorkbenchState, type ApiResult, type StudioApi } from '../../../engine/api/studioApi';
import { applyEvent } from '../../../engine/progress/rules';
import { nodeFileOps, type FileOps } from '../../../main/services/atomicJsonFile';
import { waitAfter } from '../../../main/services/learnerAccess';
import { ProgressStore, PROGRESS_FILE } from '../../../main/services/progressStore';
import { createCourseSearch } from '../../../main/services/search';
import { studioServiceMaker, type StudioServiceDeps } from '../../../main/services/studioService';
import { fakeCatalog } from '../../fakes/fakeCatalog';
import { fakeCourse, fakeLesson, fakeModule } from '../../fakes/fakeCourse';
import { tempDir } from '../tempDir';

const course = fakeCourse({ id: 'ug', title: 'Health Creation in Practice', modules: [fakeModule({ id: 'm1', lessons: [fakeLesson({ id: 'intro' })] })] });
/** A cheap scrypt cost, so the tests check many PINs quickly; the app's own cost is tested in pinHash.test.ts. */
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

async function backEnd(options: { dir?: string; fileOps?: FileOps; overrides?: Partial<StudioServiceDeps> } = {}) {
  const dir = options.dir ?? (await tempDir());
  const clock = { now: new Date('2026-03-01T09:00:00.000Z') };
  const store = await ProgressStore.open({ dir, now: () => clock.now, ...(options.fileOps ? { fileOps: options.fileOps } : {}) });
  const catalog = fakeCatalog([course]);
  const written: string[] = [];
  const session = studioServiceMaker({
    catalog,
    store,
    search: createCourseSearch(catalog),
    applyEvent,
    environment: { mode: 'browser', platform: 'web', version: '0.1.0' },
    assetBase: (id) => `/course/${id}/`,
    recordWriter: async (record) => (written.push(record.html), { htmlPath: `/records/${record.baseName}.html` }),
    pinCost: TEST_COST,
    now: () => clock.now,
    log: () => undefined,
    ...options.overrides,
  });
  return { dir, store, clock, written, session: (): StudioApi => session({}) };
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}

function refusal(result: ApiResult<unknown>): string {
  if (result.ok) throw new Error('expected a refusal, but the call succeeded');
  return result.error.message;
}

/** Asha with a PIN and some progress, created in a session that is then left behind. */
async function protectedAsha(pin = '4821', options: Parameters<typeof backEnd>[0] = {}) {
  const back = await backEnd(options);
  const first = back.session();
  const asha = value(await first.createLearner('Asha'));
  value(await first.recordEvent(asha.id, 'ug', { type: 'time.spent', seconds: 120 }));
  value(await first.saveWorkbenchState(asha.id, { ...defaultWorkbenchState(), openCourseId: 'ug' }));
  value(await first.setLearnerPin(asha.id, { newPin: pin }));
  return { ...back, asha, first };
}

describe('a PIN-protected learner', () => {
  it('gives nothing of theirs to a session that has not been given their PIN: progress, tabs, events, record or choosing them', async () => {
    const { asha, session } = await protectedAsha();
    const other = session();
    const asked = "Asha's work is protected by a PIN; enter their PIN to open it.";
    expect(refusal(await other.getProgress(asha.id, 'ug'))).toBe(asked);
    expect(refusal(await other.getWorkbenchState(asha.id))).toBe(asked);
    expect(refusal(await other.saveWorkbenchState(asha.id, defaultWorkbenchState()))).toBe(asked);
    expect(refusal(await other.recordEvent(asha.id, 'ug', { type: 'time.spent', seconds: 5 }))).toBe(asked);
    expect(refusal(await other.exportLearningRecord(asha.id, 'ug'))).toBe(asked);
    expect(refusal(await other.selectLearner(asha.id))).toBe(asked);
    expect(refusal(await other.setLearnerPin(asha.id, { currentPin: '4821' }))).toBe(asked);
    expect(refusal(await other.deleteLearner(asha.id, { name: 'Asha', pin: '4821' }))).toBe(asked);
  });

  it('is listed with hasPin, and never with the hash', async () => {
    const { session } = await protectedAsha();
    const listed = value(await session().listLearners());
    expect(listed.learners).toEqual([{ id: expect.any(String), name: 'Asha', createdAt: '2026-03-01T09:00:00.000Z', hasPin: true }]);
  });

  it('opens their work to the session given the right PIN, and only to that session', async () => {
    const { asha, session } = await protectedAsha();
    const lab = session();
    const unlocked = value(await lab.unlockLearner(asha.id, '4821'));
    expect(unlocked).toMatchObject({ id: asha.id, name: 'Asha', hasPin: true });
    expect(value(await lab.getProgress(asha.id, 'ug')).seconds).toBe(120);
    expect(value(await lab.getWorkbenchState(asha.id)).openCourseId).toBe('ug');
    expect(value(await lab.selectLearner(asha.id)).name).toBe('Asha');
    // Another page (a reload, another tab) has been given nothing.
    expect((await session().getProgress(asha.id, 'ug')).ok).toBe(false);
  });

  it('closes their work again when the session chooses another learner', async () => {
    const { asha, session } = await protectedAsha();
    const lab = session();
    value(await lab.unlockLearner(asha.id, '4821'));
    const ben = value(await lab.createLearner('Ben'));
    expect((await lab.getProgress(ben.id, 'ug')).ok).toBe(true);
    expect(refusal(await lab.getProgress(asha.id, 'ug'))).toMatch(/protected by a PIN/);
    value(await lab.unlockLearner(asha.id, '4821'));
    value(await lab.selectLearner(ben.id));
    expect(refusal(await lab.getWorkbenchState(asha.id))).toMatch(/protected by a PIN/);
  });

  it('refuses a wrong PIN with a sentence, and after three in a row makes each try wait, longer each time', async () => {
    const { asha, session, clock } = await protectedAsha();
    const lab = session();
    expect(refusal(await lab.unlockLearner(asha.id, '1111'))).toBe("That is not Asha's PIN; check it and try again.");
    expect(refusal(await lab.unlockLearner(asha.id, '2222'))).toBe("That is not Asha's PIN; check it and try again.");
    expect(refusal(await lab.unlockLearner(asha.id, '3333'))).toBe("That is not Asha's PIN. After 3 wrong PINs in a row, wait 5 seconds before trying again.");
    // Even the right PIN is not checked while the wait lasts.
    expect(refusal(await lab.unlockLearner(asha.id, '4821'))).toBe('Too many wrong PINs have been given for Asha; wait 5 seconds before trying again.');
    clock.now = new Date(clock.now.getTime() + 5_000);
    expect(refusal(await lab.unlockLearner(asha.id, '4444'))).toBe("That is not Asha's PIN. After 4 wrong PINs in a row, wait 10 seconds before trying again.");
    clock.now = new Date(clock.now.getTime() + 9_000);
    expect(refusal(await lab.unlockLearner(asha.id, '4821'))).toBe('Too many wrong PINs have been given for Asha; wait 1 second before trying again.');
    clock.now = new Date(clock.now.getTime() + 1_000);
    value(await lab.unlockLearner(asha.id, '4821'));
    // The right PIN starts the count again.
    expect(refusal(await session().unlockLearner(asha.id, '1111'))).toBe("That is not Asha's PIN; check it and try again.");
  });

  it('waits 5 seconds after the third wrong PIN, doubling to at most 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(waitAfter)).toEqual([0, 0, 5, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('keeps counting wrong PINs after the app restarts, so restarting does not end the wait', async () => {
    const { asha, dir, session } = await protectedAsha();
    for (const pin of ['1111', '2222', '3333']) await session().unlockLearner(asha.id, pin);
    const restarted = await backEnd({ dir });
    restarted.clock.now = new Date('2026-03-01T09:00:02.000Z');
    expect(refusal(await restarted.session().unlockLearner(asha.id, '4821'))).toBe('Too many wrong PINs have been given for Asha; wait 3 seconds before trying again.');
  });

  it('checks tries one at a time, so wrong PINs sent together are all counted', async () => {
    const { asha, session, store } = await protectedAsha();
    const answers = await Promise.all(['1111', '2222', '3333', '5555'].map((pin) => session().unlockLearner(asha.id, pin)));
    expect(answers.map((a) => !a.ok && a.error.code)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'pin-wait']);
    expect(store.storedLearner(asha.id).pinFailures?.count).toBe(3);
  });

  it('keeps only a salted scrypt hash of the PIN on disk, with the cost it was made at', async () => {
    const { dir } = await protectedAsha('482159');
    const text = await readFile(path.join(dir, PROGRESS_FILE), 'utf8');
    expect(text).not.toContain('482159');
    const [learner] = JSON.parse(text).learners;
    expect(learner.pin).toEqual({ scheme: 'scrypt', N: 1024, r: 8, p: 1, salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/), hash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    expect(JSON.parse(text).schemaVersion).toBe(2);
  });

  it('says that a damaged PIN entry cannot be checked, and keeps the work closed', async () => {
    const { asha, store, session } = await protectedAsha();
    await store.setPin(asha.id, { scheme: 'scrypt', N: 3, r: 8, p: 1, salt: 'x', hash: 'y' });
    expect(refusal(await session().unlockLearner(asha.id, '4821'))).toMatch(
      /^Asha's PIN cannot be checked, because its entry in .+progress\.json is damaged, so their work stays closed; whoever looks after this computer can remove that learner's "pin" entry from the file to open it\.$/,
    );
    expect((await session().getProgress(asha.id, 'ug')).ok).toBe(false);
  });
});

describe('setting, changing and removing a PIN', () => {
  it('needs the current PIN to change or remove it, and refuses a wrong one', async () => {
    const { asha, first } = await protectedAsha();
    expect(refusal(await first.setLearnerPin(asha.id, { newPin: '9999' }))).toBe("Enter Asha's current PIN to change it.");
    expect(refusal(await first.setLearnerPin(asha.id, {}))).toBe("Enter Asha's current PIN to remove it.");
    expect(refusal(await first.setLearnerPin(asha.id, { currentPin: '0000', newPin: '9999' }))).toBe("That is not Asha's PIN; check it and try again.");
    value(await first.setLearnerPin(asha.id, { currentPin: '4821', newPin: '9999' }));
    expect(value(await first.getProgress(asha.id, 'ug')).seconds).toBe(120);
  });

  it('after a change, admits the new PIN and not the old', async () => {
    const { asha, first, session } = await protectedAsha();
    value(await first.setLearnerPin(asha.id, { currentPin: '4821', newPin: '9999' }));
    expect((await session().unlockLearner(asha.id, '4821')).ok).toBe(false);
    expect((await session().unlockLearner(asha.id, '9999')).ok).toBe(true);
  });

  it('after removing it, shows the learner to every session without asking', async () => {
    const { asha, first, session } = await protectedAsha();
    const removed = value(await first.setLearnerPin(asha.id, { currentPin: '4821' }));
    expect(removed.hasPin).toBeUndefined();
    expect(value(await session().getProgress(asha.id, 'ug')).seconds).toBe(120);
  });

  it('says there is nothing to remove for a learner without a PIN', async () => {
    const { session } = await backEnd();
    const lab = session();
    const ben = value(await lab.createLearner('Ben'));
    expect(refusal(await lab.setLearnerPin(ben.id, {}))).toBe('Ben has no PIN to remove.');
  });
});

describe('deleting a learner', () => {
  it('keeps a copy of everything they saved beside the progress file, named after them, and tells where', async () => {
    const { asha, first, dir, session } = await protectedAsha();
    const deleted = value(await first.deleteLearner(asha.id, { name: 'Asha', pin: '4821' }));
    expect(deleted).toEqual({ learnerId: asha.id, name: 'Asha', keptAs: path.join(dir, 'progress.deleted-Asha-2026-03-01T09-00-00-000Z.json') });
    const copy = JSON.parse(await readFile(deleted.keptAs, 'utf8'));
    expect(copy).toMatchObject({
      kind: 'health-creation-studio/deleted-learner',
      schemaVersion: 2,
      deletedAt: '2026-03-01T09:00:00.000Z',
      learner: { id: asha.id, name: 'Asha', pin: { scheme: 'scrypt' } },
      workbench: { openCourseId: 'ug' },
      progress: { ug: { seconds: 120 } },
    });
    const left = value(await session().listLearners());
    expect(left).toEqual({ learners: [] });
    const file = JSON.parse(await readFile(path.join(dir, PROGRESS_FILE), 'utf8'));
    expect([file.learners, file.workbench, file.progress, file.lastLearnerId]).toEqual([[], {}, {}, undefined]);
  });

  it('refuses without the name the learner confirmed, or without a protected learner’s right PIN', async () => {
    const { asha, first, dir } = await protectedAsha();
    expect(refusal(await first.deleteLearner(asha.id, { name: 'Ben' }))).toBe('The learner was not deleted, because the name confirmed ("Ben") is not the name of that profile.');
    expect(refusal(await first.deleteLearner(asha.id, { name: 'Asha' }))).toBe("Enter Asha's PIN to delete their profile.");
    expect(refusal(await first.deleteLearner(asha.id, { name: 'Asha', pin: '1234' }))).toBe("That is not Asha's PIN; check it and try again.");
    expect((await readdir(dir)).filter((f) => f.includes('deleted'))).toEqual([]);
  });

  it('never replaces an earlier copy of a learner deleted at the same moment', async () => {
    const { session, dir } = await backEnd();
    const lab = session();
    for (let i = 0; i < 2; i++) {
      const sam = value(await lab.createLearner('Sam: O/Neil?'));
      value(await lab.deleteLearner(sam.id, { name: 'Sam: O/Neil?' }));
    }
    expect((await readdir(dir)).filter((f) => f.includes('deleted')).sort()).toEqual([
      'progress.deleted-Sam-O-Neil-2026-03-01T09-00-00-000Z-2.json',
      'progress.deleted-Sam-O-Neil-2026-03-01T09-00-00-000Z.json',
    ]);
  });

  it('deletes nothing when the copy cannot be written, and says why', async () => {
    const full = { now: false };
    const ops: FileOps = {
      ...nodeFileOps,
      async writeFileSynced(file, text) {
        if (full.now && file.includes('deleted')) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        return nodeFileOps.writeFileSynced(file, text);
      },
    };
    const { session, dir } = await backEnd({ fileOps: ops });
    const lab = session();
    const ben = value(await lab.createLearner('Ben'));
    full.now = true;
    expect(refusal(await lab.deleteLearner(ben.id, { name: 'Ben' }))).toBe(`Ben was not deleted, because a copy of their record could not be kept in ${dir} (the disk is full); nothing was changed.`);
    expect(value(await lab.listLearners()).learners.map((l) => l.name)).toEqual(['Ben']);
    expect((await readdir(dir)).filter((f) => f.includes('deleted'))).toEqual([]);
  });

  it('keeps the learner, and no copy, when removing them cannot be saved', async () => {
    const failing = { now: false };
    const ops: FileOps = {
      ...nodeFileOps,
      async rename(from, to) {
        if (failing.now) throw Object.assign(new Error('read-only'), { code: 'EROFS' });
        return nodeFileOps.rename(from, to);
      },
    };
    const { session, dir } = await backEnd({ fileOps: ops });
    const lab = session();
    const ben = value(await lab.createLearner('Ben'));
    failing.now = true;
    expect(refusal(await lab.deleteLearner(ben.id, { name: 'Ben' }))).toMatch(/is read-only, so this change was not saved/);
    expect(value(await lab.listLearners()).learners.map((l) => l.name)).toEqual(['Ben']);
    expect((await readdir(dir)).filter((f) => f.includes('deleted'))).toEqual([]);
  });
});

describe('exporting a learning record', () => {
  it('hands the record writer the record of the learner and course, named after both', async () => {
    const { asha, first, written } = await protectedAsha();
    const files = value(await first.exportLearningRecord(asha.id, 'ug'));
    expect(files).toEqual({ htmlPath: '/records/Learning record - Asha - Health Creation in Practice - 2026-03-01.html' });
    expect(written[0]).toContain('<title>Learning record: Asha, Health Creation in Practice</title>');
    expect(written[0]).toContain('<dt>Time spent studying</dt><dd>2 minutes</dd>');
  });

  it('says so when the learner cancels choosing where to save it', async () => {
    const { session } = await backEnd({ overrides: { recordWriter: async () => undefined } });
    const lab = session();
    const ben = value(await lab.createLearner('Ben'));
    expect(refusal(await lab.exportLearningRecord(ben.id, 'ug'))).toBe('No file was chosen, so your learning record of "Health Creation in Practice" was not saved.');
  });

  it('names a course that is not on this computer', async () => {
    const { session } = await backEnd();
    const lab = session();
    const ben = value(await lab.createLearner('Ben'));
    expect(refusal(await lab.exportLearningRecord(ben.id, 'pg'))).toBe('There is no course with the id "pg" on this computer.');
  });
});
