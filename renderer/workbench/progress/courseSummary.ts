// The figures the workbench shows about a learner's progress in a course: item
// statuses for the explorer, the percentage for the status bar, and the numbers
// behind the Progress view's charts. The rules themselves live in the engine.

import type { Course } from '../../../engine/course/model';
import type { CourseProgress, ItemStatus } from '../../../engine/progress/model';

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

/** Computes the figures of a course for a learner. */
export function courseSummary(course: Course, progress: CourseProgress): CourseSummaryView {
  const items: Record<string, ItemStatus> = {};
  const modules: Record<string, ModuleFigures> = {};
  const endings: Record<string, EndingFigures> = {};
  let done = 0;
  let total = 0;
  for (const module of course.modules) {
    const unlocked = module.prerequisites.every((p) => modules[p]?.status === 'complete');
    let moduleDone = 0;
    let moduleStarted = false;
    let seconds = 0;
    for (const lesson of module.lessons) {
      const record = progress.lessons[lesson.id];
      seconds += record?.seconds ?? 0;
      const questions = lesson.blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : []));
      const answered = questions.filter((q) => progress.answers[q.id]).length;
      const status: ItemStatus = !unlocked
        ? 'locked'
        : record?.visited && answered === questions.length
          ? 'complete'
          : record?.visited || answered > 0
            ? 'in-progress'
            : 'not-started';
      items[lesson.id] = status;
    }
    for (const scenario of module.scenarios) {
      const record = progress.scenarios[scenario.id];
      const endingIds = Object.values(scenario.nodes).filter((n) => n.ending).map((n) => n.id);
      endings[scenario.id] = { found: record?.endingsFound.length ?? 0, total: endingIds.length };
      items[scenario.id] = !unlocked
        ? 'locked'
        : (record?.endingsFound.length ?? 0) > 0
          ? 'complete'
          : record && (record.path.length > 0 || record.plays > 0)
            ? 'in-progress'
            : 'not-started';
    }
    const ids = [...module.lessons.map((l) => l.id), ...module.scenarios.map((s) => s.id)];
    for (const id of ids) {
      if (items[id] === 'complete') moduleDone++;
      if (items[id] !== 'not-started' && items[id] !== 'locked') moduleStarted = true;
    }
    const questions = module.lessons.flatMap((l) => l.blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : [])));
    const answered = questions.filter((q) => progress.answers[q.id]);
    const right = answered.filter((q) => progress.answers[q.id]!.correct).length;
    const scorePercent = answered.length > 0 ? Math.round((right / Math.max(questions.length, 1)) * 100) : undefined;
    const passed = questions.length === 0 || (scorePercent ?? 0) >= module.masteryScore;
    modules[module.id] = {
      status: !unlocked ? 'locked' : moduleDone === ids.length && passed ? 'complete' : moduleStarted ? 'in-progress' : 'not-started',
      itemsDone: moduleDone,
      itemsTotal: ids.length,
      scorePercent,
      questionsAnswered: answered.length,
      questionsTotal: questions.length,
      masteryScore: module.masteryScore,
      seconds,
    };
    done += moduleDone;
    total += ids.length;
  }
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const all = Object.values(modules);
  const status: ItemStatus =
    all.length > 0 && all.every((m) => m.status === 'complete') ? 'complete' : done > 0 || progress.seconds > 0 ? 'in-progress' : 'not-started';
  return { status, percent, modules, items, endings, seconds: progress.seconds };
}
