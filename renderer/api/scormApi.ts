// The Studio API inside an exported SCORM package. Behind it stands the LMS, through
// a ScormSession: the course is the one in the package, the learner is the LMS's,
// progress goes to suspend_data and the SCORM data model. Calls that make no sense
// in an LMS (learner profiles, export) fail with a sentence saying so.
// Events are checked against the package's own course rather than the full schema
// validators, which would double the runtime's size for a caller in the same page.

import {
  fail,
  ok,
  defaultWorkbenchState,
  type ApiResult,
  type StudioApi,
  type WorkbenchState,
} from '../../engine/api/studioApi';
import type { Course } from '../../engine/course/model';
import type { LearningEvent } from '../../engine/progress/model';
import type { ScormSession } from '../scorm/scormSession';

/** Where the package keeps its media, relative to the launch page. */
export const SCORM_ASSET_BASE = 'content/';

/** Builds the Studio API over a running SCO session. */
export function createScormApi(course: Course, session: ScormSession, version = '0.1.0'): StudioApi {
  let workbench: WorkbenchState = defaultWorkbenchState();
  const notHere = (what: string) => Promise.resolve(fail<never>('not-in-lms', `${what} is not available inside an LMS; your LMS manages it.`));
  const forAuthors = (what: string) => Promise.resolve(fail<never>('not-in-lms', `${what} is for authors in Health Creation Studio and is not part of a course package in an LMS.`));
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
    unlockLearner: () => notHere('A PIN'),
    setLearnerPin: () => notHere('A PIN'),
    deleteLearner: () => notHere('Deleting a learner'),
    getProgress: (_learnerId, courseId) => sameCourse(courseId, () => ok(session.progress)),
    recordEvent: async (learnerId, courseId, event) => {
      const problem = checkEvent(course, event);
      if (problem) return fail('invalid-argument', problem);
      if (courseId !== course.id) return fail('unknown-course', `This package holds only the course "${course.title}", not "${courseId}".`);
      const outcome = session.record(event);
      return outcome.ok ? ok(outcome.progress) : fail('not-saved', outcome.message);
    },
    getWorkbenchState: async () => ok(workbench),
    saveWorkbenchState: async (_learnerId, state) => {
      workbench = state;
      return ok(state);
    },
    search: async () => ok([]),
    readSource: async () => fail('not-in-lms', 'The source documents are kept with Health Creation Studio, not in this package.'),
    startExport: () => notHere('Exporting'),
    exportStatus: () => notHere('Exporting'),
    exportLearningRecord: () => notHere('A learning record'),
    listPackFiles: () => notHere('Authoring'),
    readPackFile: () => notHere('Authoring'),
    writePackFile: () => notHere('Authoring'),
    createPackItem: () => notHere('Authoring'),
    renamePackFile: () => notHere('Authoring'),
    deletePackFile: () => notHere('Authoring'),
    createCourse: () => notHere('Authoring'),
    copyCourse: () => notHere('Authoring'),
    checkPack: () => notHere('Authoring'),
    waitForPackChanges: () => notHere('Watching course files'),
    listScenarioFiles: () => forAuthors('The Scenario Graph'),
    getScenarioGraph: () => forAuthors('The Scenario Graph'),
    waitForPackChange: () => forAuthors('Following changes to course files'),
  };
}

const EVENT_TYPES = new Set<LearningEvent['type']>([
  'lesson.visited',
  'lesson.read',
  'time.spent',
  'quiz.answered',
  'scenario.chose',
  'scenario.restarted',
  'reflection.saved',
  'note.saved',
  'location.changed',
]);

/** Says in a sentence what is wrong with an event, or returns undefined when the course has what it names. */
export function checkEvent(course: Course, event: LearningEvent): string | undefined {
  if (!event || typeof event !== 'object' || !EVENT_TYPES.has(event.type)) {
    return `recordEvent was given an event of unknown type ${JSON.stringify((event as { type?: unknown } | null)?.type)}.`;
  }
  const lessons = course.modules.flatMap((m) => m.lessons);
  const blocks = lessons.flatMap((l) => l.blocks);
  const has = (ids: string[], id: unknown) => typeof id === 'string' && ids.includes(id);
  const missing = (what: string, id: unknown) => `recordEvent names the ${what} ${JSON.stringify(id)}, which this course does not have.`;
  switch (event.type) {
    case 'lesson.visited':
    case 'lesson.read':
      return has(lessons.map((l) => l.id), event.lessonId) ? undefined : missing('lesson', event.lessonId);
    case 'time.spent':
      return Number.isFinite(event.seconds) && event.seconds >= 0 ? undefined : 'recordEvent was given a time that is not a number of seconds.';
    case 'quiz.answered': {
      const questions = blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : []));
      const q = questions.find((x) => x.id === event.questionId);
      if (!q) return missing('question', event.questionId);
      return Array.isArray(event.selected) && event.selected.every((id) => q.options.some((o) => o.id === id))
        ? undefined
        : `recordEvent was given options that question "${q.id}" does not have.`;
    }
    case 'scenario.chose':
    case 'scenario.restarted':
      return has(course.modules.flatMap((m) => m.scenarios.map((s) => s.id)), event.scenarioId) ? undefined : missing('scenario', event.scenarioId);
    case 'reflection.saved':
      if (!has(blocks.flatMap((b) => (b.kind === 'reflection' ? [b.reflection.id] : [])), event.reflectionId)) return missing('reflection', event.reflectionId);
      return typeof event.text === 'string' ? undefined : 'recordEvent was given a reflection that is not text.';
    case 'note.saved':
      return 'recordEvent was given a note, but notes are kept only in Health Creation Studio: this package has no notes panel and saves none to the LMS.';
    case 'location.changed':
      return event.location && typeof event.location === 'object' ? undefined : 'recordEvent was given a location that is not an object.';
  }
}
