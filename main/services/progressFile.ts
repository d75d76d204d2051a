// Opening the progress file, whatever state it is in. Each way it can be unusable has
// its own answer, and none of them loses anything or shows the learner an error code:
// - no file yet: start fresh;
// - a file that does not hold progress (empty, cut off, not JSON, only null, the wrong
//   shape): renamed aside under a new name, the app starts fresh and says so;
// - a file with some damaged course records: a copy of it is kept, what can be read of
//   each record is restored, and the learner is told which courses;
// - a file that cannot be opened (a folder in its place, no permission) or that a newer
//   version wrote: left exactly as it is, and nothing is saved until that is resolved;
// - a folder that cannot be made or is read-only: the app still opens and says that
//   nothing will be saved, rather than failing to start with a raw error.

import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Learner, Notice, WorkbenchState } from '../../engine/api/studioApi';
import type { CourseProgress } from '../../engine/progress/model';
import { tempPrefix, UnreadableFileError, type AtomicJsonFile, type FileOps } from './atomicJsonFile';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate, type Migration } from './progressMigrations';
import { repairCourseRecords } from './progressRepair';
import { startProblem } from './progressSentences';

/** Name of the progress file inside the data folder. */
export const PROGRESS_FILE = 'progress.json';

/** Wrong PINs given for a learner in a row, kept so a restart does not reset the wait between tries. */
export interface PinFailures {
  count: number;
  /** When the latest wrong PIN was given (ISO time). */
  lastAt: string;
}

/** A learner as stored: the profile, and their PIN's hash when they have one (never the PIN). */
export interface StoredLearner extends Omit<Learner, 'hasPin'> {
  /** A PinHash (pinHash.ts); typed loosely because a hand-edited file may hold anything here, and the learner stays protected all the same. */
  pin?: unknown;
  pinFailures?: PinFailures;
}

/** The stored shape (schema version 2: learners may carry a PIN hash). */
export interface StoredProgress {
  schemaVersion: number;
  learners: StoredLearner[];
  lastLearnerId?: string;
  /** Workbench state by learner id. */
  workbench: Record<string, WorkbenchState>;
  /** Progress by learner id, then course id. */
  progress: Record<string, Record<string, CourseProgress>>;
}

// Checked loosely: enough to trust the containers the store walks, while the records
// inside stay as written so a field added by a later version is not dropped. A course
// record that is not even an object is repaired on its own (progressRepair.ts) rather
// than costing the whole file.
const storedShape = z.object({
  schemaVersion: z.number(),
  learners: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })),
  lastLearnerId: z.string().optional(),
  workbench: z.record(z.string(), z.record(z.string(), z.unknown())),
  progress: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** What opening needs to know beyond the file itself. */
export interface OpenOptions {
  dir: string;
  migrations?: Readonly<Record<number, Migration>>;
  schemaVersion?: number;
}

/** What opening found: the data to start from, messages for the learner, and why nothing may be saved (if so). */
export interface Opened {
  data: StoredProgress;
  notices: Notice[];
  /** Set when writing would destroy something (a newer file, one that cannot be opened): every change is refused with it. */
  locked?: string;
}

/** A store with nothing in it, at the current schema version. */
export function emptyStore(): StoredProgress {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, learners: [], workbench: {}, progress: {} };
}

/** Opens the file `adapter` reads, in the folder `options.dir`, at time `now` (for the names of kept copies). */
export async function openProgressFile(adapter: AtomicJsonFile<StoredProgress>, ops: FileOps, options: OpenOptions, now: Date): Promise<Opened> {
  const file = adapter.file;
  const dir = options.dir;
  const warn = (message: string): Notice => ({ level: 'warning', message });
  try {
    await fsp.mkdir(dir, { recursive: true });
  } catch (error) {
    const locked = startProblem.folderNotMade(dir, error);
    return { data: emptyStore(), notices: [warn(locked)], locked };
  }
  const notices: Notice[] = [];
  try {
    await ops.checkWritable(dir);
    await removeLeftoverTempFiles(file);
  } catch {
    notices.push(warn(startProblem.readOnlyFolder(dir)));
  }

  let raw: unknown;
  try {
    raw = await adapter.read();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) {
      const locked = (error as NodeJS.ErrnoException).code === 'EISDIR' ? startProblem.folderInPlace(file) : startProblem.unreadable(file, error);
      return { data: emptyStore(), notices: [warn(locked)], locked };
    }
    return startFresh(file, READ_PROBLEMS[error.reason], now, notices);
  }
  if (raw === null) return { data: emptyStore(), notices };

  const target = options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  const migrated = migrate(raw, options.migrations ?? MIGRATIONS, target);
  if (!migrated.ok && migrated.problem === 'newer') {
    // Shown as far as this version can read it, never written: going back to the newer
    // version must find everything as it was.
    const shaped = storedShape.safeParse(raw);
    const locked = startProblem.newer(migrated.version ?? 0, target);
    return { data: shaped.success ? (raw as StoredProgress) : emptyStore(), notices: [warn(locked)], locked };
  }
  if (!migrated.ok) {
    const why = migrated.problem === 'no-migration' ? `this version cannot upgrade its schema version ${migrated.version}` : 'it has no schema version, so it is not a progress file this app wrote';
    return startFresh(file, why, now, notices);
  }
  if (!storedShape.safeParse(migrated.data).success) return startFresh(file, 'its contents were not in the expected shape', now, notices);
  const data = migrated.data as unknown as StoredProgress;

  const repair = repairCourseRecords(data.progress);
  if (repair.damaged.length > 0) {
    let kept: string;
    try {
      kept = await keepCopy(file, 'damaged', now);
    } catch (error) {
      const locked = startProblem.notKeptAside(file, 'part of it was damaged', error);
      return { data, notices: [warn(locked)], locked };
    }
    data.progress = repair.progress as StoredProgress['progress'];
    const where = [...new Set(repair.damaged.map((d) => d.courseId))].map((id) => `in the course "${id}"`).join(', ');
    notices.push(warn(`Part of your saved progress was damaged (${where}), so everything that could still be read was kept and the file as it was is saved as ${kept}.`));
  }
  if (repair.damaged.length > 0 || migrated.from !== target) {
    // Written now so the repaired or upgraded file is what the next start reads; if the
    // folder is read-only this fails quietly, and the learner has been told already.
    await adapter.write(data).catch(() => undefined);
  }
  return { data, notices };
}

/** Sets the unreadable file aside and starts with nothing, telling the learner where the file went. */
async function startFresh(file: string, problem: string, now: Date, notices: Notice[]): Promise<Opened> {
  try {
    const aside = await setAside(file, now);
    notices.push({ level: 'warning', message: `Your progress file could not be read (${problem}), so it was kept as ${aside} and the app started fresh.` });
    return { data: emptyStore(), notices };
  } catch (error) {
    const locked = startProblem.notKeptAside(file, problem, error);
    return { data: emptyStore(), notices: [{ level: 'warning', message: locked }], locked };
  }
}

const READ_PROBLEMS: Record<UnreadableFileError['reason'], string> = {
  empty: 'it was empty',
  'nul-bytes': 'it held NUL bytes instead of text',
  truncated: 'it was cut off part-way through',
  'not-json': 'it was not valid JSON',
  null: 'it held only the word null, not progress',
};

/** progress.<kind>-<timestamp>[-n].json beside the file, the first such name not taken. */
function keptName(file: string, kind: string, at: Date, n: number): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return path.join(path.dirname(file), `${path.basename(file, '.json')}.${kind}-${stamp}${n > 1 ? `-${n}` : ''}.json`);
}

/** Renames the file to progress.corrupt-<timestamp>.json (never replacing anything) and returns the new path. */
async function setAside(file: string, at: Date): Promise<string> {
  for (let n = 1; ; n++) {
    const aside = keptName(file, 'corrupt', at, n);
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

/** Copies the file to progress.<kind>-<timestamp>.json (never replacing anything) and returns the copy's path. */
async function keepCopy(file: string, kind: string, at: Date): Promise<string> {
  for (let n = 1; ; n++) {
    const copy = keptName(file, kind, at, n);
    try {
      await fsp.copyFile(file, copy, constants.COPYFILE_EXCL);
      return copy;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
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
