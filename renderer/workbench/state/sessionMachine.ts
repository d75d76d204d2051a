// Who is studying and what the back end has told us: the environment, the learners
// on this machine, the course list, the courses opened so far with the learner's
// progress in each, and notices for the learner. The states are the start-up flow:
// booting (an invoked promise actor awaiting the boot script's requests), then a first
// run asks for a name, a shared machine asks who is studying, then ready. Each learner
// gets a learner actor (learnerMachine.ts) that does their work; a new learner stops
// the previous one's, so nothing of theirs can arrive afterwards.

import { assign, fromPromise, setup, stopChild } from 'xstate';
import type { ApiResult, CourseEntry, DeletedLearner, Learner, LearnerList, Notice, OpenedCourse, StudioApi, StudioEnvironment, WorkbenchState } from '../../../engine/api/studioApi';
import type { CourseProgress } from '../../../engine/progress/model';
import { sendBootRequests, type BootRequests, type CourseRequest } from '../../api/bootRequests';
import { learnerMachine, type LearnerActor, type LearnerTask } from './learnerMachine';

/** A notice with an id, so it can be dismissed. */
export interface ShownNotice extends Notice {
  id: number;
}

/** What the session starts from: the Studio API, and the boot script's requests when it sent them. */
export interface SessionInput {
  api: StudioApi;
  boot?: BootRequests;
}

/** What start-up found. */
export interface Booted {
  env: StudioEnvironment;
  learners: LearnerList;
  courses: CourseEntry[];
  /** The only learner on this computer, with their saved workbench: studied as without asking. */
  only?: { learner: Learner; state: ApiResult<WorkbenchState> };
  /** Courses the boot script requested for that learner, by course id. */
  prefetched: Map<string, CourseRequest>;
}

/** Awaits the start-up requests; rejects with the back end's sentence when one failed. */
export const bootLogic = fromPromise<Booted, SessionInput>(async ({ input }) => {
  const boot = input.boot ?? sendBootRequests(input.api);
  const [env, learners, courses] = await Promise.all([boot.env, boot.learners, boot.courses]);
  if (!env.ok) throw new Error(env.error.message);
  if (!learners.ok) throw new Error(learners.error.message);
  if (!courses.ok) throw new Error(courses.error.message);
  const only = await boot.only;
  const prefetched = new Map<string, CourseRequest>();
  for (const [key, request] of boot.openedCourses) {
    const [learnerId, courseId] = key.split('/');
    if (only && learnerId === only.learner.id && courseId) prefetched.set(courseId, request);
  }
  return { env: env.value, learners: learners.value, courses: courses.value, ...(only ? { only } : {}), prefetched };
});

/** What the session knows. */
export interface SessionContext {
  api: StudioApi;
  boot?: BootRequests;
  /** The actor doing the current learner's work. */
  learnerActor?: LearnerActor;
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
  /** The latest request about the learner themself (their record, their PIN, deleting them). */
  task?: LearnerTask;
}

/** Events of the session. */
export type SessionEvent =
  | { type: 'BOOTED'; env: StudioEnvironment; learners: LearnerList; courses: CourseEntry[] }
  | { type: 'BOOT_FAILED'; message: string }
  | { type: 'LEARNER_READY'; learner: Learner; workbench?: Promise<ApiResult<WorkbenchState>> }
  | { type: 'SWITCH_LEARNER' }
  | { type: 'CANCEL_SWITCH' }
  | { type: 'COURSES'; courses: CourseEntry[] }
  | { type: 'COURSE_OPENED'; opened: OpenedCourse; progress: CourseProgress }
  | { type: 'COURSE_FAILED'; courseId: string; message: string }
  | { type: 'PROGRESS'; progress: CourseProgress }
  | { type: 'WORKBENCH_RESTORED'; state: WorkbenchState }
  | { type: 'NOTICE'; notice: Notice }
  | { type: 'DISMISS_NOTICE'; id: number }
  | { type: 'VARS'; key: string; vars: Record<string, number> }
  | { type: 'TASK'; task: LearnerTask }
  | { type: 'LEARNER_CHANGED'; learner: Learner }
  | { type: 'LEARNER_DELETED'; deleted: DeletedLearner };

let nextNoticeId = 1;

/** The session machine. Provide `restoreLayout` to show a learner's restored workbench. */
export const sessionMachine = setup({
  types: { context: {} as SessionContext, events: {} as SessionEvent, input: {} as SessionInput },
  actors: { boot: bootLogic, learner: learnerMachine },
  actions: {
    takeBoot: assign((_, booted: Pick<Booted, 'env' | 'learners' | 'courses'>) => ({
      env: booted.env,
      learners: booted.learners.learners,
      lastLearnerId: booted.learners.lastLearnerId,
      courses: booted.courses,
      notices: booted.env.notices.map((n) => ({ ...n, id: nextNoticeId++ })),
    })),
    /**
     * Starts studying as a learner: the previous learner's actor is stopped (and with it
     * every request it had running), their progress leaves the context, and a new actor
     * starts restoring this learner's workbench.
     */
    startLearner: assign(
      ({ context, spawn }, start: { learner: Learner; workbench?: Promise<ApiResult<WorkbenchState>>; prefetched?: Map<string, CourseRequest>; announce?: boolean }) => {
        const known = context.learners.some((l) => l.id === start.learner.id);
        return {
          learner: start.learner,
          learners: known ? context.learners.map((l) => (l.id === start.learner.id ? start.learner : l)) : [...context.learners, start.learner],
          // Another learner's progress must never show under this one's name.
          progress: {},
          scenarioVars: {},
          task: undefined,
          learnerActor: spawn('learner', {
            input: {
              api: context.api,
              learner: start.learner,
              courses: context.courses,
              ...(start.workbench ? { workbench: start.workbench } : {}),
              ...(start.prefetched ? { prefetched: start.prefetched } : {}),
              ...(start.announce ? { announce: true } : {}),
            },
          }),
        };
      },
    ),
    stopLearner: stopChild(({ context }) => context.learnerActor ?? ''),
    /** Forgets a deleted learner and their work, and tells where the copy of their record is. */
    forgetLearner: assign(({ context }, deleted: DeletedLearner) => ({
      learner: undefined,
      learnerActor: undefined,
      learners: context.learners.filter((l) => l.id !== deleted.learnerId),
      lastLearnerId: context.lastLearnerId === deleted.learnerId ? undefined : context.lastLearnerId,
      progress: {},
      scenarioVars: {},
      notices: [
        ...context.notices,
        {
          level: 'info' as const,
          message: `${deleted.name}'s profile was deleted from this computer. A copy of everything they had saved is kept as ${deleted.keptAs}.`,
          id: nextNoticeId++,
        },
      ],
    })),
    /** Shows the restored workbench; the app provides it (the layout is another actor). */
    restoreLayout: (_, _state: WorkbenchState) => {},
  },
  guards: {
    hasLearner: ({ context }) => context.learner !== undefined,
    lastLearnerDeleted: ({ context, event }) => event.type === 'LEARNER_DELETED' && context.learners.every((l) => l.id === event.deleted.learnerId),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => ({
    api: input.api,
    ...(input.boot ? { boot: input.boot } : {}),
    learners: [],
    courses: [],
    opened: {},
    progress: {},
    courseErrors: {},
    notices: [],
    scenarioVars: {},
  }),
  initial: 'booting',
  on: {
    NOTICE: {
      actions: assign(({ context, event }) => ({ notices: [...context.notices, { ...event.notice, id: nextNoticeId++ }] })),
    },
    DISMISS_NOTICE: { actions: assign(({ context, event }) => ({ notices: context.notices.filter((n) => n.id !== event.id) })) },
    COURSES: { actions: assign(({ event }) => ({ courses: event.courses })) },
    TASK: { actions: assign(({ event }) => ({ task: event.task })) },
    LEARNER_CHANGED: {
      actions: assign(({ context, event }) => ({
        learner: context.learner?.id === event.learner.id ? event.learner : context.learner,
        learners: context.learners.map((l) => (l.id === event.learner.id ? event.learner : l)),
      })),
    },
    // With the learner gone, the computer asks who is studying (or, with nobody left, for a name).
    LEARNER_DELETED: [
      { guard: 'lastLearnerDeleted', target: '.firstRun', actions: ['stopLearner', { type: 'forgetLearner', params: ({ event }) => event.deleted }] },
      { target: '.picking', actions: ['stopLearner', { type: 'forgetLearner', params: ({ event }) => event.deleted }] },
    ],
  },
  states: {
    booting: {
      invoke: {
        src: 'boot',
        input: ({ context }) => ({ api: context.api, ...(context.boot ? { boot: context.boot } : {}) }),
        onDone: [
          {
            guard: ({ event }) => event.output.learners.learners.length === 0,
            target: 'firstRun',
            actions: { type: 'takeBoot', params: ({ event }) => event.output },
          },
          {
            // One learner on this computer: no need to ask who is studying. The back end
            // is told in the background, while their workbench and courses load.
            guard: ({ event }) => event.output.only !== undefined,
            target: 'ready',
            actions: [
              { type: 'takeBoot', params: ({ event }) => event.output },
              {
                type: 'startLearner',
                params: ({ event }) => ({
                  learner: event.output.only!.learner,
                  workbench: Promise.resolve(event.output.only!.state),
                  prefetched: event.output.prefetched,
                  announce: true,
                }),
              },
            ],
          },
          { target: 'picking', actions: { type: 'takeBoot', params: ({ event }) => event.output } },
        ],
        onError: { target: 'failed', actions: assign({ failure: ({ event }) => (event.error instanceof Error ? event.error.message : String(event.error)) }) },
      },
    },
    firstRun: { on: { LEARNER_READY: { target: 'ready', actions: ['stopLearner', { type: 'startLearner', params: ({ event }) => event }] } } },
    picking: {
      on: {
        LEARNER_READY: { target: 'ready', actions: ['stopLearner', { type: 'startLearner', params: ({ event }) => event }] },
        CANCEL_SWITCH: { guard: 'hasLearner', target: 'ready' },
      },
    },
    ready: {
      on: {
        SWITCH_LEARNER: 'picking',
        // Switching from inside the workbench (the learner dialog) stays ready, as the new learner.
        LEARNER_READY: { target: 'ready', reenter: true, actions: ['stopLearner', { type: 'startLearner', params: ({ event }) => event }] },
        WORKBENCH_RESTORED: { actions: { type: 'restoreLayout', params: ({ event }) => event.state } },
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
