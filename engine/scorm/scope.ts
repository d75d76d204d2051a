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

/** Each course's modules by id with their place in the course, built once per (unchanging) course. */
const moduleIndexes = new WeakMap<Course, Map<string, { module: Module; order: number }>>();

function moduleIndex(course: Course): Map<string, { module: Module; order: number }> {
  let index = moduleIndexes.get(course);
  if (!index) {
    index = new Map(course.modules.map((module, order) => [module.id, { module, order }]));
    moduleIndexes.set(course, index);
  }
  return index;
}

/**
 * The modules of a scope, in course order. Looked up by id rather than by filtering
 * every module: an export asks this of every SCO several times, and a filter made the
 * export's work grow with the square of the number of modules.
 */
export function scopeModules(course: Course, scope: ScoScope): Module[] {
  const index = moduleIndex(course);
  const found = scope.moduleIds.flatMap((id) => {
    const entry = index.get(id);
    return entry ? [entry] : [];
  });
  if (found.length > 1) found.sort((a, b) => a.order - b.order);
  return found.map((entry) => entry.module);
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
