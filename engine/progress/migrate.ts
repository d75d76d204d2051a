// Progress read back from somewhere this code does not control (a JSON file, an LMS's
// suspend data, an import) is checked before use. One damaged entry costs only that
// entry: everything else the learner did is kept.

import { z } from 'zod';
import type { AnswerRecord, CourseProgress, LessonRecord, Location, NoteRecord, ReflectionRecord, ScenarioRecord } from './model';

const nonNegative = z.number().finite().nonnegative();
const ids = z.array(z.string());

// A record saved before lessons had to be read to their end has no `read`: under the
// rule of its day, opening a lesson counted as reading it, so each visited lesson is
// taken as read and no learner loses a lesson they had completed.
const lessonRecord = z
  .object({ visited: z.boolean().catch(false), read: z.boolean().optional().catch(undefined), seconds: nonNegative.catch(0) })
  .transform(({ visited, read, seconds }): LessonRecord => ({ visited, read: read ?? visited, seconds }));
const answerRecord = z.object({
  quizId: z.string(),
  selected: ids,
  correct: z.boolean(),
  attempts: z.number().int().positive().catch(1),
  at: z.string().catch(''),
});
const scenarioRecord = z.object({
  snapshot: z.unknown().optional(),
  nodeId: z.string().optional().catch(undefined),
  path: ids.catch([]),
  endingsFound: ids.catch([]),
  plays: z.number().int().nonnegative().catch(0),
});
const reflectionRecord = z.object({ text: z.string().min(1), at: z.string().catch('') });
const noteRecord = z.object({ text: z.string().min(1), at: z.string().catch('') });
const location = z.object({ moduleId: z.string().optional(), lessonId: z.string().optional(), scenarioId: z.string().optional() });

/** Keys that would reach Object.prototype if copied onto a plain object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The entries of a record that pass `schema`; others are dropped one by one. */
function entries<T>(raw: unknown, schema: z.ZodType<T>): Record<string, T> {
  const out: Record<string, T> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (UNSAFE_KEYS.has(key)) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

function optionalString(raw: unknown): string | undefined {
  return typeof raw === 'string' ? raw : undefined;
}

/**
 * Checks progress from an untrusted source and returns it in the current shape, or
 * undefined when it is not progress at all (no course id). Missing parts start empty;
 * malformed entries are dropped individually.
 */
export function migrateProgress(raw: unknown): CourseProgress | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const data = raw as Record<string, unknown>;
  if (typeof data.courseId !== 'string' || data.courseId === '') return undefined;
  const seconds = nonNegative.safeParse(data.seconds);
  const where = location.safeParse(data.location);
  const progress: CourseProgress = {
    courseId: data.courseId,
    lessons: entries<LessonRecord>(data.lessons, lessonRecord),
    answers: entries<AnswerRecord>(data.answers, answerRecord),
    scenarios: entries<ScenarioRecord>(data.scenarios, scenarioRecord),
    reflections: entries<ReflectionRecord>(data.reflections, reflectionRecord),
    // Records saved before notes existed have none; entries() reads an absent field as empty.
    notes: entries<NoteRecord>(data.notes, noteRecord),
    location: where.success ? stripUndefined(where.data) : {},
    seconds: seconds.success ? seconds.data : 0,
  };
  const startedAt = optionalString(data.startedAt);
  const updatedAt = optionalString(data.updatedAt);
  if (startedAt !== undefined) progress.startedAt = startedAt;
  if (updatedAt !== undefined) progress.updatedAt = updatedAt;
  // Records saved before completion dates were kept have none: their modules show as complete, undated.
  const completed = entries<string>(data.modulesCompleted, z.string());
  if (Object.keys(completed).length > 0) progress.modulesCompleted = completed;
  return progress;
}

function stripUndefined(location: Location): Location {
  return Object.fromEntries(Object.entries(location).filter(([, v]) => v !== undefined)) as Location;
}
