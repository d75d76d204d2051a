// The day each module was completed, for the learner's record. Completion itself is
// derived (summary.ts) and never stored; the moment it happened cannot be derived
// later, so it is written down by the event that completed the module. A module that
// is no longer complete (the course gained a lesson) loses its date, and gets a new one
// when the learner completes it again.

import type { Course } from '../course/model';
import type { CourseProgress } from './model';
import { summarize } from './summary';

/** The record with `now` as the completion date of every module complete without one, and no date for a module no longer complete. */
export function dateModuleCompletion(course: Course, progress: CourseProgress, now: string): CourseProgress {
  const summary = summarize(course, progress);
  const before = progress.modulesCompleted ?? {};
  const dated: Record<string, string> = {};
  for (const module of course.modules) {
    if (!summary.modules[module.id]?.complete) continue;
    dated[module.id] = Object.hasOwn(before, module.id) ? before[module.id]! : now;
  }
  // Dates of modules this version of the course does not have are kept: the course may get them back.
  for (const [id, at] of Object.entries(before)) if (!course.modules.some((m) => m.id === id)) dated[id] = at;
  const { modulesCompleted: _old, ...rest } = progress;
  return Object.keys(dated).length > 0 ? { ...rest, modulesCompleted: dated } : rest;
}
