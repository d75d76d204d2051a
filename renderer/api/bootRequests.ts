// The first requests of a start-up, sent by the tiny boot script before the workbench's
// code has even been evaluated: the environment, the learners and the course list, and,
// on a computer with one learner, that learner's workbench and the courses it had open,
// unless that learner keeps their work behind a PIN: the app never opens straight into
// their work, so nothing of theirs is asked for before they give it.
// The workbench picks these promises up instead of asking again.

import type { ApiResult, CourseEntry, Learner, LearnerList, OpenedCourse, StudioApi, StudioEnvironment, WorkbenchState } from '../../engine/api/studioApi';
import { opensCourse } from '../workbench/editor/tabKey';
import type { CourseProgress } from '../../engine/progress/model';

/** An opened course with the learner's progress in it, as two results. */
export type CourseRequest = Promise<[ApiResult<OpenedCourse>, ApiResult<CourseProgress>]>;

/** The requests in flight at start-up. */
export interface BootRequests {
  env: Promise<ApiResult<StudioEnvironment>>;
  learners: Promise<ApiResult<LearnerList>>;
  courses: Promise<ApiResult<CourseEntry[]>>;
  /** The only learner's workbench, when exactly one learner uses this computer and has no PIN. */
  only: Promise<{ learner: Learner; state: ApiResult<WorkbenchState> } | undefined>;
  /** The courses that workbench had open, keyed "learnerId/courseId". */
  openedCourses: Map<string, CourseRequest>;
}

declare global {
  interface Window {
    /** Set by boot.ts; read once by the workbench. */
    hcsBoot?: BootRequests;
  }
}

/** Opens a course and reads the learner's progress in it, together. */
export function requestCourse(api: StudioApi, learnerId: string, courseId: string): CourseRequest {
  return Promise.all([api.openCourse(courseId), api.getProgress(learnerId, courseId)]);
}

/** Sends the start-up requests. */
export function sendBootRequests(api: StudioApi): BootRequests {
  const openedCourses = new Map<string, CourseRequest>();
  const learners = api.listLearners();
  const only = learners.then(async (list) => {
    const learner = list.ok && list.value.learners.length === 1 ? list.value.learners[0] : undefined;
    if (!learner || learner.hasPin) return undefined;
    const state = await api.getWorkbenchState(learner.id);
    if (state.ok) {
      const ids = new Set([state.value.openCourseId, ...state.value.tabs.filter(opensCourse).map((t) => t.courseId)]);
      for (const id of ids) if (id) openedCourses.set(`${learner.id}/${id}`, requestCourse(api, learner.id, id));
    }
    return { learner, state };
  });
  return { env: api.getEnvironment(), learners, courses: api.listCourses(), only, openedCourses };
}
