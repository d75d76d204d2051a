// What floats above the workbench: Quick Open, the Command Palette, the learner
// picker and the export dialog. Only one at a time, so they are states of one machine.

import { assign, setup } from 'xstate';

/** What the quick input lists. */
export type QuickMode = 'items' | 'commands';

/** Events of the overlay. */
export type OverlayEvent =
  | { type: 'QUICK_OPEN'; mode: QuickMode }
  | { type: 'LEARNER_PICKER' }
  | { type: 'EXPORT'; courseId: string }
  | { type: 'CLOSE' };

/** Context of the overlay: the quick input's mode and the course being exported. */
export interface OverlayContext {
  mode: QuickMode;
  exportCourseId?: string;
}

/** The overlay machine. */
export const overlayMachine = setup({
  types: { context: {} as OverlayContext, events: {} as OverlayEvent },
}).createMachine({
  id: 'overlay',
  context: { mode: 'items' },
  initial: 'closed',
  on: {
    QUICK_OPEN: { target: '.quickInput', actions: assign(({ event }) => ({ mode: event.mode })) },
    LEARNER_PICKER: '.learnerPicker',
    EXPORT: { target: '.exportDialog', actions: assign(({ event }) => ({ exportCourseId: event.courseId })) },
    CLOSE: '.closed',
  },
  states: {
    closed: {},
    quickInput: {},
    learnerPicker: {},
    exportDialog: {},
  },
});
