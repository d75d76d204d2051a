// `when` predicates decide whether a command applies now, as VS Code's when clauses
// do, but typed: a command's `when` is a function of the WorkbenchContext, so a
// misspelt key fails to compile instead of silently reading as false.

import type { SnapshotFrom } from 'xstate';
import type { layoutMachine } from '../state/layoutMachine';
import type { overlayMachine } from '../state/overlayMachine';
import type { sessionMachine } from '../state/sessionMachine';

/** What `when` predicates can see of the workbench. */
export interface WorkbenchContext {
  /** A learner is studying (past the first run and the learner picker). */
  learnerReady: boolean;
  /** The course of the workbench is open. */
  courseOpen: boolean;
  editorHasTabs: boolean;
  editorHasSeveralTabs: boolean;
  activeIsLesson: boolean;
  activeIsScenario: boolean;
  /** Quick Open, the palette or a dialog is showing. */
  overlayOpen: boolean;
}

/** Whether a command applies in a context. */
export type When = (context: WorkbenchContext) => boolean;

/** Reads the context from the workbench's three machines. */
export function workbenchContext(
  session: SnapshotFrom<typeof sessionMachine>,
  layout: SnapshotFrom<typeof layoutMachine>,
  overlay: SnapshotFrom<typeof overlayMachine>,
): WorkbenchContext {
  const l = layout.context;
  const active = l.activeTab === undefined ? undefined : l.tabs[l.activeTab];
  return {
    learnerReady: session.matches('ready'),
    courseOpen: Boolean(l.openCourseId && session.context.opened[l.openCourseId]),
    editorHasTabs: l.tabs.length > 0,
    editorHasSeveralTabs: l.tabs.length > 1,
    activeIsLesson: active?.kind === 'lesson',
    activeIsScenario: active?.kind === 'scenario',
    overlayOpen: !overlay.matches('closed'),
  };
}

/** The predicates most commands use, named once. */
export const when = {
  learnerReady: (c: WorkbenchContext) => c.learnerReady,
  /** A learner is studying and nothing covers the workbench. */
  workbenchFree: (c: WorkbenchContext) => c.learnerReady && !c.overlayOpen,
  courseOpen: (c: WorkbenchContext) => c.courseOpen,
  editorHasTabs: (c: WorkbenchContext) => c.editorHasTabs && !c.overlayOpen,
  editorHasSeveralTabs: (c: WorkbenchContext) => c.editorHasSeveralTabs && !c.overlayOpen,
} satisfies Record<string, When>;

/** True when a command with this `when` applies (no `when` means always). */
export function applies(predicate: When | undefined, context: WorkbenchContext): boolean {
  return predicate ? predicate(context) : true;
}
