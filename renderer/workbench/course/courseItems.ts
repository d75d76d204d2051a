// Finding things in a course: the lesson or scenario a tab points at, and the flat
// list of everything a learner can open (for Quick Open and "next lesson").

import type { Course, Lesson, Module, Scenario } from '../../../engine/course/model';

/** A lesson or scenario with the module it sits in. */
export type CourseItem =
  | { kind: 'lesson'; module: Module; lesson: Lesson; id: string; title: string }
  | { kind: 'scenario'; module: Module; scenario: Scenario; id: string; title: string };

/** Every lesson and scenario in study order: each module's lessons, then its scenarios. */
export function courseItems(course: Course): CourseItem[] {
  const items: CourseItem[] = [];
  for (const module of course.modules) {
    for (const lesson of module.lessons) items.push({ kind: 'lesson', module, lesson, id: lesson.id, title: lesson.title });
    for (const scenario of module.scenarios) items.push({ kind: 'scenario', module, scenario, id: scenario.id, title: scenario.title });
  }
  return items;
}

/** The item of a kind and id, if the course has it. */
export function findItem(course: Course, kind: 'lesson' | 'scenario', id: string): CourseItem | undefined {
  return courseItems(course).find((item) => item.kind === kind && item.id === id);
}
