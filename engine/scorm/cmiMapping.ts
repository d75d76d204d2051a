// Progress -> the SCORM data model, for both standards. Every function returns the
// ordered (element, value) pairs to SetValue, so the runtime stays a thin loop and
// the mapping is tested without an LMS. Element names and vocabularies follow the
// SCORM 1.2 RTE (cmi.core.*) and the SCORM 2004 4th Edition RTE (cmi.*).

import type { Course } from '../course/model';
import type { Location } from '../progress/model';
import { iso8601Duration, scorm12Time, scorm12Timespan, scorm2004Time } from './duration';
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

/** Status, score and progress of the SCO. A SCO never reports "not attempted" once launched. */
export function reportWrites(standard: Standard, report: ScoReport): CmiWrite[] {
  const out: CmiWrite[] = [];
  if (standard === 'scorm12') {
    const status = !report.completed ? 'incomplete' : report.success === 'unknown' ? 'completed' : report.success;
    out.push(['cmi.core.lesson_status', status]);
    if (report.score) {
      out.push(['cmi.core.score.raw', fixed(report.score.raw)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    }
    return out;
  }
  out.push(['cmi.completion_status', report.completed ? 'completed' : 'incomplete']);
  out.push(['cmi.success_status', report.success]);
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

/** One objective per learning outcome at index `n`; `withId` is false when the LMS already holds its id. */
export function objectiveWrites(standard: Standard, n: number, o: ObjectiveReport, withId: boolean): CmiWrite[] {
  const base = `cmi.objectives.${n}`;
  const out: CmiWrite[] = withId ? [[`${base}.id`, o.id]] : [];
  if (standard === 'scorm12') {
    const status = !o.attempted
      ? 'not attempted'
      : o.success !== 'unknown'
        ? o.success
        : o.completed
          ? 'completed'
          : 'incomplete';
    out.push([`${base}.status`, status]);
    if (o.score) out.push([`${base}.score.raw`, fixed(o.score.raw)], [`${base}.score.min`, '0'], [`${base}.score.max`, '100']);
    return out;
  }
  out.push(
    [`${base}.success_status`, o.success],
    [`${base}.completion_status`, !o.attempted ? 'not attempted' : o.completed ? 'completed' : 'incomplete'],
    [`${base}.progress_measure`, fixed(o.progress)],
  );
  if (withId) out.push([`${base}.description`, o.description.slice(0, 250)]);
  if (o.score) {
    out.push(
      [`${base}.score.scaled`, fixed(o.score.scaled)],
      [`${base}.score.raw`, fixed(o.score.raw)],
      [`${base}.score.min`, '0'],
      [`${base}.score.max`, '100'],
    );
  }
  return out;
}

/** A learner's answer or choice, ready to be journalled as a SCORM interaction. */
export interface Interaction {
  id: string;
  description: string;
  /** Option or choice ids the learner picked. */
  response: string[];
  /** The right answer; absent for scenario choices, which have none. */
  correct?: string[];
  result: 'correct' | 'incorrect' | 'neutral';
  objectiveIds: string[];
  at: string;
}

/** The interaction for an answer to a quiz question, or undefined for an unknown question. */
export function quizInteraction(course: Course, questionId: string, selected: string[], at: string): Interaction | undefined {
  for (const lesson of course.modules.flatMap((m) => m.lessons)) {
    for (const block of lesson.blocks) {
      if (block.kind !== 'quiz') continue;
      const q = block.quiz.questions.find((x) => x.id === questionId);
      if (!q) continue;
      const correct = q.options.filter((o) => o.correct).map((o) => o.id);
      const right = correct.length === selected.length && correct.every((id) => selected.includes(id));
      return { id: q.id, description: q.prompt, response: selected, correct, result: right ? 'correct' : 'incorrect', objectiveIds: lesson.outcomes, at };
    }
  }
  return undefined;
}

/** The interaction for a scenario choice: id scenario.node.choice, result neutral. */
export function scenarioInteraction(
  course: Course,
  scenarioId: string,
  nodeId: string,
  choiceId: string,
  at: string,
): Interaction | undefined {
  const scenario = course.modules.flatMap((m) => m.scenarios).find((s) => s.id === scenarioId);
  const choice = scenario?.nodes[nodeId]?.choices.find((c) => c.id === choiceId);
  if (!scenario || !choice) return undefined;
  const ending = scenario.nodes[choice.to]?.ending;
  const description = `${scenario.title}: ${choice.text}` + (ending ? ` (ending: ${ending.title})` : '');
  return {
    id: `${scenarioId}.${nodeId}.${choiceId}`,
    description,
    response: [choiceId],
    result: 'neutral',
    objectiveIds: scenario.outcomes,
    at,
  };
}

/** The SetValue calls that journal an interaction at index `n`. */
export function interactionWrites(standard: Standard, n: number, i: Interaction): CmiWrite[] {
  const base = `cmi.interactions.${n}`;
  const out: CmiWrite[] = [[`${base}.id`, i.id], [`${base}.type`, 'choice']];
  i.objectiveIds.forEach((id, k) => out.push([`${base}.objectives.${k}.id`, id]));
  if (standard === 'scorm12') {
    out.push([`${base}.time`, scorm12Time(i.at)]);
    if (i.correct) out.push([`${base}.correct_responses.0.pattern`, i.correct.join(',')], [`${base}.weighting`, '1']);
    out.push([`${base}.student_response`, i.response.join(',')]);
    out.push([`${base}.result`, i.result === 'incorrect' ? 'wrong' : i.result]);
    return out;
  }
  out.push([`${base}.timestamp`, scorm2004Time(i.at)]);
  if (i.correct) out.push([`${base}.correct_responses.0.pattern`, i.correct.join('[,]')], [`${base}.weighting`, '1']);
  out.push([`${base}.learner_response`, i.response.join('[,]')]);
  out.push([`${base}.result`, i.result]);
  out.push([`${base}.description`, i.description.slice(0, 250)]);
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
