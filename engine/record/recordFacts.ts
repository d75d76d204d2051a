// What a learning record states, derived from the course and the learner's progress
// and nothing else: every status and score is the one engine/progress computes (the
// counted quiz scores the Progress view and the LMS reports show), so the record
// never says anything the app does not.

import type { Course, CourseLevel, EndingKind } from '../course/model';
import { lessonReflections } from '../progress/courseIndex';
import type { CourseProgress, ItemStatus } from '../progress/model';
import { summarize, type ModuleSummary, type ProgressSummary } from '../progress/summary';
import { plainText } from '../scorm/plainText';

/** One module's line of the record. */
export interface ModuleFacts {
  id: string;
  title: string;
  status: ItemStatus;
  /** When it was completed (ISO), when that was recorded. */
  completedAt?: string;
  itemsComplete: number;
  itemsTotal: number;
  /** The counted score, 0-100 to two decimals; absent for a module without graded questions. */
  score?: number;
  correct: number;
  /** Graded questions settled so far, and in all. */
  answered: number;
  questions: number;
  masteryScore: number;
  masteryPassed: boolean;
}

/** A scenario and the endings the learner has found in it. */
export interface ScenarioFacts {
  moduleTitle: string;
  title: string;
  /** Whose story it is. */
  focus: string;
  endings: { title: string; kind: EndingKind }[];
  endingsTotal: number;
}

/** A reflection the learner saved, with the prompt it answers. */
export interface ReflectionFacts {
  moduleTitle: string;
  lessonTitle: string;
  prompt: string;
  text: string;
  savedAt: string;
}

/** Everything a learning record states. */
export interface RecordFacts {
  learnerName: string;
  courseTitle: string;
  courseSummary: string;
  /** "Undergraduate, FHEQ level 6, 15 credits, 150 study hours". */
  levelLine: string;
  outcomes: string[];
  summary: Pick<ProgressSummary, 'status' | 'complete' | 'passed' | 'itemsComplete' | 'itemsTotal' | 'score' | 'correct' | 'questions' | 'endingsFound' | 'endingsTotal'>;
  modulesComplete: number;
  seconds: number;
  startedAt?: string;
  lastStudiedAt?: string;
  modules: ModuleFacts[];
  scenarios: ScenarioFacts[];
  reflections: ReflectionFacts[];
  /** For a complete course: when it was completed, and whether that is the exact day or only "by" it. */
  completion?: { at: string; exact: boolean };
}

/** The level, credits and study hours of a course in words. */
export function levelLine(course: Pick<Course, 'level' | 'credits' | 'studyHours'>): string {
  const parts = [`${awardName(course.level)}, FHEQ level ${course.level.fheq}`];
  if (course.credits !== undefined) parts.push(`${course.credits} credits`);
  if (course.studyHours !== undefined) parts.push(`${course.studyHours} study hours`);
  return parts.join(', ');
}

function awardName(level: CourseLevel): string {
  return level.award === 'postgraduate' ? 'Postgraduate' : 'Undergraduate';
}

const text = (markdown: string) => plainText(markdown, Number.MAX_SAFE_INTEGER);

/** Derives the record's statements from the course and the learner's progress in it. */
export function recordFacts(course: Course, progress: CourseProgress, learnerName: string): RecordFacts {
  const summary = summarize(course, progress);
  const dates = progress.modulesCompleted ?? {};
  const modules = course.modules.map((module): ModuleFacts => {
    const m = summary.modules[module.id] as ModuleSummary;
    const completedAt = m.complete && Object.hasOwn(dates, module.id) ? dates[module.id] : undefined;
    return {
      id: module.id,
      title: module.title,
      status: m.status,
      ...(completedAt ? { completedAt } : {}),
      itemsComplete: m.itemsComplete,
      itemsTotal: m.itemsTotal,
      ...(m.score !== undefined ? { score: m.score } : {}),
      correct: m.correct,
      answered: m.answered,
      questions: m.questions,
      masteryScore: m.masteryScore,
      masteryPassed: m.masteryPassed,
    };
  });

  const scenarios = course.modules.flatMap((module) =>
    module.scenarios.map((scenario): ScenarioFacts => {
      const found = summary.scenarios[scenario.id]?.endingsFound ?? [];
      return {
        moduleTitle: module.title,
        title: scenario.title,
        focus: scenario.focus,
        endings: found.map((id) => ({ title: scenario.nodes[id]!.ending!.title, kind: scenario.nodes[id]!.ending!.kind })),
        endingsTotal: summary.scenarios[scenario.id]?.endingsTotal ?? 0,
      };
    }),
  );

  const reflections = course.modules.flatMap((module) =>
    module.lessons.flatMap((lesson) =>
      lessonReflections(lesson).flatMap((reflection): ReflectionFacts[] => {
        const saved = Object.hasOwn(progress.reflections, reflection.id) ? progress.reflections[reflection.id] : undefined;
        return saved ? [{ moduleTitle: module.title, lessonTitle: lesson.title, prompt: text(reflection.prompt), text: saved.text, savedAt: saved.at }] : [];
      }),
    ),
  );

  return {
    learnerName,
    courseTitle: course.title,
    courseSummary: text(course.summary),
    levelLine: levelLine(course),
    outcomes: course.outcomes.map((o) => text(o.text)),
    summary,
    modulesComplete: modules.filter((m) => m.status === 'complete').length,
    seconds: progress.seconds,
    ...(progress.startedAt ? { startedAt: progress.startedAt } : {}),
    ...(progress.updatedAt ? { lastStudiedAt: progress.updatedAt } : {}),
    modules,
    scenarios,
    reflections,
    ...(summary.complete ? { completion: completionOf(modules, progress) } : {}),
  };
}

/**
 * The day a complete course was completed: the day its last module was, when every
 * module's day was recorded; otherwise (progress from before days were kept) it was
 * complete at the latest by the learner's last activity, and the record says "by".
 */
function completionOf(modules: ModuleFacts[], progress: CourseProgress): { at: string; exact: boolean } {
  const days = modules.map((m) => m.completedAt);
  if (days.every((d): d is string => d !== undefined && !Number.isNaN(Date.parse(d)))) {
    return { at: days.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)), exact: true };
  }
  return { at: progress.updatedAt ?? '', exact: false };
}
