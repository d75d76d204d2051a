// The resume state of one SCO in cmi.suspend_data. SCORM 1.2 gives it only 4,096
// characters, so the progress of the SCO's modules is written compactly (stable
// ids as keys, instants as base-36 epoch seconds, quiz ids left to the course),
// deflated, and spelt in the LMS-safe base-85 alphabet. Ids, not positions, key
// everything, so a package re-exported after an edit still reads old data.

import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Course } from '../course/model';
import type { CourseProgress, Location } from '../progress/model';
import { emptyProgress } from '../progress/model';
import { decodeAscii85, encodeAscii85 } from './asciiCodec';
import type { ScoScope } from './scope';
import { scopeLessons, scopeQuestions, scopeReflectionIds, scopeScenarios } from './scope';

/** Marks the format, so a later format can still read this one. */
const PREFIX = 'hc1.';

/** Characters SCORM 1.2 allows in cmi.suspend_data (CMIString4096). */
export const SCORM12_SUSPEND_LIMIT = 4096;
/** Characters SCORM 2004 4th Edition guarantees for cmi.suspend_data. */
export const SCORM2004_SUSPEND_LIMIT = 64_000;
/**
 * Characters a SCORM 2004 package lets its suspend_data grow to, well below what the
 * standard allows: Moodle posts suspend_data with every interaction and objective field
 * on each commit, and at exit as one beacon that Chrome drops past 64 KiB. With the
 * rest of a complete play-through of the largest shipped SCO (about 48 KB as a beacon,
 * tests/bench/RESULTS.md) this keeps the exit inside it. It holds about 25,000
 * characters of reflections, since the data is compressed.
 */
export const SCORM2004_SUSPEND_BUDGET = 12_000;

/** The most characters of suspend_data a package of a standard writes. */
export function suspendLimit(standard: 'scorm12' | 'scorm2004'): number {
  return standard === 'scorm12' ? SCORM12_SUSPEND_LIMIT : SCORM2004_SUSPEND_BUDGET;
}

type Packed = {
  /** Lesson id: [visited, seconds, read]; data written before `read` existed has two entries. */
  l?: Record<string, readonly [number, number, number?]>;
  a?: Record<string, readonly [string, number, number, string]>;
  s?: Record<string, readonly [string, string[], string[], number, unknown]>;
  r?: Record<string, readonly [string, string]>;
  o?: [string, string, string];
  t?: number;
  b?: string;
  u?: string;
  k?: string;
  x?: Record<string, number>;
};

/**
 * What the SCO itself must remember beside the learner's progress: the learner's
 * shuffle seed, and the index of each interaction it has written. The LMS's
 * `cmi.interactions._count` cannot be trusted for the latter (Open edX's XBlock answers
 * it with "", so every launch would start again at 0 and overwrite the earlier ones).
 */
export interface ScoState {
  /** Seed of the learner's option order, kept so it never changes for them. */
  seed?: string;
  /** Interaction index by question or scenario id. */
  interactions: Record<string, number>;
}

const toStamp = (iso: string | undefined) => (iso ? Math.round(Date.parse(iso) / 1000).toString(36) : '');
const fromStamp = (s: unknown) =>
  typeof s === 'string' && s ? new Date(parseInt(s, 36) * 1000).toISOString() : new Date(0).toISOString();

/**
 * Encodes the part of a progress record that belongs to a SCO's modules. Learner
 * notes are left out: a SCORM package has no notes panel to write or read them in,
 * so they would only spend the LMS's few thousand characters (decode gives none).
 */
export function encodeSuspendData(course: Course, scope: ScoScope, progress: CourseProgress, state?: ScoState): string {
  const packed: Packed = {};
  const lessons = scopeLessons(course, scope).flatMap((l) => {
    const rec = progress.lessons[l.id];
    return rec ? [[l.id, [rec.visited ? 1 : 0, Math.round(rec.seconds), rec.read ? 1 : 0]] as const] : [];
  });
  if (lessons.length) packed.l = Object.fromEntries(lessons);
  const answers = scopeQuestions(course, scope).flatMap(({ question }) => {
    const rec = progress.answers[question.id];
    return rec
      ? [[question.id, [rec.selected.join(' '), rec.attempts, rec.correct ? 1 : 0, toStamp(rec.at)]] as const]
      : [];
  });
  if (answers.length) packed.a = Object.fromEntries(answers);
  const scenarios = scopeScenarios(course, scope).flatMap((s) => {
    const rec = progress.scenarios[s.id];
    return rec ? [[s.id, [rec.nodeId ?? '', rec.path, rec.endingsFound, rec.plays, rec.snapshot ?? 0]] as const] : [];
  });
  if (scenarios.length) packed.s = Object.fromEntries(scenarios);
  const reflections = scopeReflectionIds(course, scope).flatMap((id) => {
    const rec = progress.reflections[id];
    return rec ? [[id, [rec.text, toStamp(rec.at)]] as const] : [];
  });
  if (reflections.length) packed.r = Object.fromEntries(reflections);
  const loc = progress.location;
  if (loc.moduleId || loc.lessonId || loc.scenarioId) packed.o = [loc.moduleId ?? '', loc.lessonId ?? '', loc.scenarioId ?? ''];
  if (progress.seconds) packed.t = Math.round(progress.seconds);
  if (progress.startedAt) packed.b = toStamp(progress.startedAt);
  if (progress.updatedAt) packed.u = toStamp(progress.updatedAt);
  if (state?.seed) packed.k = state.seed;
  if (state && Object.keys(state.interactions).length) packed.x = state.interactions;
  const json = JSON.stringify(packed);
  return PREFIX + encodeAscii85(deflateSync(strToU8(json), { level: 9 }));
}

/** The outcome of reading suspend_data: the progress and SCO state, or a sentence saying why it could not be read. */
export type DecodeResult = { ok: true; progress: CourseProgress; state: ScoState } | { ok: false; message: string };

/** Decodes suspend_data written by encodeSuspendData; an empty string is a first launch. */
export function decodeSuspendData(course: Course, scope: ScoScope, text: string): DecodeResult {
  const progress = emptyProgress(course.id);
  if (text === '') return { ok: true, progress, state: { interactions: {} } };
  const unreadable = {
    ok: false as const,
    message: 'The progress saved in the LMS for this module is not in a form this package can read, so it starts afresh.',
  };
  if (!text.startsWith(PREFIX)) return unreadable;
  const bytes = decodeAscii85(text.slice(PREFIX.length));
  if (!bytes) return unreadable;
  let packed: Packed;
  try {
    const value: unknown = JSON.parse(strFromU8(inflateSync(bytes)));
    if (!isRecord(value)) return unreadable;
    packed = value as Packed;
  } catch {
    return unreadable;
  }
  restoreInto(course, scope, packed, progress);
  return { ok: true, progress, state: stateOf(packed) };
}

function stateOf(packed: Packed): ScoState {
  const interactions: Record<string, number> = {};
  for (const [id, n] of entries(packed.x)) {
    if (id !== '__proto__' && Number.isSafeInteger(n) && (n as number) >= 0) interactions[id] = n as number;
  }
  return { ...(typeof packed.k === 'string' && packed.k ? { seed: packed.k } : {}), interactions };
}

function restoreInto(course: Course, scope: ScoScope, packed: Packed, progress: CourseProgress): void {
  // Ids the course no longer has are dropped: the learner cannot reach them any more.
  const lessonIds = new Set(scopeLessons(course, scope).map((l) => l.id));
  for (const [id, rec] of entries(packed.l)) {
    if (!lessonIds.has(id) || !Array.isArray(rec)) continue;
    // Suspend data from a package built before lessons had to be read to the end keeps
    // the standing it had: a visited lesson counted as read then, so it still does.
    const visited = rec[0] === 1;
    progress.lessons[id] = { visited, read: rec.length < 3 ? visited : rec[2] === 1, seconds: num(rec[1]) };
  }
  const quizOf = new Map(scopeQuestions(course, scope).map((p) => [p.question.id, p.quiz.id]));
  for (const [id, rec] of entries(packed.a)) {
    const quizId = quizOf.get(id);
    if (!quizId || !Array.isArray(rec)) continue;
    const selected = typeof rec[0] === 'string' && rec[0] ? rec[0].split(' ') : [];
    progress.answers[id] = { quizId, selected, attempts: num(rec[1]), correct: rec[2] === 1, at: fromStamp(rec[3]) };
  }
  const scenarioIds = new Set(scopeScenarios(course, scope).map((s) => s.id));
  for (const [id, rec] of entries(packed.s)) {
    if (!scenarioIds.has(id) || !Array.isArray(rec)) continue;
    const record: CourseProgress['scenarios'][string] = {
      path: strings(rec[1]),
      endingsFound: strings(rec[2]),
      plays: num(rec[3]),
    };
    if (typeof rec[0] === 'string' && rec[0]) record.nodeId = rec[0];
    if (rec[4] !== 0 && rec[4] !== undefined) record.snapshot = rec[4];
    progress.scenarios[id] = record;
  }
  const reflectionIds = new Set(scopeReflectionIds(course, scope));
  for (const [id, rec] of entries(packed.r)) {
    if (reflectionIds.has(id) && Array.isArray(rec) && typeof rec[0] === 'string') {
      progress.reflections[id] = { text: rec[0], at: fromStamp(rec[1]) };
    }
  }
  if (Array.isArray(packed.o)) {
    const [moduleId, lessonId, scenarioId] = packed.o;
    const location: Location = {};
    if (moduleId) location.moduleId = moduleId;
    if (lessonId) location.lessonId = lessonId;
    if (scenarioId) location.scenarioId = scenarioId;
    progress.location = location;
  }
  progress.seconds = num(packed.t);
  if (packed.b) progress.startedAt = fromStamp(packed.b);
  if (packed.u) progress.updatedAt = fromStamp(packed.u);
}

/** Copies the SCO's part of `part` over `base`, keeping every record of other modules. */
export function mergeProgress(base: CourseProgress, part: CourseProgress): CourseProgress {
  return {
    ...base,
    lessons: { ...base.lessons, ...part.lessons },
    answers: { ...base.answers, ...part.answers },
    scenarios: { ...base.scenarios, ...part.scenarios },
    reflections: { ...base.reflections, ...part.reflections },
    location: part.location,
    seconds: part.seconds,
    ...(part.startedAt ? { startedAt: part.startedAt } : {}),
    ...(part.updatedAt ? { updatedAt: part.updatedAt } : {}),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function entries(v: unknown): [string, unknown][] {
  return isRecord(v) ? Object.entries(v) : [];
}
function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
