// The way through a course: its lessons and scenarios in study order, and where Next
// and Previous lead from any of them. Locks come from the summary (a module opens when
// its prerequisites are complete), so the way forward and the explorer never disagree.

import type { Course, Module } from '../course/model';
import type { CourseProgress } from './model';
import { summarize, type ProgressSummary } from './summary';

/** A lesson or scenario, placed in its module. */
export interface PathItem {
  kind: 'lesson' | 'scenario';
  id: string;
  title: string;
  moduleId: string;
}

/** Where Next or Previous leads from an item. */
export type PathStep =
  /** The item to open. */
  | { kind: 'item'; item: PathItem }
  /** The item after this one is in a module that is still locked; `unfinished` lists what opens it, in study order. */
  | { kind: 'locked'; item: PathItem; module: Module; needs: Module[]; unfinished: PathItem[] }
  /** There is nothing further that way: the end (or the start) of the course. */
  | { kind: 'end' };

/** Every lesson and scenario in study order: each module's lessons, then its scenarios. */
export function studyOrder(course: Course): PathItem[] {
  return course.modules.flatMap((module) => [
    ...module.lessons.map((lesson): PathItem => ({ kind: 'lesson', id: lesson.id, title: lesson.title, moduleId: module.id })),
    ...module.scenarios.map((scenario): PathItem => ({ kind: 'scenario', id: scenario.id, title: scenario.title, moduleId: module.id })),
  ]);
}

/** True when the item is done by the progress rules. */
export function itemComplete(summary: ProgressSummary, item: Pick<PathItem, 'kind' | 'id'>): boolean {
  return (item.kind === 'lesson' ? summary.lessons[item.id] : summary.scenarios[item.id])?.complete === true;
}

/**
 * Where Next (`by` 1) or Previous (-1) leads from `from`: the neighbouring item in study
 * order, or, when that item's module is still locked, the modules it waits for and
 * their unfinished items. From nowhere (undefined), Next leads to the first item.
 */
export function stepFrom(course: Course, progress: CourseProgress, from: Pick<PathItem, 'kind' | 'id'> | undefined, by: 1 | -1): PathStep {
  const items = studyOrder(course);
  const here = from ? items.findIndex((item) => item.kind === from.kind && item.id === from.id) : -1;
  if (from && here < 0) return { kind: 'end' };
  const item = items[here + by];
  if (!item) return { kind: 'end' };
  const summary = summarize(course, progress);
  if (summary.modules[item.moduleId]?.unlocked !== false) return { kind: 'item', item };
  const module = course.modules.find((m) => m.id === item.moduleId)!;
  const needs = course.modules.filter((m) => module.prerequisites.includes(m.id) && !summary.modules[m.id]?.complete);
  const needIds = new Set(needs.map((m) => m.id));
  const unfinished = items.filter((i) => needIds.has(i.moduleId) && !itemComplete(summary, i));
  return { kind: 'locked', item, module, needs, unfinished };
}
