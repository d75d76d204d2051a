// The Studio API inside an exported SCORM package. Behind it stands the LMS, through
// a ScormSession: the course is the one in the package, the learner is the LMS's,
// progress goes to suspend_data and the SCORM data model. Calls that make no sense
// in an LMS (learner profiles, export) fail with a sentence saying so.

import {
  fail,
  ok,
  defaultWorkbenchState,
  type ApiResult,
  type StudioApi,
  type WorkbenchState,
} from '../../engine/api/studioApi';
import { validateArgs } from '../../engine/api/validators';
import type { Course } from '../../engine/course/model';
import type { ScormSession } from '../scorm/scormSession';

/** Where the package keeps its media, relative to the launch page. */
export const SCORM_ASSET_BASE = 'content/';

/** Builds the Studio API over a running SCO session. */
export function createScormApi(course: Course, session: ScormSession, version = '0.1.0'): StudioApi {
  let workbench: WorkbenchState = defaultWorkbenchState();
  const notHere = (what: string) => Promise.resolve(fail<never>('not-in-lms', `${what} is not available inside an LMS; your LMS manages it.`));
  const sameCourse = <T>(courseId: string, then: () => ApiResult<T>): Promise<ApiResult<T>> =>
    Promise.resolve(courseId === course.id ? then() : fail('unknown-course', `This package holds only the course "${course.title}", not "${courseId}".`));

  return {
    getEnvironment: async () => ok({ mode: session.mode, platform: 'web', version, notices: session.notices }),
    listCourses: async () =>
      ok([{ id: course.id, title: course.title, summary: course.summary, level: course.level, status: 'ok' as const, diagnostics: [] }]),
    openCourse: (courseId) => sameCourse(courseId, () => ok({ course, assetBase: SCORM_ASSET_BASE })),
    listLearners: async () => ok({ learners: [{ ...session.learner, createdAt: new Date(0).toISOString() }], lastLearnerId: session.learner.id }),
    createLearner: () => notHere('Adding a learner'),
    selectLearner: async (learnerId) =>
      learnerId === session.learner.id
        ? ok({ ...session.learner, createdAt: new Date(0).toISOString() })
        : fail('unknown-learner', 'Inside an LMS the learner is the one signed in to the LMS.'),
    getProgress: (_learnerId, courseId) => sameCourse(courseId, () => ok(session.progress)),
    recordEvent: async (learnerId, courseId, event) => {
      const checked = validateArgs('recordEvent', [learnerId, courseId, event]);
      if (!checked.ok) return fail('invalid-argument', checked.message);
      if (courseId !== course.id) return fail('unknown-course', `This package holds only the course "${course.title}", not "${courseId}".`);
      const outcome = session.record(checked.args[2]);
      return outcome.ok ? ok(outcome.progress) : fail('not-saved', outcome.message);
    },
    getWorkbenchState: async () => ok(workbench),
    saveWorkbenchState: async (_learnerId, state) => {
      workbench = state;
      return ok(state);
    },
    search: async () => ok([]),
    startExport: () => notHere('Exporting'),
    exportStatus: () => notHere('Exporting'),
  };
}
