// The workbench's services: the Studio API, the three state machines and the few
// operations that touch both (open a course, record an event, persist the layout).
// Commands receive this object, so a command never reaches into React.

import { createActor, type Actor } from 'xstate';
import { defaultWorkbenchState, type ApiResult, type OpenedCourse, type StudioApi, type TabRef, type WorkbenchState } from '../../engine/api/studioApi';
import type { LearningEvent } from '../../engine/progress/model';
import { requestCourse, sendBootRequests, type BootRequests, type CourseRequest } from '../api/bootRequests';
import { getCommand } from './commands/commandRegistry';
import { loadPlayer } from './editor/playerModule';
import type { ContextKeys } from './commands/when';
import { evaluateWhen } from './commands/when';
import { layoutMachine } from './state/layoutMachine';
import { overlayMachine } from './state/overlayMachine';
import { sessionMachine } from './state/sessionMachine';

/** Course id used by tabs that show a workbench view (shortcuts) rather than course content. */
export const WORKBENCH_VIEW_COURSE = 'workbench';

/** Everything a command or view needs. */
export interface WorkbenchServices {
  api: StudioApi;
  session: Actor<typeof sessionMachine>;
  layout: Actor<typeof layoutMachine>;
  overlay: Actor<typeof overlayMachine>;
  /** 'darwin', 'win32', 'linux' or 'web'. */
  platform(): string;
  /** Runs a command by id if its when clause holds; says so when it does not exist. */
  runCommand(id: string, ...args: unknown[]): Promise<void>;
  /** Opens (or focuses) a tab, opening its course first. */
  openTab(tab: TabRef): Promise<void>;
  /** Opens a course (once) with the learner's progress in it; undefined when it cannot be opened. */
  ensureCourse(courseId: string): Promise<OpenedCourse | undefined>;
  /** Sends a learning event and takes the progress the back end returns. */
  recordEvent(courseId: string, event: LearningEvent): Promise<void>;
  /** Reads the course packs again so an author's edits show: the course list and every open course. */
  reloadCourses(): Promise<void>;
  /** Creates a learner profile and starts studying as them; returns an error sentence on failure. */
  createLearner(name: string): Promise<string | undefined>;
  /** Switches to a learner; returns an error sentence on failure. */
  selectLearner(learnerId: string): Promise<string | undefined>;
  /** Speaks a short message through the polite live region. */
  announce(message: string): void;
  /** Registers the live region's writer (the Workbench does, once). */
  setAnnouncer(write: (message: string) => void): void;
  /** Context keys for when clauses. */
  contextKeys(): ContextKeys;
  /** Waits for pending saves (used before the page goes away). */
  flush(): Promise<void>;
  /** Loads the environment, learners and courses, then the learner's workbench (from the boot script's requests when given). */
  start(boot?: BootRequests): Promise<void>;
}

/** Creates the services over a Studio API. */
export function createWorkbenchServices(api: StudioApi): WorkbenchServices {
  const session = createActor(sessionMachine).start();
  const overlay = createActor(overlayMachine).start();
  const opening = new Map<string, Promise<OpenedCourse | undefined>>();
  let announcer: (message: string) => void = () => {};

  // Saves are chained and coalesced: at most one in flight, and the latest state always wins.
  let saving: Promise<void> = Promise.resolve();
  let pendingState: WorkbenchState | undefined;
  const persist = (state: WorkbenchState) => {
    const learnerId = session.getSnapshot().context.learner?.id;
    if (!learnerId) return;
    const first = pendingState === undefined;
    pendingState = state;
    if (!first) return;
    saving = saving.then(async () => {
      const toSave = pendingState!;
      pendingState = undefined;
      const result = await api.saveWorkbenchState(learnerId, toSave);
      if (!result.ok) notifyFailure(result);
    });
  };
  const layout = createActor(
    layoutMachine.provide({ actions: { persist: ({ context }) => persist(context) } }),
  ).start();

  const notifyFailure = (result: Extract<ApiResult<unknown>, { ok: false }>) =>
    session.send({ type: 'NOTICE', notice: { level: 'error', message: result.error.message } });

  const learnerId = () => session.getSnapshot().context.learner?.id;

  // Courses asked for at start-up before the session knew its learner, keyed "learner/course".
  let prefetched = new Map<string, CourseRequest>();

  const ensureCourse = (courseId: string): Promise<OpenedCourse | undefined> => {
    const ctx = session.getSnapshot().context;
    const known = ctx.opened[courseId];
    if (known && ctx.progress[courseId]) return Promise.resolve(known);
    const inFlight = opening.get(courseId);
    if (inFlight) return inFlight;
    const job = (async () => {
      const id = learnerId();
      if (!id) return undefined;
      const early = prefetched.get(`${id}/${courseId}`);
      prefetched.delete(`${id}/${courseId}`);
      const [opened, progress] = await (early ?? requestCourse(api, id, courseId));
      if (!opened.ok || !progress.ok) {
        const message = !opened.ok ? opened.error.message : (progress as { ok: false; error: { message: string } }).error.message;
        session.send({ type: 'COURSE_FAILED', courseId, message });
        return undefined;
      }
      // The learner may have changed while the course loaded; that learner's progress must not leak.
      if (learnerId() !== id) return undefined;
      session.send({ type: 'COURSE_OPENED', opened: opened.value, progress: progress.value });
      return opened.value;
    })().finally(() => opening.delete(courseId));
    opening.set(courseId, job);
    return job;
  };

  const afterLearner = async (learner: { id: string; name: string }, stateRequest?: Promise<ApiResult<WorkbenchState>>) => {
    opening.clear();
    const state = await (stateRequest ?? api.getWorkbenchState(learner.id));
    const restored = state.ok ? state.value : undefined;
    if (!state.ok) notifyFailure(state);
    // Without the learner's own layout, a clean one: never the previous learner's tabs.
    const base = restored ?? defaultWorkbenchState();
    const courseIds = new Set<string>();
    if (base.openCourseId) courseIds.add(base.openCourseId);
    for (const t of base.tabs) if (t.courseId !== WORKBENCH_VIEW_COURSE) courseIds.add(t.courseId);
    await Promise.all([...courseIds].map((id) => ensureCourse(id)));
    // Tabs of courses that no longer open are dropped rather than shown empty.
    const ctx = session.getSnapshot().context;
    const tabs = base.tabs.filter((t) => t.courseId === WORKBENCH_VIEW_COURSE || ctx.opened[t.courseId]);
    let activeTab = base.activeTab;
    if (activeTab !== undefined && tabs.length !== base.tabs.length) {
      const active = base.tabs[activeTab];
      activeTab = active ? Math.max(0, tabs.indexOf(active)) : 0;
    }
    layout.send({ type: 'RESTORE', state: { ...base, tabs, activeTab } });
    // Open the other courses in the background, so Quick Open finds their lessons at once.
    for (const entry of ctx.courses) if (entry.status === 'ok') void ensureCourse(entry.id);
  };

  const services: WorkbenchServices = {
    api,
    session,
    layout,
    overlay,
    platform: () => session.getSnapshot().context.env?.platform ?? 'web',
    async runCommand(id, ...args) {
      const command = getCommand(id);
      if (!command) {
        session.send({ type: 'NOTICE', notice: { level: 'error', message: `There is no command "${id}".` } });
        return;
      }
      if (!evaluateWhen(command.when, services.contextKeys())) return;
      await command.run(services, ...args);
    },
    async openTab(tab) {
      if (tab.courseId !== WORKBENCH_VIEW_COURSE) {
        const opened = await ensureCourse(tab.courseId);
        if (!opened) return;
      }
      layout.send({ type: 'OPEN_TAB', tab });
    },
    ensureCourse,
    async reloadCourses() {
      const listed = await api.listCourses();
      if (!listed.ok) return notifyFailure(listed);
      session.send({ type: 'COURSES', courses: listed.value });
      const id = learnerId();
      if (!id) return;
      // An open course that no longer loads says why in its tabs and in the course list,
      // never half-loaded, so the author can mend it and reload again.
      const open = Object.keys(session.getSnapshot().context.opened);
      await Promise.all(
        open.map(async (courseId) => {
          const [opened, progress] = await requestCourse(api, id, courseId);
          if (learnerId() !== id) return;
          if (!opened.ok || !progress.ok) {
            const failed = !opened.ok ? opened : (progress as Extract<typeof progress, { ok: false }>);
            session.send({ type: 'COURSE_FAILED', courseId, message: failed.error.message });
            return;
          }
          session.send({ type: 'COURSE_OPENED', opened: opened.value, progress: progress.value });
        }),
      );
    },
    async recordEvent(courseId, event) {
      const id = learnerId();
      if (!id) return;
      const result = await api.recordEvent(id, courseId, event);
      if (!result.ok) return notifyFailure(result);
      if (learnerId() === id) session.send({ type: 'PROGRESS', progress: result.value });
    },
    async createLearner(name) {
      const created = await api.createLearner(name);
      if (!created.ok) return created.error.message;
      return services.selectLearner(created.value.id);
    },
    async selectLearner(id) {
      // The learner's workbench is asked for alongside, saving a round trip at start-up.
      const stateRequest = api.getWorkbenchState(id);
      const selected = await api.selectLearner(id);
      if (!selected.ok) return selected.error.message;
      session.send({ type: 'LEARNER_READY', learner: selected.value });
      overlay.send({ type: 'CLOSE' });
      await afterLearner(selected.value, stateRequest);
      return undefined;
    },
    announce: (message) => announcer(message),
    setAnnouncer(write) {
      announcer = write;
    },
    contextKeys() {
      const s = session.getSnapshot();
      const l = layout.getSnapshot().context;
      const active = l.activeTab === undefined ? undefined : l.tabs[l.activeTab];
      return {
        learnerReady: s.matches('ready'),
        courseOpen: Boolean(l.openCourseId && s.context.opened[l.openCourseId]),
        editorHasTabs: l.tabs.length > 0,
        editorHasSeveralTabs: l.tabs.length > 1,
        activeIsLesson: active?.kind === 'lesson',
        activeIsScenario: active?.kind === 'scenario',
        overlayOpen: !overlay.getSnapshot().matches('closed'),
      };
    },
    flush: async () => {
      await saving;
    },
    async start(boot = sendBootRequests(api)) {
      prefetched = boot.openedCourses;
      // Run the player's (preloaded) code now, overlapping the requests in flight.
      void loadPlayer();
      const [env, learners, courses] = await Promise.all([boot.env, boot.learners, boot.courses]);
      const failed = [env, learners, courses].find((r) => !r.ok);
      if (failed && !failed.ok) {
        session.send({ type: 'BOOT_FAILED', message: failed.error.message });
        return;
      }
      if (!env.ok || !learners.ok || !courses.ok) return;
      session.send({ type: 'BOOTED', env: env.value, learners: learners.value, courses: courses.value });
      // One learner on this computer: no need to ask who is studying. The back end is told
      // in the background, while their workbench and courses load: it is the same learner.
      const only = await boot.only;
      if (only) {
        void api.selectLearner(only.learner.id).then((selected) => {
          if (!selected.ok) notifyFailure(selected);
        });
        session.send({ type: 'LEARNER_READY', learner: only.learner });
        await afterLearner(only.learner, Promise.resolve(only.state));
      }
    },
  };
  return services;
}
