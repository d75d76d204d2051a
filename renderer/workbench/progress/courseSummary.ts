// The figures the workbench shows about a learner's progress in a course: item
// statuses for the explorer, the percentage for the status bar, and the numbers
// behind the Progress view's charts, read off the engine's summary (the rules live
// there, once) and rounded for display.

import type { Course } from '../../../engine/course/model';
import type { CourseProgress, ItemStatus } from '../../../engine/progress/model';
// summary.ts rather than rules.ts: rules re-exports the stored-data migration, whose schema library
// would otherwise be part of the workbench's first download.
import { summarize } from '../../../engine/progress/summary';

/** One module's figures. */
export interface ModuleFigures {
  status: ItemStatus;
  itemsDone: number;
  itemsTotal: number;
  /** Percentage of the module's questions answered right, once any are answered. */
  scorePercent?: number;
  questionsAnswered: number;
  questionsTotal: number;
  masteryScore: number;
  seconds: number;
}

/** A scenario's endings found and how many there are. */
export interface EndingFigures {
  found: number;
  total: number;
}

/** Everything the workbench shows about a course's progress. */
export interface CourseSummaryView {
  status: ItemStatus;
  percent: number;
  modules: Record<string, ModuleFigures>;
  /** Status of each lesson and scenario, by id. */
  items: Record<string, ItemStatus>;
  endings: Record<string, EndingFigures>;
  seconds: number;
}

/** Computes the figures of a course for a learner, from the engine's progress rules. */
export function courseSummary(course: Course, progress: CourseProgress): CourseSummaryView {
  const summary = summarize(course, progress);
  const items: Record<string, ItemStatus> = {};
  for (const l of Object.values(summary.lessons)) items[l.id] = l.status;
  for (const s of Object.values(summary.scenarios)) items[s.id] = s.status;
  const endings: Record<string, EndingFigures> = {};
  for (const s of Object.values(summary.scenarios)) endings[s.id] = { found: s.endingsFound.length, total: s.endingsTotal };
  const modules: Record<string, ModuleFigures> = {};
  for (const m of Object.values(summary.modules)) {
    modules[m.id] = {
      status: m.status,
      itemsDone: m.itemsComplete,
      itemsTotal: m.itemsTotal,
      // A score shows once something is answered; before that there is nothing to chart.
      scorePercent: m.score !== undefined && m.answered > 0 ? Math.round(m.score) : undefined,
      questionsAnswered: m.answered,
      questionsTotal: m.questions,
      masteryScore: m.masteryScore,
      seconds: m.seconds,
    };
  }
  return { status: summary.status, percent: Math.floor(summary.percent), modules, items, endings, seconds: summary.seconds };
}
