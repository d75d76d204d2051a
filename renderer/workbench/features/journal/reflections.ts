// The reflection prompts of a course, with the lesson and module each sits in.

import type { Course, Lesson, Module, Reflection } from '../../../../engine/course/model';

/** A reflection prompt and where it is. */
export interface ReflectionPlace {
  reflection: Reflection;
  lesson: Lesson;
  module: Module;
}

/** Every reflection prompt in study order. */
export function courseReflections(course: Course): ReflectionPlace[] {
  return course.modules.flatMap((module) =>
    module.lessons.flatMap((lesson) =>
      lesson.blocks.flatMap((b) => (b.kind === 'reflection' ? [{ reflection: b.reflection, lesson, module }] : [])),
    ),
  );
}
