// Learners, their workbench and their progress, kept with lowdb in the user-data folder.
//
// Everything lives in one file, progress.json, rather than a file per learner: a shared
// lab PC has a handful of learners with a few kilobytes each, and one file means one
// atomic write always leaves the learner list, the last learner and every learner's
// progress consistent with each other (no learner without a file, no orphaned file).
//
// Memory and disk always agree. A change is applied to a copy of the stored data, the
// copy is written, and only once it is on disk does it become what the store answers
// with; a change that fails to reach the disk (a full disk, a read-only folder) leaves
// nothing behind to be saved later by accident. Changes that arrive while a write is
// under way are written together in the next one.
//
// A file that cannot be read is never overwritten: it is renamed aside, the learner is
// told in one sentence (a Notice), and the app starts clean. A file that cannot be
// opened at all, or that a newer version wrote, is left as it is and nothing is saved.

import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { defaultWorkbenchState, type DeletedLearner, type Learner, type LearnerList, type Notice, type WorkbenchState } from '../../engine/api/studioApi';
import { MAX_LEARNER_NAME_CHARS } from '../../engine/api/validators';
import { checkValueBounds } from '../../engine/api/valueBounds';
import { emptyProgress, type CourseProgress } from '../../engine/progress/model';
import { migrateProgress } from '../../engine/progress/migrate';
import { AtomicJsonFile, nodeFileOps, type FileOps } from './atomicJsonFile';
import { writeLearnerCopy, type LearnerCopy } from './learnerCopy';
import { openProgressFile, PROGRESS_FILE, type PinFailures, type StoredLearner, type StoredProgress } from './progressFile';
import { CURRENT_SCHEMA_VERSION, type Migration } from './progressMigrations';
import { RECORD_LIMITS } from './progressRepair';
import { describeFsError, notSavedError } from './progressSentences';
import { UserError } from './userError';

export { PROGRESS_FILE, type PinFailures, type StoredLearner, type StoredProgress } from './progressFile';

/** How to open a store; everything but `dir` is for tests. */
export interface ProgressStoreOptions {
  /** The data folder (created if missing). */
  dir: string;
  now?: () => Date;
  migrations?: Readonly<Record<number, Migration>>;
  schemaVersion?: number;
  fileOps?: FileOps;
}

/** A change to the stored data: returns the new data (never mutating the old) and what the caller gets. */
type Change<T> = (data: StoredProgress) => { data: StoredProgress; result: T };

interface Queued {
  change: Change<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** The progress store: every change is on disk before its promise resolves, and only then visible. */
export class ProgressStore {
  readonly #queue: Queued[] = [];
  #writing: Promise<void> | undefined;

  private constructor(
    private readonly db: Low<StoredProgress>,
    private readonly adapter: AtomicJsonFile<StoredProgress>,
    private readonly ops: FileOps,
    private readonly now: () => Date,
    /** Messages for the user raised while opening (e.g. a file set aside). */
    readonly notices: readonly Notice[],
    private readonly locked: string | undefined,
  ) {}

  /** Opens (or creates) the store in `dir`. Never throws for a problem with the files: it says what is wrong instead. */
  static async open(options: ProgressStoreOptions): Promise<ProgressStore> {
    const now = options.now ?? (() => new Date());
    const ops = options.fileOps ?? nodeFileOps;
    const file = path.join(options.dir, PROGRESS_FILE);
    const adapter = new AtomicJsonFile<StoredProgress>(file, ops);
    const opened = await openProgressFile(adapter, ops, options, now());
    const db = new Low<StoredProgress>(adapter, opened.data);
    return new ProgressStore(db, adapter, ops, now, opened.notices, opened.locked);
  }

  /** Where the store keeps its file. */
  get file(): string {
    return this.adapter.file;
  }

  /** The learners on this machine, oldest first, and who studied last. */
  listLearners(): LearnerList {
    const { learners, lastLearnerId } = this.db.data;
    return { learners: learners.map(publicLearner), ...(lastLearnerId ? { lastLearnerId } : {}) };
  }

  /** A learner as stored, PIN hash and wrong-PIN count included, for the checks that need them. */
  storedLearner(learnerId: string): StoredLearner {
    return structuredClone(learnerIn(this.db.data, learnerId));
  }

  /** Adds a learner and makes them the current one. */
  async createLearner(rawName: string): Promise<Learner> {
    const name = checkLearnerName(rawName);
    return this.#commit((data) => {
      const clash = data.learners.find((l) => l.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      if (clash) throw new UserError('learner-exists', `A learner called "${clash.name}" already exists on this computer; choose that profile or another name.`);
      const learner: Learner = { id: randomUUID(), name, createdAt: this.now().toISOString() };
      return { data: { ...data, learners: [...data.learners, learner], lastLearnerId: learner.id }, result: publicLearner(learner) };
    });
  }

  /** Makes a learner the current one, remembered for the next start. */
  async selectLearner(learnerId: string): Promise<Learner> {
    return this.#commit((data) => {
      const learner = learnerIn(data, learnerId);
      return { data: { ...data, lastLearnerId: learner.id }, result: publicLearner(learner) };
    });
  }

  /** Gives a learner a PIN (its hash), or takes it away with undefined; any count of wrong PINs starts again. */
  async setPin(learnerId: string, pin: object | undefined): Promise<Learner> {
    return this.#commit((data) => {
      const { pin: _old, pinFailures: _count, ...profile } = learnerIn(data, learnerId);
      const next: StoredLearner = pin === undefined ? profile : { ...profile, pin: structuredClone(pin) };
      return { data: withLearner(data, next), result: publicLearner(next) };
    });
  }

  /** Counts one more wrong PIN for a learner, at ISO time `at`; returns the count in a row. */
  async notePinFailure(learnerId: string, at: string): Promise<PinFailures> {
    return this.#commit((data) => {
      const learner = learnerIn(data, learnerId);
      const failures: PinFailures = { count: (learner.pinFailures?.count ?? 0) + 1, lastAt: at };
      return { data: withLearner(data, { ...learner, pinFailures: failures }), result: failures };
    });
  }

  /** Forgets a learner's wrong PINs once the right one is given (no write when there were none). */
  async clearPinFailures(learnerId: string): Promise<void> {
    if (!learnerIn(this.db.data, learnerId).pinFailures) return;
    await this.#commit((data) => {
      const { pinFailures: _count, ...learner } = learnerIn(data, learnerId);
      return { data: withLearner(data, learner), result: undefined };
    });
  }

  /**
   * Removes a learner, their workbench and their progress, after writing a copy of all
   * of it to a file of its own in the data folder (learnerCopy.ts). The copy is made
   * from what is on disk; a change to the learner that lands meanwhile makes a fresh
   * copy, so the copy kept always holds everything that was deleted.
   */
  async deleteLearner(learnerId: string): Promise<DeletedLearner> {
    if (this.locked !== undefined) throw new UserError('not-saved', this.locked);
    const dir = path.dirname(this.adapter.file);
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.flush();
      const before = this.db.data;
      const learner = learnerIn(before, learnerId);
      const copy: LearnerCopy = {
        kind: 'health-creation-studio/deleted-learner',
        schemaVersion: CURRENT_SCHEMA_VERSION,
        deletedAt: this.now().toISOString(),
        learner,
        ...(Object.hasOwn(before.workbench, learnerId) ? { workbench: before.workbench[learnerId] } : {}),
        progress: (Object.hasOwn(before.progress, learnerId) ? before.progress[learnerId] : undefined) ?? {},
      };
      let keptAs: string;
      try {
        keptAs = await writeLearnerCopy(dir, copy, this.ops);
      } catch (error) {
        throw new UserError(
          'not-deleted',
          `${learner.name} was not deleted, because a copy of their record could not be kept in ${dir} (${describeFsError(error)}); nothing was changed.`,
        );
      }
      try {
        return await this.#commit((data) => {
          if (!sameLearnerRecord(data, before, learnerId)) throw STALE_COPY;
          const { [learnerId]: _workbench, ...workbench } = data.workbench;
          const { [learnerId]: _progress, ...progress } = data.progress;
          const { lastLearnerId, ...rest } = data;
          const kept = lastLearnerId === learnerId ? rest : { ...rest, ...(lastLearnerId ? { lastLearnerId } : {}) };
          const without = { ...kept, learners: data.learners.filter((l) => l.id !== learnerId), workbench, progress };
          return { data: without, result: { learnerId, name: learner.name, keptAs } };
        });
      } catch (error) {
        // The learner is still here, so a copy beside them would only mislead.
        await fsp.rm(keptAs, { force: true }).catch(() => undefined);
        if (error !== STALE_COPY) throw error;
      }
    }
    throw new UserError('not-deleted', 'The learner was not deleted, because their record kept changing while a copy was made; close their lessons and try again.');
  }

  /** A learner's progress in a course (empty if they have not started it). */
  getProgress(learnerId: string, courseId: string): CourseProgress {
    return progressIn(this.db.data, learnerId, courseId);
  }

  /**
   * Replaces a learner's progress in a course with what `change` makes of it. The change
   * runs against the latest state and the write is queued before any later change, so
   * events arriving together are applied in order and none is lost.
   */
  async updateProgress(learnerId: string, courseId: string, change: (current: CourseProgress) => CourseProgress): Promise<CourseProgress> {
    return this.#commit((data) => {
      const next = change(progressIn(data, learnerId, courseId));
      refuseUnstorable(next);
      const learnerCourses = { ...(data.progress[learnerId] ?? {}), [courseId]: next };
      return { data: { ...data, progress: { ...data.progress, [learnerId]: learnerCourses } }, result: structuredClone(next) };
    });
  }

  /** The workbench as the learner left it (the default layout for a new learner). */
  getWorkbench(learnerId: string): WorkbenchState {
    learnerIn(this.db.data, learnerId);
    const stored = Object.hasOwn(this.db.data.workbench, learnerId) ? this.db.data.workbench[learnerId] : undefined;
    return stored ? structuredClone(stored) : defaultWorkbenchState();
  }

  /** Remembers the learner's workbench. */
  async saveWorkbench(learnerId: string, state: WorkbenchState): Promise<WorkbenchState> {
    return this.#commit((data) => {
      learnerIn(data, learnerId);
      refuseUnstorable(state);
      const copy = structuredClone(state);
      return { data: { ...data, workbench: { ...data.workbench, [learnerId]: copy } }, result: structuredClone(copy) };
    });
  }

  /** Resolves once every queued change is on disk (or refused). */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Queues a change; it resolves with its result once written, or rejects with a sentence and leaves nothing behind. */
  #commit<T>(change: Change<T>): Promise<T> {
    if (this.locked !== undefined) return Promise.reject(new UserError('not-saved', this.locked));
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ change: change as Change<unknown>, resolve: resolve as (r: unknown) => void, reject });
      this.#startWriting();
    });
  }

  /** Starts the writer unless it is running; a change queued as it finishes starts it again. */
  #startWriting(): void {
    if (this.#writing) return;
    this.#writing = this.#writeQueued().finally(() => {
      this.#writing = undefined;
      if (this.#queue.length > 0) this.#startWriting();
    });
  }

  /** Writes queued changes, as many as have arrived, in one write at a time. */
  async #writeQueued(): Promise<void> {
    // Never finish in the same turn as the call: the writer must be recorded as running first.
    await Promise.resolve();
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0);
      let data = this.db.data;
      const applied: Array<{ item: Queued; result: unknown }> = [];
      for (const item of batch) {
        try {
          const out = item.change(data);
          data = out.data;
          applied.push({ item, result: out.result });
        } catch (error) {
          item.reject(error);
        }
      }
      if (applied.length === 0) continue;
      try {
        await this.adapter.write(data);
      } catch (error) {
        const refusal = notSavedError(error, path.dirname(this.adapter.file));
        for (const { item } of applied) item.reject(refusal);
        continue;
      }
      this.db.data = data;
      for (const { item, result } of applied) item.resolve(result);
    }
  }
}

/** Thrown inside a change to say the copy of a learner was made before their latest change: make it again. */
const STALE_COPY = new Error('The learner changed while their copy was written.');

function sameLearnerRecord(data: StoredProgress, before: StoredProgress, learnerId: string): boolean {
  return (
    data.learners.find((l) => l.id === learnerId) === before.learners.find((l) => l.id === learnerId) &&
    data.workbench[learnerId] === before.workbench[learnerId] &&
    data.progress[learnerId] === before.progress[learnerId]
  );
}

/** The profile as the API shows it: never the PIN hash, only whether there is one. */
export function publicLearner(learner: StoredLearner): Learner {
  return { id: learner.id, name: learner.name, createdAt: learner.createdAt, ...(learner.pin !== undefined ? { hasPin: true } : {}) };
}

function withLearner(data: StoredProgress, learner: StoredLearner): StoredProgress {
  return { ...data, learners: data.learners.map((l) => (l.id === learner.id ? learner : l)) };
}

function learnerIn(data: StoredProgress, learnerId: string): StoredLearner {
  const learner = data.learners.find((l) => l.id === learnerId);
  if (!learner) throw new UserError('unknown-learner', `No learner with the id "${learnerId}" exists on this computer; choose a learner from the list.`);
  return learner;
}

function progressIn(data: StoredProgress, learnerId: string, courseId: string): CourseProgress {
  learnerIn(data, learnerId);
  const courses = Object.hasOwn(data.progress, learnerId) ? data.progress[learnerId]! : {};
  // Each record is checked on the way out, so a hand-edited entry costs only that entry.
  const stored = migrateProgress(Object.hasOwn(courses, courseId) ? courses[courseId] : undefined);
  return stored?.courseId === courseId ? stored : emptyProgress(courseId);
}

/** Refuses a value that could not be written as JSON and read back, before it reaches the stored data. */
function refuseUnstorable(value: unknown): void {
  if (checkValueBounds(value, RECORD_LIMITS) === undefined) return;
  throw new UserError('not-saved', 'This change was not saved because it is nested too deeply to store; nothing else was affected.');
}

/** Trims a learner's name and checks it, or throws a sentence saying what is wrong. */
export function checkLearnerName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw new UserError('invalid-name', 'A learner name must not be blank.');
  if (name.length > MAX_LEARNER_NAME_CHARS) {
    throw new UserError('invalid-name', `A learner name must be at most ${MAX_LEARNER_NAME_CHARS} characters; this one has ${name.length}.`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new UserError('invalid-name', 'A learner name must not contain control characters such as tabs or line breaks.');
  return name;
}
