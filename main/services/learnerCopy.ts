// Deleting a learner never destroys what they did: everything they had saved is first
// written to a file of its own in the data folder, beside progress.json, named after
// them and the moment of deletion (progress.deleted-Asha-Patel-2026-03-01T09-00-00-000Z.json),
// so whoever looks after the computer can find it by name and give it back.

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { WorkbenchState } from '../../engine/api/studioApi';
import type { CourseProgress } from '../../engine/progress/model';
import type { FileOps } from './atomicJsonFile';
import type { StoredLearner } from './progressFile';
import { fileNamePart } from './fileNames';

/** What the copy of a deleted learner's record holds. */
export interface LearnerCopy {
  kind: 'health-creation-studio/deleted-learner';
  /** The progress file's schema version the record was written in. */
  schemaVersion: number;
  deletedAt: string;
  /** The profile as stored, PIN hash included, so a restored profile keeps its protection. */
  learner: StoredLearner;
  workbench?: WorkbenchState;
  /** Progress by course id. */
  progress: Record<string, CourseProgress>;
}

/** progress.deleted-<name>-<timestamp>[-n].json in `dir`. */
export function learnerCopyPath(dir: string, name: string, at: Date, n = 1): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return path.join(dir, `progress.deleted-${fileNamePart(name, 40, '-') || 'learner'}-${stamp}${n > 1 ? `-${n}` : ''}.json`);
}

/** Writes the copy durably under a name no other file has; returns its path. */
export async function writeLearnerCopy(dir: string, copy: LearnerCopy, ops: FileOps): Promise<string> {
  const text = JSON.stringify(copy, null, 2) + '\n';
  for (let n = 1; ; n++) {
    const file = learnerCopyPath(dir, copy.learner.name, new Date(copy.deletedAt), n);
    try {
      // Created exclusively: an existing file of that name is never written over.
      await ops.writeFileSynced(file, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // A copy cut short (a full disk) is no copy: it goes, and the learner is not deleted.
      await fsp.rm(file, { force: true }).catch(() => undefined);
      throw error;
    }
    await ops.syncDir(dir);
    return file;
  }
}
