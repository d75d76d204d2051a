// What floats above the workbench: Quick Open, the Command Palette, the learner
// picker, the export dialogs, the PIN dialog and the confirmation before a learner is
// deleted. Only one at a time, so they are states of one machine.

import { assign, setup } from 'xstate';

/** What the quick input lists. */
export type QuickMode = 'items' | 'commands';

/** Events of the overlay. */
export type OverlayEvent =
  | { type: 'QUICK_OPEN'; mode: QuickMode }
  | { type: 'LEARNER_PICKER' }
  | { type: 'EXPORT'; courseId: string }
  | { type: 'LEARNING_RECORD'; courseId: string }
  | { type: 'PIN' }
  | { type: 'DELETE_LEARNER' }
  | { type: 'CLOSE' };

/** Context of the overlay: the quick input's mode and the course being exported (as SCORM, or as a learning record). */
export interface OverlayContext {
  mode: QuickMode;
  exportCourseId?: string;
  recordCourseId?: string;
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
    LEARNING_RECORD: { target: '.recordDialog', actions: assign(({ event }) => ({ recordCourseId: event.courseId })) },
    PIN: '.pinDialog',
    DELETE_LEARNER: '.deleteLearner',
    CLOSE: '.closed',
  },
  states: {
    closed: {},
    quickInput: {},
    learnerPicker: {},
    exportDialog: {},
    recordDialog: {},
    pinDialog: {},
    deleteLearner: {},
  },
});
