// The work done on behalf of one learner: restoring their workbench, opening courses
// with their progress, recording what they do, and reloading courses from disk. The
// session spawns one of these per learner and stops it when the learner changes, and
// every request runs in a child actor of it; a stopped actor delivers nothing, so a
// late answer meant for the previous learner is dropped by construction, never by a
// check someone has to remember.

import { assign, enqueueActions, fromCallback, fromPromise, sendParent, setup, spawnChild, stopChild, type ActorRefFrom } from 'xstate';
import {
  defaultWorkbenchState,
  WORKBENCH_VIEW_COURSE,
  type ApiResult,
  type CourseEntry,
  type DeleteConfirmation,
  type DeletedLearner,
  type Learner,
  type LearningRecordFiles,
  type OpenedCourse,
  type PinChange,
  type StudioApi,
  type WorkbenchState,
} from '../../../engine/api/studioApi';
import type { CourseProgress, LearningEvent } from '../../../engine/progress/model';
import { requestCourse, type CourseRequest } from '../../api/bootRequests';
import { coursePageTab, landingCourse } from '../course/landing';
import { opensCourse } from '../editor/tabKey';

export { WORKBENCH_VIEW_COURSE };

/** What a learner actor starts from. */
export interface LearnerInput {
  api: StudioApi;
  learner: Learner;
  /** The learner's saved workbench when it was already asked for (at start-up, or alongside selecting). */
  workbench?: Promise<ApiResult<WorkbenchState>>;
  /** Courses the boot script already requested for this learner, by course id. */
  prefetched?: ReadonlyMap<string, CourseRequest>;
  /** The courses on this computer; those that load are opened once the workbench is back, for Quick Open. */
  courses: readonly CourseEntry[];
  /** Tell the back end this learner is studying (the only learner, chosen without asking). */
  announce?: boolean;
}

/** Where a course stands for this learner. */
export type CourseState = 'opening' | 'open' | 'failed';

/** What the learner actor knows. */
export interface LearnerContext extends Omit<LearnerInput, 'courses' | 'workbench'> {
  courses: readonly CourseEntry[];
  workbench?: Promise<ApiResult<WorkbenchState>>;
  /** Each course asked for, by id. */
  states: Record<string, CourseState>;
  /** A reload from disk is under way. */
  reloading: boolean;
  /** Numbers the record requests, so each child has its own id. */
  recorded: number;
  /** A request about the learner themself is under way (their record, their PIN, deleting them). */
  busy: boolean;
}

/** A request about the learner themself, which a dialog follows to its answer. */
export type LearnerRequest =
  | { kind: 'record'; courseId: string }
  | { kind: 'pin'; change: PinChange }
  | { kind: 'delete'; confirmation: DeleteConfirmation };

/** Where such a request stands: what the dialog shows. */
export type LearnerTask =
  | { kind: LearnerRequest['kind']; state: 'running' }
  | { kind: 'record'; state: 'done'; files: LearningRecordFiles }
  | { kind: 'pin'; state: 'done'; learner: Learner }
  | { kind: 'delete'; state: 'done'; deleted: DeletedLearner }
  | { kind: LearnerRequest['kind']; state: 'failed'; message: string };

/** Events the learner actor accepts from the workbench. */
export type LearnerCommand =
  | { type: 'OPEN_COURSE'; courseId: string }
  | { type: 'RECORD'; courseId: string; event: LearningEvent }
  | { type: 'RELOAD' }
  | { type: 'REQUEST'; request: LearnerRequest };

/** Answers its request actors send back. */
type LearnerReply =
  | { type: 'COURSE_LOADED'; opened: OpenedCourse; progress: CourseProgress }
  | { type: 'COURSE_UNAVAILABLE'; courseId: string; message: string }
  | { type: 'RECORDED'; child: string; progress: CourseProgress }
  | { type: 'NOT_RECORDED'; child: string; message: string }
  | { type: 'LISTED'; courses: CourseEntry[] }
  | { type: 'RELOADED'; message?: string }
  | { type: 'ANSWERED'; task: LearnerTask };

/** Everything the learner actor reacts to. */
export type LearnerEvent = LearnerCommand | LearnerReply;

/** What the learner actor tells the session (its parent). */
export type LearnerReport =
  | { type: 'COURSE_OPENED'; opened: OpenedCourse; progress: CourseProgress }
  | { type: 'COURSE_FAILED'; courseId: string; message: string }
  | { type: 'PROGRESS'; progress: CourseProgress }
  | { type: 'COURSES'; courses: CourseEntry[] }
  | { type: 'NOTICE'; notice: { level: 'error'; message: string } }
  | { type: 'WORKBENCH_RESTORED'; state: WorkbenchState }
  | { type: 'TASK'; task: LearnerTask }
  /** The learner's profile changed (a PIN set or removed). */
  | { type: 'LEARNER_CHANGED'; learner: Learner }
  /** The learner was deleted; their copy is kept where `deleted` says. */
  | { type: 'LEARNER_DELETED'; deleted: DeletedLearner };

type CourseAnswer = { type: 'COURSE_LOADED'; opened: OpenedCourse; progress: CourseProgress } | { type: 'COURSE_UNAVAILABLE'; courseId: string; message: string };

/** Turns the two answers of opening a course into one event. */
async function answerFor(courseId: string, request: CourseRequest): Promise<CourseAnswer> {
  const [opened, progress] = await request;
  if (!opened.ok) return { type: 'COURSE_UNAVAILABLE', courseId, message: opened.error.message };
  if (!progress.ok) return { type: 'COURSE_UNAVAILABLE', courseId, message: progress.error.message };
  return { type: 'COURSE_LOADED', opened: opened.value, progress: progress.value };
}

/** Opens one course with the learner's progress in it. */
const openCourse = fromCallback<LearnerEvent, { request: CourseRequest; courseId: string }>(({ input, sendBack }) => {
  void answerFor(input.courseId, input.request).then(sendBack);
});

/** Records one learning event. */
const recordEvent = fromCallback<LearnerEvent, { api: StudioApi; learnerId: string; courseId: string; event: LearningEvent; child: string }>(
  ({ input, sendBack }) => {
    void input.api.recordEvent(input.learnerId, input.courseId, input.event).then((result) =>
      sendBack(result.ok ? { type: 'RECORDED', child: input.child, progress: result.value } : { type: 'NOT_RECORDED', child: input.child, message: result.error.message }),
    );
  },
);

/** Lists the courses again, then reopens every course asked for so far, so an author's edits (and mends) show. */
const reloadCourses = fromCallback<LearnerEvent, { api: StudioApi; learnerId: string; open: string[] }>(({ input, sendBack }) => {
  void (async () => {
    const listed = await input.api.listCourses();
    if (!listed.ok) return sendBack({ type: 'RELOADED', message: listed.error.message });
    sendBack({ type: 'LISTED', courses: listed.value });
    // A course that no longer loads says why in its tabs and in the list, never half-loaded.
    const answers = await Promise.all(input.open.map((id) => answerFor(id, requestCourse(input.api, input.learnerId, id))));
    for (const answer of answers) sendBack(answer);
    sendBack({ type: 'RELOADED' });
  })();
});

/** Makes a request about the learner themself and sends back where it ended. */
const answerRequest = fromCallback<LearnerEvent, { api: StudioApi; learnerId: string; request: LearnerRequest }>(({ input, sendBack }) => {
  const { api, learnerId, request } = input;
  const failed = (message: string): LearnerTask => ({ kind: request.kind, state: 'failed', message });
  void (async (): Promise<LearnerTask> => {
    switch (request.kind) {
      case 'record': {
        const result = await api.exportLearningRecord(learnerId, request.courseId);
        return result.ok ? { kind: 'record', state: 'done', files: result.value } : failed(result.error.message);
      }
      case 'pin': {
        const result = await api.setLearnerPin(learnerId, request.change);
        return result.ok ? { kind: 'pin', state: 'done', learner: result.value } : failed(result.error.message);
      }
      case 'delete': {
        const result = await api.deleteLearner(learnerId, request.confirmation);
        return result.ok ? { kind: 'delete', state: 'done', deleted: result.value } : failed(result.error.message);
      }
    }
  })().then((task) => sendBack({ type: 'ANSWERED', task }));
});

/** What restoring a learner's workbench gives: the layout to show and the courses it needed. */
export interface Restored {
  state: WorkbenchState;
  answers: CourseAnswer[];
  /** Sentences for the learner about what could not be restored. */
  problems: string[];
}

/** Reads the learner's workbench and opens the courses it shows; tabs of courses that no longer open are dropped. */
const restoreWorkbench = fromPromise<Restored, LearnerContext>(async ({ input }) => {
  const problems: string[] = [];
  const announced = input.announce ? input.api.selectLearner(input.learner.id) : undefined;
  const saved = await (input.workbench ?? input.api.getWorkbenchState(input.learner.id));
  if (!saved.ok) problems.push(saved.error.message);
  // Without the learner's own layout, a clean one: never the previous learner's tabs.
  const base = withLanding(saved.ok ? saved.value : defaultWorkbenchState(), input.courses);
  const ids = new Set<string>();
  if (base.openCourseId) ids.add(base.openCourseId);
  for (const t of base.tabs) if (opensCourse(t)) ids.add(t.courseId);
  const answers = await Promise.all([...ids].map((id) => answerFor(id, input.prefetched?.get(id) ?? requestCourse(input.api, input.learner.id, id))));
  const opened = new Set(answers.flatMap((a) => (a.type === 'COURSE_LOADED' ? [a.opened.course.id] : [])));
  // A Scenario Graph reads its file whatever state the course is in; a Play from Here
  // preview lived only in the session that started it, so it is not brought back.
  const tabs = base.tabs.filter((t) => (opensCourse(t) ? opened.has(t.courseId) : t.kind !== 'scenarioPreview'));
  let activeTab = base.activeTab;
  if (activeTab !== undefined && tabs.length !== base.tabs.length) {
    const active = base.tabs[activeTab];
    activeTab = active ? Math.max(0, tabs.indexOf(active)) : 0;
  }
  const selected = await announced;
  if (selected && !selected.ok) problems.push(selected.error.message);
  return { state: { ...base, tabs, activeTab }, answers, problems };
});

/**
 * A learner who has never opened a course (a new profile) lands on the page of the
 * course to start with, rather than an empty editor.
 */
function withLanding(state: WorkbenchState, courses: readonly CourseEntry[]): WorkbenchState {
  if (state.tabs.length > 0 || state.openCourseId !== undefined) return state;
  const course = landingCourse(courses);
  return course ? { ...state, openCourseId: course.id, tabs: [coursePageTab(course.id)], activeTab: 0 } : state;
}

/** The learner machine: restoring, then ready; opening, recording and reloading run alongside as child actors. */
export const learnerMachine = setup({
  types: {
    context: {} as LearnerContext,
    events: {} as LearnerEvent,
    input: {} as LearnerInput,
  },
  actors: { openCourse, recordEvent, reloadCourses, restoreWorkbench, answerRequest },
  actions: {
    /** Tells the session about a course, and remembers where it stands. */
    takeCourseAnswer: enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'COURSE_LOADED' || event.type === 'COURSE_UNAVAILABLE') {
        enqueue.assign({ states: { ...context.states, ...reportAnswers(enqueue, [event]) } });
      }
    }),
    notify: sendParent((_, message: string) => ({ type: 'NOTICE', notice: { level: 'error', message } }) satisfies LearnerReport),
    openEveryCourse: enqueueActions(({ context, enqueue }) => {
      for (const entry of context.courses) if (entry.status === 'ok') enqueue.raise({ type: 'OPEN_COURSE', courseId: entry.id });
    }),
  },
  guards: {
    needsOpening: ({ context, event }) => event.type === 'OPEN_COURSE' && (context.states[event.courseId] ?? 'failed') === 'failed',
  },
}).createMachine({
  id: 'learner',
  context: ({ input }) => ({ ...input, states: {}, reloading: false, recorded: 0, busy: false }),
  initial: 'restoring',
  on: {
    OPEN_COURSE: {
      guard: 'needsOpening',
      actions: [
        assign({ states: ({ context, event }) => ({ ...context.states, [event.courseId]: 'opening' }) }),
        spawnChild('openCourse', {
          id: ({ event }) => `open:${(event as { courseId: string }).courseId}`,
          input: ({ context, event }) => {
            const { courseId } = event as { courseId: string };
            return { courseId, request: context.prefetched?.get(courseId) ?? requestCourse(context.api, context.learner.id, courseId) };
          },
        }),
        // The boot script's request for a course serves its first opening only; later ones ask again.
        assign({ prefetched: ({ context, event }) => withoutKey(context.prefetched, (event as { courseId: string }).courseId) }),
      ],
    },
    COURSE_LOADED: { actions: [stopChild(({ event }) => `open:${event.opened.course.id}`), 'takeCourseAnswer'] },
    COURSE_UNAVAILABLE: { actions: [stopChild(({ event }) => `open:${event.courseId}`), 'takeCourseAnswer'] },
    RECORD: {
      actions: [
        assign({ recorded: ({ context }) => context.recorded + 1 }),
        spawnChild('recordEvent', {
          id: ({ context }) => `record:${context.recorded}`,
          input: ({ context, event }) => {
            const { courseId, event: learning } = event as Extract<LearnerEvent, { type: 'RECORD' }>;
            return { api: context.api, learnerId: context.learner.id, courseId, event: learning, child: `record:${context.recorded}` };
          },
        }),
      ],
    },
    RECORDED: { actions: [stopChild(({ event }) => event.child), sendParent(({ event }) => ({ type: 'PROGRESS', progress: event.progress }) satisfies LearnerReport)] },
    NOT_RECORDED: { actions: [stopChild(({ event }) => event.child), { type: 'notify', params: ({ event }) => event.message }] },
    RELOAD: {
      guard: ({ context }) => !context.reloading,
      actions: [
        assign({ reloading: true }),
        spawnChild('reloadCourses', {
          id: 'reload',
          input: ({ context }) => ({
            api: context.api,
            learnerId: context.learner.id,
            // A course broken at the last reload is asked for again too: the author may have mended it.
            open: Object.keys(context.states).filter((id) => context.states[id] !== 'opening'),
          }),
        }),
      ],
    },
    LISTED: { actions: [assign({ courses: ({ event }) => event.courses }), sendParent(({ event }) => ({ type: 'COURSES', courses: event.courses }) satisfies LearnerReport)] },
    RELOADED: {
      actions: enqueueActions(({ event, enqueue }) => {
        enqueue.stopChild('reload');
        enqueue.assign({ reloading: false });
        if (event.message) enqueue({ type: 'notify', params: event.message });
      }),
    },
    // One request about the learner at a time: a second press while one runs does nothing.
    REQUEST: {
      guard: ({ context }) => !context.busy,
      actions: [
        assign({ busy: true }),
        sendParent(({ event }) => ({ type: 'TASK', task: { kind: event.request.kind, state: 'running' } }) satisfies LearnerReport),
        spawnChild('answerRequest', {
          id: 'request',
          input: ({ context, event }) => ({ api: context.api, learnerId: context.learner.id, request: (event as Extract<LearnerEvent, { type: 'REQUEST' }>).request }),
        }),
      ],
    },
    ANSWERED: {
      actions: enqueueActions(({ event, enqueue }) => {
        enqueue.stopChild('request');
        const { task } = event;
        if (task.kind === 'pin' && task.state === 'done') {
          enqueue.assign({ learner: task.learner });
          enqueue.sendParent({ type: 'LEARNER_CHANGED', learner: task.learner } satisfies LearnerReport);
        }
        enqueue.assign({ busy: false });
        enqueue.sendParent({ type: 'TASK', task } satisfies LearnerReport);
        // Last, since the session stops this actor when it hears of it.
        if (task.kind === 'delete' && task.state === 'done') enqueue.sendParent({ type: 'LEARNER_DELETED', deleted: task.deleted } satisfies LearnerReport);
      }),
    },
  },
  states: {
    restoring: {
      invoke: {
        src: 'restoreWorkbench',
        input: ({ context }) => context,
        onDone: {
          target: 'ready',
          // The courses reach the session before the layout that shows them.
          actions: enqueueActions(({ context, event, enqueue }) => {
            enqueue.assign({ states: { ...context.states, ...reportAnswers(enqueue, event.output.answers) }, prefetched: undefined });
            for (const problem of event.output.problems) enqueue({ type: 'notify', params: problem });
            enqueue.sendParent({ type: 'WORKBENCH_RESTORED', state: event.output.state } satisfies LearnerReport);
          }),
        },
      },
    },
    // Every other course opens in the background, so Quick Open finds its lessons at once.
    ready: { entry: 'openEveryCourse' },
  },
});

/** Sends the session what each answer says about a course; returns where each course now stands. */
function reportAnswers(
  enqueue: { sendParent: (event: LearnerReport) => void },
  answers: readonly CourseAnswer[],
): Record<string, CourseState> {
  const states: Record<string, CourseState> = {};
  for (const answer of answers) {
    if (answer.type === 'COURSE_LOADED') {
      states[answer.opened.course.id] = 'open';
      enqueue.sendParent({ type: 'COURSE_OPENED', opened: answer.opened, progress: answer.progress });
    } else {
      states[answer.courseId] = 'failed';
      enqueue.sendParent({ type: 'COURSE_FAILED', courseId: answer.courseId, message: answer.message });
    }
  }
  return states;
}

function withoutKey<V>(map: ReadonlyMap<string, V> | undefined, key: string): ReadonlyMap<string, V> | undefined {
  if (!map?.has(key)) return map;
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}

/** A running learner actor. */
export type LearnerActor = ActorRefFrom<typeof learnerMachine>;
