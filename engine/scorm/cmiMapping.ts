// Progress -> the SCORM data model, for both standards. Every function returns the
// ordered (element, value) pairs to SetValue, so the runtime stays a thin loop and
// the mapping is tested without an LMS. Element names and vocabularies follow the
// SCORM 1.2 RTE (cmi.core.*) and the SCORM 2004 4th Edition RTE (cmi.*); every value
// also passes the strictest runtime the package is tested under, which applies Moodle's
// own patterns (tests/lms/moodle).

import type { Course } from '../course/model';
import { isGraded } from '../progress/attempts';
import type { Location } from '../progress/model';
import { iso8601Duration, scorm12Time, scorm12Timespan } from './duration';
import { positionChar, shortId } from './identifiers';
import { plainText } from './plainText';
import type { ObjectiveReport, ScoReport } from './scoReport';

/** SCORM version of a package. */
export type Standard = 'scorm12' | 'scorm2004';

/** One SetValue call: element and value. */
export type CmiWrite = readonly [element: string, value: string];

/** Element names that differ between the standards. */
export const CMI = {
  scorm12: {
    suspendData: 'cmi.suspend_data',
    location: 'cmi.core.lesson_location',
    entry: 'cmi.core.entry',
    learnerName: 'cmi.core.student_name',
    learnerId: 'cmi.core.student_id',
    interactionCount: 'cmi.interactions._count',
    objectiveCount: 'cmi.objectives._count',
  },
  scorm2004: {
    suspendData: 'cmi.suspend_data',
    location: 'cmi.location',
    entry: 'cmi.entry',
    learnerName: 'cmi.learner_name',
    learnerId: 'cmi.learner_id',
    interactionCount: 'cmi.interactions._count',
    objectiveCount: 'cmi.objectives._count',
  },
} as const;

const fixed = (n: number) => String(Number(n.toFixed(4)));

/**
 * Status, score and progress of the SCO. A SCO never reports "not attempted" once launched.
 * SCORM 1.2 has one status for completion and success, so it reports "incomplete" until
 * every item is done, and only then the verdict with its score: Moodle turns any status
 * into passed or failed at LMSFinish once it holds a score and a mastery score
 * (mod/scorm/datamodels/scorm_12.js, StoreData), so an in-progress learner must have none.
 * SCORM 2004 keeps the two apart, so success and score go as soon as they are decided.
 */
export function reportWrites(standard: Standard, report: ScoReport): CmiWrite[] {
  const out: CmiWrite[] = [];
  if (standard === 'scorm12') {
    const verdict = report.completed && report.success !== 'unknown' && report.score;
    out.push(['cmi.core.lesson_status', !report.completed ? 'incomplete' : verdict ? report.success : 'completed']);
    if (verdict) {
      out.push(['cmi.core.score.raw', fixed(verdict.raw)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    }
    return out;
  }
  out.push(['cmi.completion_status', report.completed ? 'completed' : 'incomplete']);
  // "unknown" is every LMS's default; Open edX's XBlock publishes a grade (of 0) on any
  // success_status it is sent (scormxblock.py, set_value), so it goes only once decided.
  if (report.success !== 'unknown') out.push(['cmi.success_status', report.success]);
  out.push(['cmi.progress_measure', fixed(report.progress)]);
  if (report.score) {
    out.push(
      ['cmi.score.scaled', fixed(report.score.scaled)],
      ['cmi.score.raw', fixed(report.score.raw)],
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
    );
  }
  return out;
}

/**
 * One objective per learning outcome at index `n`; `withId` is false when the LMS already
 * holds its id. Only what an LMS shows is sent, since Moodle re-posts every objective
 * field without a default on every commit (scorm_13.js, CollectData): the id, the
 * statuses, the description (2004) and, once decided, the score.
 */
export function objectiveWrites(standard: Standard, n: number, o: ObjectiveReport, withId: boolean): CmiWrite[] {
  const base = `cmi.objectives.${n}`;
  const out: CmiWrite[] = withId ? [[`${base}.id`, o.id]] : [];
  if (standard === 'scorm12') {
    const verdict = o.completed && o.success !== 'unknown' && o.score;
    const status = !o.attempted ? 'not attempted' : !o.completed ? 'incomplete' : verdict ? o.success : 'completed';
    out.push([`${base}.status`, status]);
    if (verdict) out.push([`${base}.score.raw`, fixed(verdict.raw)], [`${base}.score.min`, '0'], [`${base}.score.max`, '100']);
    return out;
  }
  if (o.success !== 'unknown') out.push([`${base}.success_status`, o.success]);
  out.push([`${base}.completion_status`, !o.attempted ? 'not attempted' : o.completed ? 'completed' : 'incomplete']);
  if (withId) out.push([`${base}.description`, plainText(o.description)]);
  if (o.score) out.push([`${base}.score.scaled`, fixed(o.score.scaled)], [`${base}.score.raw`, fixed(o.score.raw)]);
  return out;
}

/** One step of a response: an option or a choice, by id and by where the author wrote it. */
export interface ResponseStep {
  id: string;
  /** 0-based place among the question's options, or among the choices of the node it was made at. */
  position: number;
}

/** What the SCO journals about a graded answer or a scenario play-through. */
export interface Interaction {
  /** The question or scenario id; the SCO keeps one interaction per id and rewrites it. */
  id: string;
  /**
   * `choice` for a question. A scenario play-through is a `sequencing`: its response is
   * the ordered choices made, a format both standards define for an ordered series of
   * identifiers. One interaction per scenario (its latest play-through), not one per
   * choice: Moodle re-posts every interaction on every commit, and a choice has no right
   * answer for an item analysis to use; every choice made is kept in suspend_data.
   */
  type: 'choice' | 'sequencing';
  description: string;
  response: ResponseStep[];
  /** The right answer; absent for a scenario, which has none. */
  correct?: ResponseStep[];
  result: 'correct' | 'incorrect' | 'neutral';
  objectiveIds: string[];
  at: string;
}

/** The most steps a sequencing or choice response may hold: the SPM of SCORM 2004, also Moodle's `max`. */
export const MAX_RESPONSE_STEPS = 36;

/**
 * The interaction for a learner's latest answer to a graded question, or undefined for
 * an unknown question or one in a practice quiz: practice tries count for nothing, and
 * an LMS's item analysis should see only answers that count.
 */
export function quizInteraction(course: Course, questionId: string, selected: readonly string[], at: string): Interaction | undefined {
  for (const lesson of course.modules.flatMap((m) => m.lessons)) {
    for (const block of lesson.blocks) {
      if (block.kind !== 'quiz') continue;
      const q = block.quiz.questions.find((x) => x.id === questionId);
      if (!q) continue;
      if (!isGraded(block.quiz)) return undefined;
      const steps = (ids: readonly string[]) => q.options.flatMap((o, position) => (ids.includes(o.id) ? [{ id: o.id, position }] : []));
      const correct = steps(q.options.filter((o) => o.correct).map((o) => o.id));
      const response = steps(selected);
      const right = correct.length === response.length && correct.every((c) => response.some((r) => r.id === c.id));
      return { id: q.id, type: 'choice', description: plainText(q.prompt), response, correct, result: right ? 'correct' : 'incorrect', objectiveIds: lesson.outcomes, at };
    }
  }
  return undefined;
}

/** The interaction for a play-through of a scenario that reached an ending along `path`, or undefined. */
export function scenarioInteraction(course: Course, scenarioId: string, path: readonly string[], at: string): Interaction | undefined {
  const scenario = course.modules.flatMap((m) => m.scenarios).find((s) => s.id === scenarioId);
  if (!scenario) return undefined;
  const response: ResponseStep[] = [];
  let node = scenario.nodes[scenario.start];
  for (const choiceId of path) {
    const position = node?.choices.findIndex((c) => c.id === choiceId) ?? -1;
    if (!node || position < 0) return undefined;
    response.push({ id: choiceId, position });
    node = scenario.nodes[node.choices[position]!.to];
  }
  const ending = node?.ending;
  if (!ending || response.length === 0) return undefined;
  const kept = response.slice(0, MAX_RESPONSE_STEPS);
  const cut = kept.length < response.length ? ` (the first ${MAX_RESPONSE_STEPS} of ${response.length} choices)` : '';
  return {
    id: scenario.id,
    type: 'sequencing',
    description: plainText(`${scenario.title}: ${response.length} ${response.length === 1 ? 'choice' : 'choices'} to the ending "${ending.title}" (${ending.kind})${cut}`),
    response: kept,
    result: 'neutral',
    objectiveIds: scenario.outcomes,
    at,
  };
}

/** The SetValue calls that journal an interaction at index `n`, in the order Moodle's dependency checks need. */
export function interactionWrites(standard: Standard, n: number, i: Interaction): CmiWrite[] {
  const base = `cmi.interactions.${n}`;
  const out: CmiWrite[] = [[`${base}.id`, i.id]];
  if (standard === 'scorm12') {
    const chars = (steps: readonly ResponseStep[]) => steps.map((s) => positionChar(s.position)).join(',');
    i.objectiveIds.forEach((id, k) => out.push([`${base}.objectives.${k}.id`, id]));
    out.push([`${base}.time`, scorm12Time(i.at)], [`${base}.type`, i.type]);
    if (i.correct) out.push([`${base}.correct_responses.0.pattern`, chars(i.correct)]);
    out.push([`${base}.student_response`, chars(i.response)], [`${base}.result`, i.result === 'incorrect' ? 'wrong' : i.result]);
    return out;
  }
  const ids = (steps: readonly ResponseStep[]) => steps.map((s) => shortId(s.id)).join('[,]');
  // The type goes before the responses: Moodle reads it to check them (scorm_13.js, SetValue).
  out.push([`${base}.type`, i.type]);
  i.objectiveIds.forEach((id, k) => out.push([`${base}.objectives.${k}.id`, id]));
  // No timestamp: Moodle re-posts every interaction field on every commit, and at exit
  // that post must fit Chrome's 64 KiB beacon quota with the learner's suspend_data.
  if (i.correct) out.push([`${base}.correct_responses.0.pattern`, ids(i.correct)]);
  out.push([`${base}.learner_response`, ids(i.response)], [`${base}.result`, i.result], [`${base}.description`, i.description]);
  return out;
}

/** Session time so far and exit "suspend", written before every commit. */
export function exitWrites(standard: Standard, sessionSeconds: number): CmiWrite[] {
  // Both go out with every commit, not only at terminate: a browser that is killed
  // after the page was hidden never sends pagehide, and an LMS may discard the
  // attempt's suspend_data when exit was never set. "suspend" keeps the attempt, so
  // a learner can also come back to re-read a lesson or replay a scenario later.
  return standard === 'scorm12'
    ? [['cmi.core.session_time', scorm12Timespan(sessionSeconds)], ['cmi.core.exit', 'suspend']]
    : [['cmi.session_time', iso8601Duration(sessionSeconds)], ['cmi.exit', 'suspend']];
}

/** The bookmark an LMS shows and keeps: `lesson:<id>`, `scenario:<id>` or `module:<id>`. */
export function locationString(location: Location): string {
  if (location.scenarioId) return `scenario:${location.scenarioId}`;
  if (location.lessonId) return `lesson:${location.lessonId}`;
  if (location.moduleId) return `module:${location.moduleId}`;
  return '';
}

/** Reads a bookmark written by locationString back into a Location within the course. */
export function parseLocation(course: Course, text: string): Location {
  const [kind, id] = text.split(':');
  for (const m of course.modules) {
    if (kind === 'module' && m.id === id) return { moduleId: m.id };
    if (kind === 'lesson' && m.lessons.some((l) => l.id === id)) return { moduleId: m.id, lessonId: id };
    if (kind === 'scenario' && m.scenarios.some((s) => s.id === id)) return { moduleId: m.id, scenarioId: id };
  }
  return {};
}
