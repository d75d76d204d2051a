// The size of a course at a glance, for authors planning study time.

import type { Course } from './model';

/** Counts of what a course holds and how long it takes. */
export interface CourseStats {
  modules: number;
  lessons: number;
  scenarios: number;
  nodes: number;
  endings: number;
  quizzes: number;
  questions: number;
  reflections: number;
  words: number;
  /** Sum of the modules' estimated minutes: the authors' own figure for study time. */
  estimatedMinutes: number;
  /** Sum of the lessons' minutes. */
  lessonMinutes: number;
}

/** Counts the parts of a loaded course. */
export function courseStats(course: Course): CourseStats {
  const stats: CourseStats = { modules: 0, lessons: 0, scenarios: 0, nodes: 0, endings: 0, quizzes: 0, questions: 0, reflections: 0, words: 0, estimatedMinutes: 0, lessonMinutes: 0 };
  for (const module of course.modules) {
    stats.modules++;
    stats.estimatedMinutes += module.estimatedMinutes;
    for (const lesson of module.lessons) {
      stats.lessons++;
      stats.words += lesson.words;
      stats.lessonMinutes += lesson.minutes;
      for (const block of lesson.blocks) {
        if (block.kind === 'quiz') {
          stats.quizzes++;
          stats.questions += block.quiz.questions.length;
        } else if (block.kind === 'reflection') stats.reflections++;
      }
    }
    for (const scenario of module.scenarios) {
      stats.scenarios++;
      for (const node of Object.values(scenario.nodes)) {
        stats.nodes++;
        if (node.ending) stats.endings++;
      }
    }
  }
  return stats;
}
