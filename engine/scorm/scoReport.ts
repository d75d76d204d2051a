// What a SCO tells the LMS about a learner, worked out from their progress alone:
// completion (every lesson visited, every scenario played to an ending), success
// against the module's mastery score once every question is answered, the score,
// and one objective per module learning outcome.

import type { Course, Module } from '../course/model';
import type { CourseProgress } from '../progress/model';
import type { PlacedQuestion, ScoScope } from './scope';
import { scopeModules, scopeQuestions } from './scope';

/** Success against the mastery score; unknown until every question has an answer. */
export type Success = 'passed' | 'failed' | 'unknown';

/** A percentage score out of 100 with its scaled (0-1) form. */
export interface Score {
  raw: number;
  min: 0;
  max: 100;
  scaled: number;
}

/** How the learner stands on one learning outcome. */
export interface ObjectiveReport {
  id: string;
  description: string;
  attempted: boolean;
  completed: boolean;
  success: Success;
  score?: Score;
  /** Share (0-1) of the outcome's lessons and scenarios done. */
  progress: number;
}

/** Everything the SCO reports about one learner. */
export interface ScoReport {
  attempted: boolean;
  completed: boolean;
  success: Success;
  /** Absent while no question in the scope has been answered. */
  score?: Score;
  /** Share (0-1) of the scope's lessons and scenarios done. */
  progress: number;
  objectives: ObjectiveReport[];
}

type Item = { done: boolean; touched: boolean; outcomes: string[] };

/** Works out the report of a SCO from the learner's progress. */
export function scoReport(course: Course, scope: ScoScope, progress: CourseProgress): ScoReport {
  const modules = scopeModules(course, scope);
  const items = modules.flatMap((m) => moduleItems(m, progress));
  const questions = scopeQuestions(course, scope);
  const graded = modules.filter((m) => questions.some((q) => q.module.id === m.id));
  const moduleSuccess = graded.map((m) =>
    success(questions.filter((q) => q.module.id === m.id), progress, m.masteryScore),
  );
  const anyQuestions = questions.length > 0;
  const overall: Success = !anyQuestions
    ? 'unknown'
    : moduleSuccess.includes('unknown')
      ? 'unknown'
      : moduleSuccess.includes('failed')
        ? 'failed'
        : 'passed';
  const objectives = modules.flatMap((m) =>
    m.outcomes.map((o): ObjectiveReport => {
      const mine = items.filter((i) => i.outcomes.includes(o.id));
      const qs = questions.filter((q) => q.module.id === m.id && q.lesson.outcomes.includes(o.id));
      const s = score(qs, progress);
      return {
        id: o.id,
        description: o.text,
        attempted: mine.some((i) => i.touched) || s !== undefined,
        completed: mine.length > 0 && mine.every((i) => i.done),
        success: qs.length ? success(qs, progress, m.masteryScore) : 'unknown',
        ...(s ? { score: s } : {}),
        progress: share(mine),
      };
    }),
  );
  const s = score(questions, progress);
  return {
    attempted: items.some((i) => i.touched) || s !== undefined,
    completed: items.length > 0 && items.every((i) => i.done),
    success: overall,
    ...(s ? { score: s } : {}),
    progress: share(items),
    objectives,
  };
}

function moduleItems(module: Module, progress: CourseProgress): Item[] {
  return [
    ...module.lessons.map((l) => ({
      done: progress.lessons[l.id]?.visited === true,
      touched: progress.lessons[l.id] !== undefined,
      outcomes: l.outcomes,
    })),
    ...module.scenarios.map((s) => ({
      done: (progress.scenarios[s.id]?.endingsFound.length ?? 0) > 0,
      touched: progress.scenarios[s.id] !== undefined,
      outcomes: s.outcomes,
    })),
  ];
}

function score(questions: PlacedQuestion[], progress: CourseProgress): Score | undefined {
  if (!questions.some((q) => progress.answers[q.question.id])) return undefined;
  const right = questions.filter((q) => progress.answers[q.question.id]?.correct).length;
  const raw = Math.round((right / questions.length) * 10_000) / 100;
  return { raw, min: 0, max: 100, scaled: Math.round((right / questions.length) * 10_000) / 10_000 };
}

function success(questions: PlacedQuestion[], progress: CourseProgress, mastery: number): Success {
  if (!questions.length || !questions.every((q) => progress.answers[q.question.id])) return 'unknown';
  const s = score(questions, progress);
  return s && s.raw >= mastery ? 'passed' : 'failed';
}

function share(items: Item[]): number {
  return items.length ? Math.round((items.filter((i) => i.done).length / items.length) * 10_000) / 10_000 : 0;
}
