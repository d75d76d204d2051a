// `when` predicates decide whether a command applies now, as VS Code's when clauses
// do, but typed: a command's `when` is a function of the WorkbenchContext, so a
// misspelt key fails to compile instead of silently reading as false.

import type { SnapshotFrom } from 'xstate';
import { docKey, isDirty, type authorMachine } from '../state/authorMachine';
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
  /** The tab in front is a course file in a source editor. */
  activeIsSource: boolean;
  /** The source tab in front holds text that is not saved. */
  activeSourceDirty: boolean;
  /** The workbench's course is a pack on this computer (loaded or broken): the Author view works on it. */
  packOpen: boolean;
  /** Keyboard focus is in the Files view (where Delete and F2 act on files). */
  filesFocused: boolean;
  /** The author's open packs have at least one problem to go to. */
  hasProblems: boolean;
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
  author?: SnapshotFrom<typeof authorMachine>,
  focus: { filesFocused?: boolean } = {},
): WorkbenchContext {
  const l = layout.context;
  const active = l.activeTab === undefined ? undefined : l.tabs[l.activeTab];
  const docs = author?.context.docs ?? {};
  const packs = author?.context.packs ?? {};
  return {
    learnerReady: session.matches('ready'),
    courseOpen: Boolean(l.openCourseId && session.context.opened[l.openCourseId]),
    editorHasTabs: l.tabs.length > 0,
    editorHasSeveralTabs: l.tabs.length > 1,
    activeIsLesson: active?.kind === 'lesson',
    activeIsScenario: active?.kind === 'scenario',
    activeIsSource: active?.kind === 'file',
    activeSourceDirty: active?.kind === 'file' && isDirty(docs[docKey(active.courseId, active.itemId)]),
    packOpen: Boolean(l.openCourseId && session.context.courses.some((c) => c.id === l.openCourseId)),
    filesFocused: focus.filesFocused ?? false,
    hasProblems: Object.values(packs).some((p) => (p.diagnostics?.length ?? 0) > 0),
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
  /** A pack is open for authoring and nothing covers the workbench. */
  packFree: (c: WorkbenchContext) => c.learnerReady && c.packOpen && !c.overlayOpen,
  /** Focus is in the Files view and nothing covers it. */
  filesFocused: (c: WorkbenchContext) => c.learnerReady && c.filesFocused && !c.overlayOpen,
  activeIsSource: (c: WorkbenchContext) => c.activeIsSource && !c.overlayOpen,
} satisfies Record<string, When>;

/** True when a command with this `when` applies (no `when` means always). */
export function applies(predicate: When | undefined, context: WorkbenchContext): boolean {
  return predicate ? predicate(context) : true;
}
