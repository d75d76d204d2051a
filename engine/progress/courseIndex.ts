// Lookups from the ids progress is keyed by to the items of the course they name.
// Built once per course object and kept, since the renderer applies an event and
// re-summarises on every click.

import type { Course, Lesson, Module, Question, Quiz, Reflection, Scenario } from '../course/model';

/** Where a question sits in the course. */
export interface QuestionSite {
  question: Question;
  quiz: Quiz;
  lesson: Lesson;
  module: Module;
}

/** Every item of a course by id, with the module (and lesson) that holds it. */
export interface CourseIndex {
  modules: Map<string, Module>;
  lessons: Map<string, { lesson: Lesson; module: Module }>;
  scenarios: Map<string, { scenario: Scenario; module: Module }>;
  questions: Map<string, QuestionSite>;
  reflections: Map<string, { reflection: Reflection; lesson: Lesson; module: Module }>;
}

const cache = new WeakMap<Course, CourseIndex>();

/** The quizzes of a lesson, in reading order. */
export function lessonQuizzes(lesson: Lesson): Quiz[] {
  return lesson.blocks.flatMap((block) => (block.kind === 'quiz' ? [block.quiz] : []));
}

/** The reflection prompts of a lesson, in reading order. */
export function lessonReflections(lesson: Lesson): Reflection[] {
  return lesson.blocks.flatMap((block) => (block.kind === 'reflection' ? [block.reflection] : []));
}

/** The questions of a lesson's quizzes, in reading order. */
export function lessonQuestions(lesson: Lesson): Question[] {
  return lessonQuizzes(lesson).flatMap((quiz) => quiz.questions);
}

/** The questions of every lesson of a module. */
export function moduleQuestions(module: Module): Question[] {
  return module.lessons.flatMap(lessonQuestions);
}

/** Indexes a course by id (cached per course object). */
export function indexCourse(course: Course): CourseIndex {
  let index = cache.get(course);
  if (index) return index;
  index = { modules: new Map(), lessons: new Map(), scenarios: new Map(), questions: new Map(), reflections: new Map() };
  for (const module of course.modules) {
    index.modules.set(module.id, module);
    for (const scenario of module.scenarios) index.scenarios.set(scenario.id, { scenario, module });
    for (const lesson of module.lessons) {
      index.lessons.set(lesson.id, { lesson, module });
      for (const quiz of lessonQuizzes(lesson)) {
        for (const question of quiz.questions) index.questions.set(question.id, { question, quiz, lesson, module });
      }
      for (const reflection of lessonReflections(lesson)) index.reflections.set(reflection.id, { reflection, lesson, module });
    }
  }
  cache.set(course, index);
  return index;
}
