// What floats above the workbench: Quick Open, the Command Palette, the learner
// picker, the export dialogs, the PIN dialog, the confirmation before a learner is
// deleted and the questions authoring asks (a name, Save or not). Only one at a time,
// so they are states of one machine.

import { assign, setup } from 'xstate';

/** What the quick input lists. */
export type QuickMode = 'items' | 'commands';

/** A question the workbench asks in a dialog: a title, a sentence, an optional text box, and the buttons that answer it. */
export interface PromptRequest {
  /** Numbers the question, so its answer reaches whoever asked it. */
  id: number;
  title: string;
  message?: string;
  /** A text box to fill in (a name), with its label and starting value. */
  input?: { label: string; value: string };
  /** The answers, the first being the default (Enter); Escape or closing answers none. */
  actions: Array<{ id: string; label: string }>;
}

/** Events of the overlay. */
export type OverlayEvent =
  | { type: 'QUICK_OPEN'; mode: QuickMode }
  | { type: 'LEARNER_PICKER' }
  | { type: 'EXPORT'; courseId: string }
  | { type: 'LEARNING_RECORD'; courseId: string }
  | { type: 'PIN' }
  | { type: 'DELETE_LEARNER' }
  | { type: 'PROMPT'; prompt: PromptRequest }
  | { type: 'CLOSE' };

/** Context of the overlay: the quick input's mode, the course being exported (as SCORM, or as a learning record), the question being asked. */
export interface OverlayContext {
  mode: QuickMode;
  exportCourseId?: string;
  recordCourseId?: string;
  prompt?: PromptRequest;
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
    PROMPT: { target: '.prompt', actions: assign(({ event }) => ({ prompt: event.prompt })) },
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
    prompt: {},
  },
});
