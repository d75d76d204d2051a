// Where a learner picks up: the place they left, if it is still there and open to
// them, else the first lesson or scenario they have not finished.

import type { Course } from '../course/model';
import type { CourseProgress, Location } from './model';
import { summarize } from './summary';

/**
 * The item to open when a learner returns: their saved location when it names a lesson
 * or scenario that exists in an unlocked module, else the first incomplete item of an
 * unlocked module in course order (lessons before scenarios), else the course's first
 * item. Undefined only for a course with no items.
 */
export function nextItem(course: Course, progress: CourseProgress): Location | undefined {
  const summary = summarize(course, progress);
  const { lessonId, scenarioId } = progress.location ?? {};
  const saved = (lessonId !== undefined && summary.lessons[lessonId]) || (scenarioId !== undefined && summary.scenarios[scenarioId]) || undefined;
  if (saved && summary.modules[saved.moduleId]?.unlocked) {
    return 'endingsTotal' in saved ? { moduleId: saved.moduleId, scenarioId: saved.id } : { moduleId: saved.moduleId, lessonId: saved.id };
  }
  let first: Location | undefined;
  for (const module of course.modules) {
    const items: Location[] = [
      ...module.lessons.map((l) => ({ moduleId: module.id, lessonId: l.id })),
      ...module.scenarios.map((s) => ({ moduleId: module.id, scenarioId: s.id })),
    ];
    first ??= items[0];
    if (!summary.modules[module.id]!.unlocked) continue;
    const open = items.find((item) => !(item.lessonId ? summary.lessons[item.lessonId]! : summary.scenarios[item.scenarioId!]!).complete);
    if (open) return open;
  }
  return first;
}
