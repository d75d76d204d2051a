// Where a learner lands: the course page of the course to start with, and what a
// command that names no course means by "the course".

import type { CourseEntry, TabRef } from '../../../engine/api/studioApi';
import type { WorkbenchServices } from '../services';
import { focusView, type FocusTarget } from '../views/viewFocus';

/**
 * The course a new learner starts from: the one at the lowest level (an undergraduate
 * course before a postgraduate one), the first listed among equals.
 */
export function landingCourse(courses: readonly CourseEntry[]): CourseEntry | undefined {
  const open = courses.filter((c) => c.status === 'ok');
  return open.reduce<CourseEntry | undefined>((best, c) => (!best || (c.level?.fheq ?? 9) < (best.level?.fheq ?? 9) ? c : best), undefined);
}

/** The tab of a course's landing page. */
export function coursePageTab(courseId: string): TabRef {
  return { courseId, kind: 'view', itemId: 'course' };
}

/** The course a command means: the one named, else the open one, else the one to start with. */
export function courseInQuestion(services: WorkbenchServices, arg?: unknown): string | undefined {
  const named = (arg as { courseId?: unknown } | undefined)?.courseId;
  if (typeof named === 'string') return named;
  return services.layout.getSnapshot().context.openCourseId ?? landingCourse(services.session.getSnapshot().context.courses)?.id;
}

/**
 * Opens a view of the course a command means (its page, References or Glossary) and
 * moves focus into it; says so when there is no course at all.
 */
export async function showCourseView(services: WorkbenchServices, arg: unknown, view: 'course' | 'references' | 'glossary', focus: FocusTarget): Promise<void> {
  const courseId = courseInQuestion(services, arg);
  if (!courseId) return services.announce('There is no course on this computer yet.');
  await services.openTab({ courseId, kind: 'view', itemId: view });
  focusView(focus);
}
