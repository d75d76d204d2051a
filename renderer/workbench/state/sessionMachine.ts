// Who is studying and what the back end has told us: the environment, the learners
// on this machine, the course list, the courses opened so far with the learner's
// progress in each, and notices for the learner. The states are the start-up flow:
// a first run asks for a name, a shared machine asks who is studying, then ready.

import { assign, setup } from 'xstate';
import type { CourseEntry, Learner, LearnerList, Notice, OpenedCourse, StudioEnvironment } from '../../../engine/api/studioApi';
import type { CourseProgress } from '../../../engine/progress/model';

/** A notice with an id, so it can be dismissed. */
export interface ShownNotice extends Notice {
  id: number;
}

/** What the session knows. */
export interface SessionContext {
  env?: StudioEnvironment;
  learners: Learner[];
  lastLearnerId?: string;
  learner?: Learner;
  courses: CourseEntry[];
  opened: Record<string, OpenedCourse>;
  progress: Record<string, CourseProgress>;
  /** Why a course failed to open, by course id. */
  courseErrors: Record<string, string>;
  notices: ShownNotice[];
  /** Latest variables of each scenario, keyed "courseId/scenarioId", for the status bar. */
  scenarioVars: Record<string, Record<string, number>>;
  /** Why start-up failed, when it did. */
  failure?: string;
}

/** Events of the session. */
export type SessionEvent =
  | { type: 'BOOTED'; env: StudioEnvironment; learners: LearnerList; courses: CourseEntry[] }
  | { type: 'BOOT_FAILED'; message: string }
  | { type: 'LEARNER_READY'; learner: Learner }
  | { type: 'SWITCH_LEARNER' }
  | { type: 'CANCEL_SWITCH' }
  | { type: 'COURSES'; courses: CourseEntry[] }
  | { type: 'COURSE_OPENED'; opened: OpenedCourse; progress: CourseProgress }
  | { type: 'COURSE_FAILED'; courseId: string; message: string }
  | { type: 'PROGRESS'; progress: CourseProgress }
  | { type: 'NOTICE'; notice: Notice }
  | { type: 'DISMISS_NOTICE'; id: number }
  | { type: 'VARS'; key: string; vars: Record<string, number> };

let nextNoticeId = 1;

/** The session machine. */
export const sessionMachine = setup({
  types: { context: {} as SessionContext, events: {} as SessionEvent },
  actions: {
    takeBoot: assign(({ event }) => {
      if (event.type !== 'BOOTED') return {};
      const notices = event.env.notices.map((n) => ({ ...n, id: nextNoticeId++ }));
      return {
        env: event.env,
        learners: event.learners.learners,
        lastLearnerId: event.learners.lastLearnerId,
        courses: event.courses,
        notices,
      };
    }),
    takeLearner: assign(({ context, event }) => {
      if (event.type !== 'LEARNER_READY') return {};
      const known = context.learners.some((l) => l.id === event.learner.id);
      // Another learner's progress must never show under this one's name.
      return {
        learner: event.learner,
        learners: known ? context.learners : [...context.learners, event.learner],
        progress: {},
        scenarioVars: {},
      };
    }),
  },
  guards: {
    noLearners: ({ event }) => event.type === 'BOOTED' && event.learners.learners.length === 0,
    hasLearner: ({ context }) => context.learner !== undefined,
  },
}).createMachine({
  id: 'session',
  context: { learners: [], courses: [], opened: {}, progress: {}, courseErrors: {}, notices: [], scenarioVars: {} },
  initial: 'booting',
  on: {
    NOTICE: {
      actions: assign(({ context, event }) => ({ notices: [...context.notices, { ...event.notice, id: nextNoticeId++ }] })),
    },
    DISMISS_NOTICE: { actions: assign(({ context, event }) => ({ notices: context.notices.filter((n) => n.id !== event.id) })) },
    COURSES: { actions: assign(({ event }) => ({ courses: event.courses })) },
  },
  states: {
    booting: {
      on: {
        BOOTED: [
          { guard: 'noLearners', target: 'firstRun', actions: 'takeBoot' },
          { target: 'picking', actions: 'takeBoot' },
        ],
        BOOT_FAILED: { target: 'failed', actions: assign(({ event }) => ({ failure: event.message })) },
      },
    },
    firstRun: { on: { LEARNER_READY: { target: 'ready', actions: 'takeLearner' } } },
    picking: {
      on: {
        LEARNER_READY: { target: 'ready', actions: 'takeLearner' },
        CANCEL_SWITCH: { guard: 'hasLearner', target: 'ready' },
      },
    },
    ready: {
      on: {
        SWITCH_LEARNER: 'picking',
        // Switching from inside the workbench (the learner dialog) stays ready, as the new learner.
        LEARNER_READY: { target: 'ready', reenter: true, actions: 'takeLearner' },
        COURSE_OPENED: {
          actions: assign(({ context, event }) => {
            const id = event.opened.course.id;
            const { [id]: _dropped, ...courseErrors } = context.courseErrors;
            return {
              opened: { ...context.opened, [id]: event.opened },
              progress: { ...context.progress, [id]: event.progress },
              courseErrors,
            };
          }),
        },
        COURSE_FAILED: {
          actions: assign(({ context, event }) => ({ courseErrors: { ...context.courseErrors, [event.courseId]: event.message } })),
        },
        PROGRESS: {
          actions: assign(({ context, event }) => ({ progress: { ...context.progress, [event.progress.courseId]: event.progress } })),
        },
        VARS: { actions: assign(({ context, event }) => ({ scenarioVars: { ...context.scenarioVars, [event.key]: event.vars } })) },
      },
    },
    failed: {},
  },
});
