// Where a learner lands: the course page of the course to start with, and what a
// command that names no course means by "the course".

import type { CourseEntry, TabRef } from '../../../engine/api/studioApi';
import type { WorkbenchServices } from '../services';

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
