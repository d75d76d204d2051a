// `when` predicates read a typed context derived from the workbench's machines.

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { applies, when, workbenchContext, type WorkbenchContext } from '../../../../renderer/workbench/commands/when';
import { layoutMachine } from '../../../../renderer/workbench/state/layoutMachine';
import { overlayMachine } from '../../../../renderer/workbench/state/overlayMachine';
import { sessionMachine } from '../../../../renderer/workbench/state/sessionMachine';
import { fakeStudioApi } from '../../../fakes/fakeStudioApi';

const context = (overrides: Partial<WorkbenchContext> = {}): WorkbenchContext => ({
  learnerReady: true,
  courseOpen: true,
  editorHasTabs: true,
  editorHasSeveralTabs: false,
  activeIsLesson: true,
  activeIsScenario: false,
  activeIsSource: false,
  activeSourceDirty: false,
  packOpen: true,
  filesFocused: false,
  hasProblems: false,
  overlayOpen: false,
  ...overrides,
});

describe('when predicates', () => {
  it('hold with no predicate', () => expect(applies(undefined, context({ learnerReady: false }))).toBe(true));

  it('keep editor commands away while an overlay covers the editor', () => {
    expect(applies(when.editorHasTabs, context())).toBe(true);
    expect(applies(when.editorHasTabs, context({ overlayOpen: true }))).toBe(false);
    expect(applies(when.editorHasSeveralTabs, context())).toBe(false);
  });

  it('need a learner for the workbench’s commands', () => {
    expect(applies(when.workbenchFree, context({ learnerReady: false }))).toBe(false);
    expect(applies(when.learnerReady, context())).toBe(true);
  });
});

describe('the workbench context', () => {
  it('is read from the session, the layout and the overlay', () => {
    const session = createActor(sessionMachine, { input: { api: fakeStudioApi().api } });
    const layout = createActor(layoutMachine).start();
    const overlay = createActor(overlayMachine).start();
    layout.send({ type: 'RESTORE', state: { tabs: [{ courseId: 'ug', kind: 'scenario', itemId: 's' }, { courseId: 'ug', kind: 'lesson', itemId: 'l' }], activeTab: 0, sideBarView: 'courses', sideBarVisible: true, panelVisible: false, theme: 'light', zoom: 1 } });
    expect(workbenchContext(session.getSnapshot(), layout.getSnapshot(), overlay.getSnapshot())).toEqual({
      learnerReady: false,
      courseOpen: false,
      editorHasTabs: true,
      editorHasSeveralTabs: true,
      activeIsLesson: false,
      activeIsScenario: true,
      activeIsSource: false,
      activeSourceDirty: false,
      packOpen: false,
      filesFocused: false,
      hasProblems: false,
      overlayOpen: false,
    });
  });
});
