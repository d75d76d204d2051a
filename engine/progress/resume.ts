// Where a learner picks up: the place they left, if it is still there, open to them and
// not yet finished; else the first lesson or scenario after it they have not finished.

import type { Course } from '../course/model';
import type { CourseProgress, Location } from './model';
import { summarize } from './summary';

/**
 * The item to open when a learner returns: their saved location when it names a lesson
 * or scenario that exists in an unlocked module and is not complete; else the first
 * incomplete item of an unlocked module after it (or, past the end, from the start) in
 * course order (lessons before scenarios); else the course's first item. Undefined only
 * for a course with no items.
 */
export function nextItem(course: Course, progress: CourseProgress): Location | undefined {
  const summary = summarize(course, progress);
  const items: (Location & { complete: boolean; open: boolean })[] = course.modules.flatMap((module) => {
    const open = summary.modules[module.id]!.unlocked;
    return [
      ...module.lessons.map((l) => ({ moduleId: module.id, lessonId: l.id, complete: summary.lessons[l.id]!.complete, open })),
      ...module.scenarios.map((s) => ({ moduleId: module.id, scenarioId: s.id, complete: summary.scenarios[s.id]!.complete, open })),
    ];
  });
  const { lessonId, scenarioId } = progress.location ?? {};
  const at = items.findIndex((i) => (lessonId !== undefined && i.lessonId === lessonId) || (scenarioId !== undefined && !lessonId && i.scenarioId === scenarioId));
  const saved = at >= 0 ? items[at] : undefined;
  const pick = (item: Location & { complete: boolean; open: boolean }): Location =>
    item.lessonId ? { moduleId: item.moduleId, lessonId: item.lessonId } : { moduleId: item.moduleId, scenarioId: item.scenarioId };
  if (saved?.open && !saved.complete) return pick(saved);
  const unfinished = (i: { complete: boolean; open: boolean }) => i.open && !i.complete;
  const after = saved ? items.slice(at + 1).find(unfinished) : undefined;
  const next = after ?? items.find(unfinished) ?? (saved?.open ? saved : items[0]);
  return next && pick(next);
}
