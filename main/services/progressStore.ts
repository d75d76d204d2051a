// Learners, their workbench and their progress, kept with lowdb in the user-data folder.
//
// Everything lives in one file, progress.json, rather than a file per learner: a shared
// lab PC has a handful of learners with a few kilobytes each, and one file means one
// atomic write always leaves the learner list, the last learner and every learner's
// progress consistent with each other (no learner without a file, no orphaned file).
//
// A file that cannot be read is never overwritten: it is renamed aside, the learner is
// told in one sentence (a Notice), and the app starts clean.

import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { defaultWorkbenchState, type Learner, type LearnerList, type Notice, type WorkbenchState } from '../../engine/api/studioApi';
import { MAX_LEARNER_NAME_CHARS } from '../../engine/api/validators';
import { emptyProgress, type CourseProgress } from '../../engine/progress/model';
import { migrateProgress } from '../../engine/progress/migrate';
import { AtomicJsonFile, nodeFileOps, tempPrefix, UnreadableFileError, type FileOps } from './atomicJsonFile';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate, type Migration } from './progressMigrations';
import { UserError } from './userError';

/** Name of the progress file inside the data folder. */
export const PROGRESS_FILE = 'progress.json';

/** The stored shape (schema version 1). */
export interface StoredProgress {
  schemaVersion: number;
  learners: Learner[];
  lastLearnerId?: string;
  /** Workbench state by learner id. */
  workbench: Record<string, WorkbenchState>;
  /** Progress by learner id, then course id. */
  progress: Record<string, Record<string, CourseProgress>>;
}

// Checked loosely: enough to trust the containers the store walks, while the records
// inside stay as written so a field added by a later version is not dropped.
const storedShape = z.object({
  schemaVersion: z.number(),
  learners: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })),
  lastLearnerId: z.string().optional(),
  workbench: z.record(z.string(), z.record(z.string(), z.unknown())),
  progress: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))),
});

/** How to open a store; everything but `dir` is for tests. */
export interface ProgressStoreOptions {
  /** The data folder (created if missing). */
  dir: string;
  now?: () => Date;
  migrations?: Readonly<Record<number, Migration>>;
  schemaVersion?: number;
  fileOps?: FileOps;
}

function emptyStore(): StoredProgress {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, learners: [], workbench: {}, progress: {} };
}

/** The progress store: every change is written through before its promise resolves. */
export class ProgressStore {
  private constructor(
    private readonly db: Low<StoredProgress>,
    private readonly adapter: AtomicJsonFile<StoredProgress>,
    private readonly now: () => Date,
    /** Messages for the user raised while opening (e.g. a file set aside). */
    readonly notices: readonly Notice[],
  ) {}

  /** Opens (or creates) the store in `dir`, setting an unreadable file aside. */
  static async open(options: ProgressStoreOptions): Promise<ProgressStore> {
    const now = options.now ?? (() => new Date());
    await fsp.mkdir(options.dir, { recursive: true });
    const file = path.join(options.dir, PROGRESS_FILE);
    await removeLeftoverTempFiles(file);
    const adapter = new AtomicJsonFile<StoredProgress>(file, options.fileOps ?? nodeFileOps);
    const db = new Low<StoredProgress>(adapter, emptyStore());
    const notices: Notice[] = [];
    const problem = await load(db, options);
    if (problem) {
      const aside = await setAside(file, now());
      db.data = emptyStore();
      notices.push({
        level: 'warning',
        message: `Your progress file could not be read (${problem}), so it was kept as ${aside} and the app started fresh.`,
      });
    }
    return new ProgressStore(db, adapter, now, notices);
  }

  /** Where the store keeps its file. */
  get file(): string {
    return this.adapter.file;
  }

  /** The learners on this machine, oldest first, and who studied last. */
  listLearners(): LearnerList {
    const { learners, lastLearnerId } = this.db.data;
    return { learners: learners.map((l) => ({ ...l })), ...(lastLearnerId ? { lastLearnerId } : {}) };
  }

  /** Adds a learner and makes them the current one. */
  async createLearner(rawName: string): Promise<Learner> {
    const name = checkLearnerName(rawName);
    const clash = this.db.data.learners.find((l) => l.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (clash) throw new UserError('learner-exists', `A learner called "${clash.name}" already exists on this computer; choose that profile or another name.`);
    const learner: Learner = { id: randomUUID(), name, createdAt: this.now().toISOString() };
    await this.db.update((data) => {
      data.learners.push(learner);
      data.lastLearnerId = learner.id;
    });
    return { ...learner };
  }

  /** Makes a learner the current one, remembered for the next start. */
  async selectLearner(learnerId: string): Promise<Learner> {
    const learner = this.learner(learnerId);
    await this.db.update((data) => {
      data.lastLearnerId = learner.id;
    });
    return { ...learner };
  }

  /** A learner's progress in a course (empty if they have not started it). */
  getProgress(learnerId: string, courseId: string): CourseProgress {
    this.learner(learnerId);
    // Each record is checked on the way out, so a hand-edited or damaged entry costs
    // only that entry rather than the learner's whole course.
    const stored = migrateProgress(this.db.data.progress[learnerId]?.[courseId]);
    return stored?.courseId === courseId ? stored : emptyProgress(courseId);
  }

  /**
   * Replaces a learner's progress in a course with what `change` makes of it. The change
   * runs against the latest state and the write is queued before any later change, so
   * events arriving together are applied in order and none is lost.
   */
  async updateProgress(learnerId: string, courseId: string, change: (current: CourseProgress) => CourseProgress): Promise<CourseProgress> {
    const next = change(this.getProgress(learnerId, courseId));
    await this.db.update((data) => {
      (data.progress[learnerId] ??= {})[courseId] = next;
    });
    return structuredClone(next);
  }

  /** The workbench as the learner left it (the default layout for a new learner). */
  getWorkbench(learnerId: string): WorkbenchState {
    this.learner(learnerId);
    const stored = this.db.data.workbench[learnerId];
    return stored ? structuredClone(stored) : defaultWorkbenchState();
  }

  /** Remembers the learner's workbench. */
  async saveWorkbench(learnerId: string, state: WorkbenchState): Promise<WorkbenchState> {
    this.learner(learnerId);
    const copy = structuredClone(state);
    await this.db.update((data) => {
      data.workbench[learnerId] = copy;
    });
    return structuredClone(copy);
  }

  /** Resolves once every queued write is on disk. */
  flush(): Promise<void> {
    return this.adapter.flush();
  }

  private learner(learnerId: string): Learner {
    const learner = this.db.data.learners.find((l) => l.id === learnerId);
    if (!learner) throw new UserError('unknown-learner', `No learner with the id "${learnerId}" exists on this computer; choose a learner from the list.`);
    return learner;
  }
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

/** Reads the file into db.data; returns why it could not be used, or undefined. */
async function load(db: Low<StoredProgress>, options: ProgressStoreOptions): Promise<string | undefined> {
  let raw: unknown;
  try {
    raw = await db.adapter.read();
  } catch (error) {
    if (error instanceof UnreadableFileError) return READ_PROBLEMS[error.reason];
    throw error;
  }
  if (raw === null) return undefined;
  const target = options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  const migrated = migrate(raw, options.migrations ?? MIGRATIONS, target);
  if (!migrated.ok) {
    if (migrated.problem === 'newer') {
      return `it was written by a newer version of Health Creation Studio, schema version ${migrated.version}, and this one reads up to ${target}`;
    }
    if (migrated.problem === 'no-migration') return `this version cannot upgrade its schema version ${migrated.version}`;
    return 'it has no schema version, so it is not a progress file this app wrote';
  }
  const shaped = storedShape.safeParse(migrated.data);
  if (!shaped.success) return 'its contents were not in the expected shape';
  db.data = migrated.data as unknown as StoredProgress;
  if (migrated.from !== target) await db.write();
  return undefined;
}

const READ_PROBLEMS: Record<UnreadableFileError['reason'], string> = {
  empty: 'it was empty',
  'nul-bytes': 'it held NUL bytes instead of text',
  truncated: 'it was cut off part-way through',
  'not-json': 'it was not valid JSON',
};

/** Renames the file to progress.corrupt-<timestamp>.json (never replacing anything) and returns the new path. */
async function setAside(file: string, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const base = path.basename(file, '.json');
  for (let n = 1; ; n++) {
    const aside = path.join(path.dirname(file), `${base}.corrupt-${stamp}${n > 1 ? `-${n}` : ''}.json`);
    try {
      // link + unlink rather than rename: link fails if the name is taken, rename would replace it.
      await fsp.link(file, aside);
      await fsp.unlink(file);
      return aside;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
        // Some file systems have no hard links: fall back to a checked rename.
        if (await exists(aside)) continue;
        await fsp.rename(file, aside);
        return aside;
      }
      throw error;
    }
  }
}

async function exists(file: string): Promise<boolean> {
  return fsp.access(file).then(
    () => true,
    () => false,
  );
}

/** A crash between writing the temp file and renaming it leaves the temp file behind; it holds nothing the real file lacks that can be trusted, so it goes. */
async function removeLeftoverTempFiles(file: string): Promise<void> {
  const prefix = tempPrefix(file);
  const names = await fsp.readdir(path.dirname(file));
  await Promise.all(
    names
      .filter((n) => n.startsWith(prefix) && n.endsWith('.tmp'))
      .map((n) => fsp.rm(path.join(path.dirname(file), n), { force: true })),
  );
}
