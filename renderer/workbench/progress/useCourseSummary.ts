// The progress figures of a course for the current learner, recomputed only when
// the course or the learner's progress in it changes.

import { useMemo } from 'react';
import { useSession } from '../WorkbenchContext';
import { courseSummary, type CourseSummaryView } from './courseSummary';

/** The course's progress figures, or undefined until the course is open. */
export function useCourseSummary(courseId: string | undefined): CourseSummaryView | undefined {
  const course = useSession((s) => (courseId ? s.context.opened[courseId]?.course : undefined));
  const progress = useSession((s) => (courseId ? s.context.progress[courseId] : undefined));
  return useMemo(() => (course && progress ? courseSummary(course, progress) : undefined), [course, progress]);
}
