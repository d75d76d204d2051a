// The workbench's services: the Studio API, the three state machines, and the few
// operations commands and views ask for. The asynchronous work lives in actors: the
// session invokes start-up as a promise actor, and each learner's courses, records and
// reloads run in that learner's actor (state/learnerMachine.ts). What is left here is
// how a command reaches them. Commands receive this object, so a command never reaches
// into React.

import { createActor, waitFor, type Actor } from 'xstate';
import type { OpenedCourse, StudioApi, TabRef, WorkbenchState } from '../../engine/api/studioApi';
import type { LearningEvent } from '../../engine/progress/model';
import type { BootRequests } from '../api/bootRequests';
import { getCommand, type CommandId } from './commands/commandRegistry';
import { workbenchContext, type WorkbenchContext } from './commands/when';
import { loadPlayer } from './editor/playerModule';
import { focusViewIfIdle, type FocusTarget } from './views/viewFocus';
import { authorMachine, docKey, isDirty } from './state/authorMachine';
import { layoutMachine, sameTab } from './state/layoutMachine';
import { opensCourse } from './editor/tabKey';
import { WORKBENCH_VIEW_COURSE, type LearnerActor, type LearnerRequest, type LearnerTask } from './state/learnerMachine';
import { overlayMachine, type PromptRequest } from './state/overlayMachine';
import { sessionMachine } from './state/sessionMachine';
import { cancelFocusRequest } from './views/viewFocus';

export { WORKBENCH_VIEW_COURSE };

/** Everything a command or view needs. */
export interface WorkbenchServices {
  api: StudioApi;
  session: Actor<typeof sessionMachine>;
  layout: Actor<typeof layoutMachine>;
  overlay: Actor<typeof overlayMachine>;
  /** The author's packs and source files (state/authorMachine.ts). */
  author: Actor<typeof authorMachine>;
  /** 'darwin', 'win32', 'linux' or 'web'. */
  platform(): string;
  /** Runs a command by id if its `when` holds; says so when it does not exist. */
  runCommand(id: CommandId, ...args: unknown[]): Promise<void>;
  /** Opens (or focuses) a tab, opening its course first. */
  openTab(tab: TabRef): Promise<void>;
  /** Opens a course (once) with the learner's progress in it; undefined when it cannot be opened or the learner changed meanwhile. */
  ensureCourse(courseId: string): Promise<OpenedCourse | undefined>;
  /** Sends a learning event; the progress the back end returns reaches the session, unless the learner has changed. */
  recordEvent(courseId: string, event: LearningEvent): void;
  /** Reads the course packs again so an author's edits show: the course list and every open course. */
  reloadCourses(): Promise<void>;
  /** Creates a learner profile and starts studying as them; returns an error sentence on failure. */
  createLearner(name: string): Promise<string | undefined>;
  /** Switches to a learner; returns an error sentence on failure. */
  selectLearner(learnerId: string): Promise<string | undefined>;
  /** Gives a learner's PIN and, when it is right, switches to them; returns the back end's sentence when it is not. */
  unlockLearner(learnerId: string, pin: string): Promise<string | undefined>;
  /** Makes a request about the learner studying (their record, their PIN, deleting them) and resolves with where it ended; undefined when another is under way. */
  request(request: LearnerRequest): Promise<LearnerTask | undefined>;
  /** Speaks a short message through the polite live region. */
  announce(message: string): void;
  /** Registers the live region's writer (the Workbench does, once). */
  setAnnouncer(write: (message: string) => void): void;
  /** Asks a question in a dialog; resolves with the answer chosen (and the text typed), or undefined when dismissed. */
  ask(question: Omit<PromptRequest, 'id'>): Promise<PromptAnswer | undefined>;
  /** Answers the question the dialog shows (the dialog calls it). */
  answerPrompt(id: number, answer: PromptAnswer | undefined): void;
  /** Closes a tab, asking first when it holds unsaved text; resolves false when the author kept it open. */
  closeTab(index?: number): Promise<boolean>;
  /** Tells a Studio API failure to the user, in its own sentence; returns whether the call succeeded. */
  report<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): result is { ok: true; value: T };
  /** What `when` predicates read. */
  context(): WorkbenchContext;
  /** Waits for pending saves (used before the page goes away). */
  flush(): Promise<void>;
}

/** The answer to a question asked with ask(). */
export interface PromptAnswer {
  action: string;
  /** The text box's value, when the question had one. */
  value: string;
}

/** True when keyboard focus is inside the Files view (its Delete and F2 apply only there). */
function focusInFiles(): boolean {
  return typeof document !== 'undefined' && document.activeElement?.closest('[data-focus-scope="files"]') != null;
}

/**
 * Creates the services over a Studio API and starts the workbench: the session boots
 * from the boot script's requests when given (boot.ts sent them before this code ran).
 */
export function createWorkbenchServices(api: StudioApi, boot?: BootRequests): WorkbenchServices {
  const overlay = createActor(overlayMachine).start();
  const author = createActor(authorMachine, { input: { api } });
  let announcer: (message: string) => void = () => {};

  // Saves are chained and coalesced: at most one in flight, and the latest state always
  // wins. A save belongs to the learner whose layout it is, even if they switch away
  // before it is written, so it is not part of the learner actor that a switch stops.
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
      if (!result.ok) session.send({ type: 'NOTICE', notice: { level: 'error', message: result.error.message } });
    });
  };
  const layout = createActor(layoutMachine.provide({ actions: { persist: ({ context }) => persist(context) } })).start();
  const session = createActor(
    sessionMachine.provide({
      actions: {
        restoreLayout: (_, state) => {
          layout.send({ type: 'RESTORE', state });
          // A learner back on a course page (a new learner always is) starts at its Start or Continue button.
          if (landingFocus(state) === 'coursePage') focusViewIfIdle('coursePage');
        },
      },
    }),
    { input: { api, ...(boot ? { boot } : {}) } },
  );
  // Run the player's (preloaded) code now, overlapping the requests in flight.
  void loadPlayer();
  session.start();

  // Changes on disk reach the learner's courses too; a change during a reload is read by one more.
  let reloading: Promise<void> | undefined;
  let reloadAgain = false;
  const reloadAfterChange = () => {
    if (reloading) return void (reloadAgain = true);
    reloading = services.reloadCourses().finally(() => {
      reloading = undefined;
      if (reloadAgain) {
        reloadAgain = false;
        reloadAfterChange();
      }
    });
  };
  author.on('coursesChanged', () => {
    if (session.getSnapshot().matches('ready')) reloadAfterChange();
  });
  author.on('notice', (e) => session.send({ type: 'NOTICE', notice: { level: e.level, message: e.message } }));
  author.on('docClosed', (e) => {
    const index = layout.getSnapshot().context.tabs.findIndex((t) => sameTab(t, { courseId: e.courseId, kind: 'file', itemId: e.path }));
    if (index >= 0) layout.send({ type: 'CLOSE_TAB', index });
  });
  author.start();

  const questions = new Map<number, (answer: PromptAnswer | undefined) => void>();
  let nextQuestion = 1;

  const learnerActor = (): LearnerActor | undefined => session.getSnapshot().context.learnerActor;

  const ensureCourse = async (courseId: string): Promise<OpenedCourse | undefined> => {
    const actor = learnerActor();
    if (!actor) return undefined;
    actor.send({ type: 'OPEN_COURSE', courseId });
    try {
      const done = await waitFor(actor, (s) => s.context.states[courseId] !== 'opening');
      return done.context.states[courseId] === 'open' ? session.getSnapshot().context.opened[courseId] : undefined;
    } catch {
      // The learner changed while the course was opening: it is no longer theirs to show.
      return undefined;
    }
  };

  const services: WorkbenchServices = {
    api,
    session,
    layout,
    overlay,
    author,
    platform: () => session.getSnapshot().context.env?.platform ?? 'web',
    async runCommand(id, ...args) {
      const command = getCommand(id);
      if (!command) {
        session.send({ type: 'NOTICE', notice: { level: 'error', message: `There is no command "${id}".` } });
        return;
      }
      if (command.when && !command.when(services.context())) return;
      await command.run(services, ...args);
    },
    async openTab(tab) {
      if (tab.kind === 'file') {
        author.send({ type: 'OPEN_DOC', courseId: tab.courseId, path: tab.itemId });
        layout.send({ type: 'OPEN_TAB', tab });
        return;
      }
      if (opensCourse(tab)) {
        const opened = await ensureCourse(tab.courseId);
        if (!opened) return;
      }
      layout.send({ type: 'OPEN_TAB', tab });
    },
    ensureCourse,
    recordEvent(courseId, event) {
      learnerActor()?.send({ type: 'RECORD', courseId, event });
    },
    async reloadCourses() {
      const actor = learnerActor();
      if (!actor) {
        const listed = await api.listCourses();
        if (listed.ok) session.send({ type: 'COURSES', courses: listed.value });
        else session.send({ type: 'NOTICE', notice: { level: 'error', message: listed.error.message } });
        return;
      }
      actor.send({ type: 'RELOAD' });
      await waitFor(actor, (s) => !s.context.reloading).catch(() => undefined);
    },
    async createLearner(name) {
      const created = await api.createLearner(name);
      if (!created.ok) return created.error.message;
      return services.selectLearner(created.value.id);
    },
    async selectLearner(id) {
      // The previous learner's last save lands first: choosing someone else closes a PIN-protected learner's work.
      await services.flush();
      // The learner's workbench is asked for alongside, saving a round trip.
      const workbench = api.getWorkbenchState(id);
      const selected = await api.selectLearner(id);
      if (!selected.ok) return selected.error.message;
      session.send({ type: 'LEARNER_READY', learner: selected.value, workbench });
      overlay.send({ type: 'CLOSE' });
      const actor = learnerActor();
      if (actor) await waitFor(actor, (s) => s.matches('ready')).catch(() => undefined);
      // Focus goes where the learner will work (the picker that held it is gone), unless they have already put it somewhere.
      if (learnerActor() === actor) focusViewIfIdle(landingFocus(layout.getSnapshot().context));
      return undefined;
    },
    async unlockLearner(id, pin) {
      const unlocked = await api.unlockLearner(id, pin);
      if (!unlocked.ok) return unlocked.error.message;
      return services.selectLearner(id);
    },
    async request(request) {
      const actor = learnerActor();
      if (!actor || actor.getSnapshot().context.busy) return undefined;
      actor.send({ type: 'REQUEST', request });
      const settled = await waitFor(session, (s) => s.context.task?.kind === request.kind && s.context.task.state !== 'running').catch(() => undefined);
      return settled?.context.task;
    },
    ask(question) {
      const id = nextQuestion++;
      // A view that was asked to take focus and has not yet must not take it from the question.
      cancelFocusRequest();
      // A question asked while another is open answers the first with nothing.
      for (const [open, resolve] of questions) {
        questions.delete(open);
        resolve(undefined);
      }
      return new Promise((resolve) => {
        questions.set(id, resolve);
        overlay.send({ type: 'PROMPT', prompt: { ...question, id } });
      });
    },
    answerPrompt(id, answer) {
      const resolve = questions.get(id);
      questions.delete(id);
      overlay.send({ type: 'CLOSE' });
      resolve?.(answer);
    },
    async closeTab(index) {
      const { tabs, activeTab } = layout.getSnapshot().context;
      const at = index ?? activeTab;
      const tab = at === undefined ? undefined : tabs[at];
      if (at === undefined || !tab) return false;
      if (tab.kind === 'file') {
        const key = docKey(tab.courseId, tab.itemId);
        const doc = author.getSnapshot().context.docs[key];
        if (isDirty(doc)) {
          const answer = await services.ask({
            title: 'Save changes?',
            message: `${tab.itemId} has changes that are not saved. Save them before closing, or close without saving and lose them?`,
            actions: [
              { id: 'save', label: 'Save' },
              { id: 'discard', label: "Don't Save" },
              { id: 'cancel', label: 'Cancel' },
            ],
          });
          if (answer?.action === 'save') {
            author.send({ type: 'SAVE', key });
            const saved = await waitFor(author, (s) => !s.context.docs[key]?.saving).catch(() => undefined);
            const after = saved?.context.docs[key];
            if (!after || isDirty(after) || after.conflict) return false;
          } else if (answer?.action !== 'discard') return false;
        }
        author.send({ type: 'CLOSE_DOC', key });
      }
      // The tab may have moved while the question was open.
      const now = layout.getSnapshot().context.tabs.findIndex((t) => sameTab(t, tab));
      if (now >= 0) layout.send({ type: 'CLOSE_TAB', index: now });
      return true;
    },
    report(result) {
      if (!result.ok) session.send({ type: 'NOTICE', notice: { level: 'error', message: result.error.message } });
      return result.ok;
    },
    announce: (message) => announcer(message),
    setAnnouncer(write) {
      announcer = write;
    },
    context: () => workbenchContext(session.getSnapshot(), layout.getSnapshot(), overlay.getSnapshot(), author.getSnapshot(), { filesFocused: focusInFiles() }),
    flush: async () => {
      await saving;
    },
  };
  return services;
}

/** Where a learner starts once their workbench is shown: a course page's Start or Continue button, the tab in front, or the Side Bar's view. */
function landingFocus(state: Pick<WorkbenchState, 'tabs' | 'activeTab'>): FocusTarget {
  const front = state.activeTab === undefined ? undefined : state.tabs[state.activeTab];
  if (!front) return 'sideBar';
  return front.kind === 'view' && front.itemId === 'course' ? 'coursePage' : 'editor';
}
