// What one SCO covers: a single module (the default, so a gradebook shows a column
// per module) or the whole course. Everything the SCORM layer reports is measured
// over the modules of the SCO's scope.

import type { Course, Lesson, Module, Question, Quiz, Scenario } from '../course/model';

/** How a package is cut into SCOs. */
export type ScoMode = 'module' | 'course';

/** One SCO: its stable identifier and the modules it plays. */
export interface ScoScope {
  /** Identifier used in the manifest and the launch file name. */
  id: string;
  title: string;
  moduleIds: string[];
}

/** The SCOs of a package, in course order. */
export function scoScopes(course: Course, mode: ScoMode): ScoScope[] {
  if (mode === 'course') return [{ id: course.id, title: course.title, moduleIds: course.modules.map((m) => m.id) }];
  return course.modules.map((m) => ({ id: m.id, title: m.title, moduleIds: [m.id] }));
}

/** A question with the quiz and lesson it belongs to. */
export interface PlacedQuestion {
  question: Question;
  quiz: Quiz;
  lesson: Lesson;
  module: Module;
}

/** The modules of a scope, in course order. */
export function scopeModules(course: Course, scope: ScoScope): Module[] {
  return course.modules.filter((m) => scope.moduleIds.includes(m.id));
}

/** Every lesson of a scope, in order. */
export function scopeLessons(course: Course, scope: ScoScope): Lesson[] {
  return scopeModules(course, scope).flatMap((m) => m.lessons);
}

/** Every scenario of a scope, in order. */
export function scopeScenarios(course: Course, scope: ScoScope): Scenario[] {
  return scopeModules(course, scope).flatMap((m) => m.scenarios);
}

/** Every quiz question of a scope with where it sits. */
export function scopeQuestions(course: Course, scope: ScoScope): PlacedQuestion[] {
  return scopeModules(course, scope).flatMap((module) =>
    module.lessons.flatMap((lesson) =>
      lesson.blocks.flatMap((block) =>
        block.kind === 'quiz' ? block.quiz.questions.map((question) => ({ question, quiz: block.quiz, lesson, module })) : [],
      ),
    ),
  );
}

/** Every reflection id of a scope. */
export function scopeReflectionIds(course: Course, scope: ScoScope): string[] {
  return scopeLessons(course, scope).flatMap((l) =>
    l.blocks.flatMap((b) => (b.kind === 'reflection' ? [b.reflection.id] : [])),
  );
}
