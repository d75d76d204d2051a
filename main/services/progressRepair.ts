// A course record in the progress file can be damaged by hand-editing, a sync tool or
// an older bug: its course id gone, an entry that is not an entry, a value nested too
// deeply to be written again. Left alone, such a record reads as an empty course, and
// the learner's next event replaces it: their study is lost without a word. So each
// damaged record is found when the file is opened and replaced by what can still be
// read of it; the store keeps the file as it was and tells the learner.

import { checkValueBounds, type ValueLimits } from '../../engine/api/valueBounds';
import type { CourseProgress } from '../../engine/progress/model';
import { migrateProgress } from '../../engine/progress/migrate';

/**
 * Limits of one stored course record. Generous (a record is at most a few hundred
 * kilobytes), but a record past them could not be written back or read by the player.
 */
export const RECORD_LIMITS: ValueLimits = { depth: 32, nodes: 200_000, stringChars: 100_000, totalChars: 10_000_000 };

/** Progress by learner id, then course id, as read from the file. */
export type StoredCourses = Record<string, Record<string, unknown>>;

/** The records with every damaged one repaired, and which were damaged. */
export interface Repair {
  progress: StoredCourses;
  damaged: Array<{ learnerId: string; courseId: string }>;
}

const ENTRY_MAPS = ['lessons', 'answers', 'scenarios', 'reflections', 'notes'] as const;

/** Finds damaged course records and replaces each with what can still be read of it (or drops it when nothing can). */
export function repairCourseRecords(progress: StoredCourses): Repair {
  const damaged: Repair['damaged'] = [];
  const repaired: StoredCourses = {};
  for (const [learnerId, courses] of Object.entries(progress)) {
    const kept: Record<string, unknown> = {};
    for (const [courseId, raw] of Object.entries(courses)) {
      const salvage = salvageRecord(courseId, raw);
      if (salvage.intact) {
        kept[courseId] = raw;
        continue;
      }
      damaged.push({ learnerId, courseId });
      if (salvage.record) kept[courseId] = salvage.record;
    }
    repaired[learnerId] = kept;
  }
  return { progress: repaired, damaged };
}

/** What can be read of one record, and whether that is all of it. */
function salvageRecord(courseId: string, raw: unknown): { intact: boolean; record?: CourseProgress } {
  if (!isObject(raw)) return { intact: false };
  const record = migrateProgress({ ...raw, courseId });
  if (!record) return { intact: false };
  let intact = raw.courseId === courseId;
  for (const field of ENTRY_MAPS) {
    const entries = raw[field];
    if (entries === undefined) continue;
    if (!isObject(entries) || Object.keys(entries).length !== Object.keys(record[field]).length) intact = false;
  }
  if (raw.seconds !== undefined && raw.seconds !== record.seconds) intact = false;
  if (raw.location !== undefined && !isObject(raw.location)) intact = false;
  for (const stamp of ['startedAt', 'updatedAt'] as const) if (raw[stamp] !== undefined && typeof raw[stamp] !== 'string') intact = false;
  // A snapshot too large to write back is dropped; the path and node it mirrors remain.
  for (const scenario of Object.values(record.scenarios)) {
    if (scenario.snapshot !== undefined && checkValueBounds(scenario.snapshot, RECORD_LIMITS) !== undefined) {
      delete scenario.snapshot;
      intact = false;
    }
  }
  if (intact && checkValueBounds(raw, RECORD_LIMITS) !== undefined) intact = false;
  return { intact, record };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
