// What a SCO tells the LMS about a learner, read off the progress rules' own summary
// (engine/progress/summary.ts) so that completion, the counted score and mastery mean
// the same in every LMS as in the Studio's Progress view, and a change to when an item
// counts as complete is made in one place.
//
// Success is decided only once every graded question of the scope is settled (right,
// or out of tries); until then it is "unknown" and no score is reported, because an
// LMS may turn any score it holds into a verdict (Moodle's SCORM 1.2 mastery override
// at LMSFinish, mod/scorm/datamodels/scorm_12.js StoreData). The score is the same
// two-decimal figure the success is judged on, so an LMS that recomputes the verdict
// from score and mastery score reaches the same one.

import type { Course, Lesson, Module } from '../course/model';
import { isGraded, isSettled, percent } from '../progress/attempts';
import { lessonQuizzes } from '../progress/courseIndex';
import type { CourseProgress } from '../progress/model';
import { summarize, type LessonSummary, type ProgressSummary, type ScenarioSummary } from '../progress/summary';
import type { ScoScope } from './scope';
import { scopeModules } from './scope';

/** Success against the mastery score; unknown until every graded question is settled. */
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
  /** Present once success is decided. */
  score?: Score;
  /** Share (0-1) of the outcome's lessons and scenarios complete. */
  progress: number;
}

/** Everything the SCO reports about one learner. */
export interface ScoReport {
  attempted: boolean;
  completed: boolean;
  success: Success;
  /** Present once success is decided: the counted score over the scope's graded questions. */
  score?: Score;
  /** Share (0-1) of the scope's lessons and scenarios complete. */
  progress: number;
  objectives: ObjectiveReport[];
}

type Item = { complete: boolean; touched: boolean; outcomes: string[] };

/** Graded questions and how many are settled and right, for a set of lessons. */
interface Tally {
  questions: number;
  settled: number;
  correct: number;
}

/** Works out the report of a SCO from the learner's progress. */
export function scoReport(course: Course, scope: ScoScope, progress: CourseProgress): ScoReport {
  const summary = summarize(course, progress);
  const modules = scopeModules(course, scope);
  const items = modules.flatMap((m) => moduleItems(m, summary, progress));
  const graded = modules.filter((m) => (summary.modules[m.id]?.questions ?? 0) > 0);
  const verdicts = graded.map((m) => moduleSuccess(m, summary));
  const decided = graded.length > 0 && !verdicts.includes('unknown');
  const total = graded.reduce<Tally>(
    (t, m) => {
      const s = summary.modules[m.id]!;
      return { questions: t.questions + s.questions, settled: t.settled + s.answered, correct: t.correct + s.correct };
    },
    { questions: 0, settled: 0, correct: 0 },
  );
  const objectives = modules.flatMap((m) =>
    m.outcomes.map((o): ObjectiveReport => {
      const mine = items.filter((i) => i.outcomes.includes(o.id));
      const tally = tallyOf(m.lessons.filter((l) => l.outcomes.includes(o.id)), progress);
      const known = tally.questions > 0 && tally.settled === tally.questions;
      const score = known ? scoreOf(tally.correct, tally.questions) : undefined;
      return {
        id: o.id,
        description: o.text,
        attempted: mine.some((i) => i.touched),
        completed: mine.length > 0 && mine.every((i) => i.complete),
        success: score ? (score.raw >= m.masteryScore ? 'passed' : 'failed') : 'unknown',
        ...(score ? { score } : {}),
        progress: share(mine),
      };
    }),
  );
  const success: Success = !decided ? 'unknown' : verdicts.includes('failed') ? 'failed' : 'passed';
  return {
    attempted: items.some((i) => i.touched),
    completed: items.length > 0 && items.every((i) => i.complete),
    success,
    ...(decided ? { score: scoreOf(total.correct, total.questions) } : {}),
    progress: share(items),
    objectives,
  };
}

function moduleSuccess(module: Module, summary: ProgressSummary): Success {
  const s = summary.modules[module.id]!;
  if (s.answered < s.questions) return 'unknown';
  return (s.score ?? 0) >= module.masteryScore ? 'passed' : 'failed';
}

function moduleItems(module: Module, summary: ProgressSummary, progress: CourseProgress): Item[] {
  const lessonItems = module.lessons.map((l) => lessonItem(summary.lessons[l.id]!, l.outcomes, progress));
  const scenarioItems = module.scenarios.map((s) => scenarioItem(summary.scenarios[s.id]!, s.outcomes, progress));
  return [...lessonItems, ...scenarioItems];
}

function lessonItem(s: LessonSummary, outcomes: string[], progress: CourseProgress): Item {
  return { complete: s.complete, touched: Object.hasOwn(progress.lessons, s.id) || s.answered > 0 || s.reflectionsSaved > 0, outcomes };
}

function scenarioItem(s: ScenarioSummary, outcomes: string[], progress: CourseProgress): Item {
  return { complete: s.complete, touched: Object.hasOwn(progress.scenarios, s.id), outcomes };
}

/** The graded questions of some lessons: how many, how many settled, how many of those right. */
function tallyOf(lessons: Lesson[], progress: CourseProgress): Tally {
  const placed = lessons.flatMap((l) =>
    lessonQuizzes(l)
      .filter(isGraded)
      .flatMap((quiz) => quiz.questions.map((q) => ({ quiz, record: Object.hasOwn(progress.answers, q.id) ? progress.answers[q.id] : undefined }))),
  );
  const settled = placed.filter((q) => isSettled(q.quiz, q.record));
  return { questions: placed.length, settled: settled.length, correct: settled.filter((q) => q.record!.correct).length };
}

function scoreOf(correct: number, questions: number): Score {
  const raw = percent(correct, questions);
  return { raw, min: 0, max: 100, scaled: Math.round(raw * 100) / 10_000 };
}

function share(items: Item[]): number {
  return items.length ? Math.round((items.filter((i) => i.complete).length / items.length) * 10_000) / 10_000 : 0;
}
