// Statuses, scores and unlocking derived from a learner's record. Nothing here is
// stored: the record keeps only what the learner did, keyed by stable ids, so when
// the course is edited (a question removed, a lesson added) the summary simply
// follows the course as it now is.

import type { Course, Lesson, Module, Quiz, Scenario } from '../course/model';
import { isDone, isGraded, isSettled, percent } from './attempts';
import { lessonQuizzes, lessonReflections } from './courseIndex';
import type { CourseProgress, ItemStatus } from './model';

/** One lesson's standing. */
export interface LessonSummary {
  id: string;
  moduleId: string;
  status: ItemStatus;
  /** Read to its end, every question done (graded ones settled) and every reflection saved (true even while locked). */
  complete: boolean;
  visited: boolean;
  /** The learner reached the lesson's end. */
  read: boolean;
  seconds: number;
  /** Questions in the lesson's quizzes, graded and practice. */
  questions: number;
  /** Questions done: graded ones settled (right, or out of tries), practice ones answered. */
  answered: number;
  /** Of those, the ones whose counted (graded) or latest (practice) answer is right. */
  correct: number;
  reflections: number;
  reflectionsSaved: number;
}

/** One scenario's standing. */
export interface ScenarioSummary {
  id: string;
  moduleId: string;
  status: ItemStatus;
  /** At least one ending found (true even while locked). */
  complete: boolean;
  /** Ending node ids found that still exist, in the order found. */
  endingsFound: string[];
  endingsTotal: number;
  plays: number;
}

/** One module's standing. */
export interface ModuleSummary {
  id: string;
  status: ItemStatus;
  /** Every prerequisite module is complete. */
  unlocked: boolean;
  complete: boolean;
  /**
   * Percentage (0-100, to two decimals) of the module's graded questions whose counted
   * answer is right; absent when it has none. Practice quizzes count for nothing.
   */
  score?: number;
  masteryScore: number;
  /** Complete, and the score reaches the mastery score (a module without graded questions passes when complete). */
  masteryPassed: boolean;
  /** Graded questions of the module. */
  questions: number;
  /** Graded questions settled: answered rightly or out of tries. */
  answered: number;
  /** Settled graded questions answered rightly. */
  correct: number;
  itemsComplete: number;
  itemsTotal: number;
  endingsFound: number;
  endingsTotal: number;
  /** Time recorded against the module's lessons. */
  seconds: number;
}

/** The whole course's standing, with every lesson, scenario and module by id (in course order). */
export interface ProgressSummary {
  courseId: string;
  status: ItemStatus;
  complete: boolean;
  /** Every module passed its mastery score. */
  passed: boolean;
  /** Percentage (0-100, unrounded) of lessons and scenarios complete. */
  percent: number;
  itemsComplete: number;
  itemsTotal: number;
  /** Percentage (to two decimals) of all the course's graded questions answered rightly; absent when it has none. */
  score?: number;
  questions: number;
  correct: number;
  endingsFound: number;
  endingsTotal: number;
  /** All time recorded in the course. */
  seconds: number;
  unlockedModules: string[];
  modules: Record<string, ModuleSummary>;
  lessons: Record<string, LessonSummary>;
  scenarios: Record<string, ScenarioSummary>;
}

/** Derives every status, score and count from a learner's record of a course. */
export function summarize(course: Course, progress: CourseProgress): ProgressSummary {
  const modules: Record<string, ModuleSummary> = {};
  const lessons: Record<string, LessonSummary> = {};
  const scenarios: Record<string, ScenarioSummary> = {};
  const completeModules = new Set<string>();

  // Modules come in study order and prerequisites point backwards (the loader refuses
  // cycles), but a prerequisite listed later is still honoured by a first pass here.
  const itemsDone = new Map(course.modules.map((m) => [m.id, moduleItemsComplete(m, progress)]));
  for (const module of course.modules) if (itemsDone.get(module.id)) completeModules.add(module.id);

  for (const module of course.modules) {
    const unlocked = module.prerequisites.every((id) => completeModules.has(id) || !itemsDone.has(id));
    const moduleLessons = module.lessons.map((lesson) => summarizeLesson(lesson, module, progress, unlocked));
    const moduleScenarios = module.scenarios.map((scenario) => summarizeScenario(scenario, module, progress, unlocked));
    for (const l of moduleLessons) lessons[l.id] = l;
    for (const s of moduleScenarios) scenarios[s.id] = s;
    modules[module.id] = summarizeModule(module, progress, unlocked, moduleLessons, moduleScenarios);
  }

  const all = Object.values(modules);
  const sum = (pick: (m: ModuleSummary) => number) => all.reduce((total, m) => total + pick(m), 0);
  const itemsTotal = sum((m) => m.itemsTotal);
  const itemsComplete = sum((m) => m.itemsComplete);
  const questions = sum((m) => m.questions);
  const correct = sum((m) => m.correct);
  const complete = all.every((m) => m.complete) && all.length > 0;
  const started = all.some((m) => m.status !== 'not-started' && m.status !== 'locked') || progress.seconds > 0;
  return {
    courseId: course.id,
    status: complete ? 'complete' : started ? 'in-progress' : 'not-started',
    complete,
    passed: complete && all.every((m) => m.masteryPassed),
    percent: itemsTotal === 0 ? 0 : (100 * itemsComplete) / itemsTotal,
    itemsComplete,
    itemsTotal,
    ...(questions > 0 ? { score: percent(correct, questions) } : {}),
    questions,
    correct,
    endingsFound: sum((m) => m.endingsFound),
    endingsTotal: sum((m) => m.endingsTotal),
    seconds: progress.seconds,
    unlockedModules: all.filter((m) => m.unlocked).map((m) => m.id),
    modules,
    lessons,
    scenarios,
  };
}

/** Every question of a lesson with the quiz it belongs to. */
function placed(lesson: Lesson): { quiz: Quiz; id: string }[] {
  return lessonQuizzes(lesson).flatMap((quiz) => quiz.questions.map((q) => ({ quiz, id: q.id })));
}

const answer = (progress: CourseProgress, id: string) => (Object.hasOwn(progress.answers, id) ? progress.answers[id] : undefined);

/**
 * The completion rule of a lesson, shared by the workbench and SCORM packages: the
 * learner reached its end (scrolled to its last paragraph or pressed Next), every
 * question is done (graded ones settled) and every reflection is saved. Opening it is
 * not enough.
 */
export function lessonComplete(lesson: Lesson, progress: CourseProgress): boolean {
  return (
    progress.lessons[lesson.id]?.read === true &&
    placed(lesson).every((q) => isDone(q.quiz, answer(progress, q.id))) &&
    lessonReflections(lesson).every((r) => Object.hasOwn(progress.reflections, r.id))
  );
}

function endingsFoundIn(scenario: Scenario, progress: CourseProgress): string[] {
  const found = progress.scenarios[scenario.id]?.endingsFound ?? [];
  return found.filter((id) => Object.hasOwn(scenario.nodes, id) && scenario.nodes[id]!.ending !== undefined);
}

function moduleItemsComplete(module: Module, progress: CourseProgress): boolean {
  return module.lessons.every((l) => lessonComplete(l, progress)) && module.scenarios.every((s) => endingsFoundIn(s, progress).length > 0);
}

function status(locked: boolean, complete: boolean, started: boolean): ItemStatus {
  if (locked) return 'locked';
  return complete ? 'complete' : started ? 'in-progress' : 'not-started';
}

function summarizeLesson(lesson: Lesson, module: Module, progress: CourseProgress, unlocked: boolean): LessonSummary {
  const record = progress.lessons[lesson.id];
  const questions = placed(lesson);
  const reflections = lessonReflections(lesson);
  const answered = questions.filter((q) => isDone(q.quiz, answer(progress, q.id)));
  const saved = reflections.filter((r) => Object.hasOwn(progress.reflections, r.id)).length;
  const started = record?.visited === true || record?.read === true || (record?.seconds ?? 0) > 0 || questions.some((q) => answer(progress, q.id)) || saved > 0;
  const complete = lessonComplete(lesson, progress);
  return {
    id: lesson.id,
    moduleId: module.id,
    status: status(!unlocked, complete, started),
    complete,
    visited: record?.visited === true,
    read: record?.read === true,
    seconds: record?.seconds ?? 0,
    questions: questions.length,
    answered: answered.length,
    correct: answered.filter((q) => answer(progress, q.id)!.correct).length,
    reflections: reflections.length,
    reflectionsSaved: saved,
  };
}

function summarizeScenario(scenario: Scenario, module: Module, progress: CourseProgress, unlocked: boolean): ScenarioSummary {
  const record = progress.scenarios[scenario.id];
  const endingsFound = endingsFoundIn(scenario, progress);
  const started = record !== undefined && (record.path.length > 0 || record.plays > 0 || record.endingsFound.length > 0);
  return {
    id: scenario.id,
    moduleId: module.id,
    status: status(!unlocked, endingsFound.length > 0, started),
    complete: endingsFound.length > 0,
    endingsFound,
    endingsTotal: Object.values(scenario.nodes).filter((node) => node.ending !== undefined).length,
    plays: record?.plays ?? 0,
  };
}

function summarizeModule(
  module: Module,
  progress: CourseProgress,
  unlocked: boolean,
  lessons: LessonSummary[],
  scenarios: ScenarioSummary[],
): ModuleSummary {
  // Only the module's current graded questions count: answers to questions since
  // removed, and practice answers, are not looked at. An answer counts once settled.
  const questions = module.lessons.flatMap(placed).filter((q) => isGraded(q.quiz));
  const settled = questions.filter((q) => isSettled(q.quiz, answer(progress, q.id)));
  const correct = settled.filter((q) => answer(progress, q.id)!.correct).length;
  const answered = settled.length;
  const items = [...lessons, ...scenarios];
  const itemsComplete = items.filter((item) => item.complete).length;
  const complete = itemsComplete === items.length;
  const score = questions.length > 0 ? percent(correct, questions.length) : undefined;
  const started = items.some((item) => item.status === 'in-progress' || item.status === 'complete');
  return {
    id: module.id,
    status: status(!unlocked, complete, started),
    unlocked,
    complete,
    ...(score !== undefined ? { score } : {}),
    masteryScore: module.masteryScore,
    masteryPassed: complete && (score === undefined || score >= module.masteryScore),
    questions: questions.length,
    answered,
    correct,
    itemsComplete,
    itemsTotal: items.length,
    endingsFound: scenarios.reduce((total, s) => total + s.endingsFound.length, 0),
    endingsTotal: scenarios.reduce((total, s) => total + s.endingsTotal, 0),
    seconds: lessons.reduce((total, l) => total + l.seconds, 0),
  };
}
