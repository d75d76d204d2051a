// Commands are data, as VS Code's Action2: one registry that the Command Palette,
// the menus, the keybinding dispatcher and the Shortcuts view all read. Each feature
// registers its commands from its own *.contribution.ts file.

import type { Keybinding } from './keybinding';
import type { When } from './when';
import type { WorkbenchServices } from '../services';

/**
 * Every command id, "<area>.<verb>". A feature adds its commands' ids here: then
 * runCommand('...'), a view's command and a suggestion naming an id that no command
 * has fail to compile, and a test checks each id listed here is registered.
 */
export const COMMAND_IDS = [
  'appearance.theme.light',
  'appearance.theme.dark',
  'appearance.theme.high-contrast',
  'appearance.theme.system',
  'appearance.zoomIn',
  'appearance.zoomOut',
  'appearance.zoomReset',
  'author.delete',
  'author.editSource',
  'author.newCourse',
  'author.newLesson',
  'author.newModule',
  'author.newScenario',
  'author.nextProblem',
  'author.openSource',
  'author.previousProblem',
  'author.rename',
  'author.save',
  'author.saveCopy',
  'course.continue',
  'course.exportScorm',
  'course.nextItem',
  'course.openLesson',
  'course.openSource',
  'course.previousItem',
  'course.reload',
  'course.showGlossary',
  'course.showPage',
  'course.showReferences',
  'editor.closeTab',
  'editor.focus',
  'editor.focusTabs',
  'editor.moveTabLeft',
  'editor.moveTabRight',
  'editor.nextTab',
  'editor.previousTab',
  'help.showShortcuts',
  'journal.focusNotes',
  'learner.delete',
  'learner.exportRecord',
  'learner.managePin',
  'learner.switch',
  'scenarioGraph.open',
  'workbench.commandPalette',
  'workbench.focusNextPart',
  'workbench.focusPreviousPart',
  'workbench.focusSideBar',
  'workbench.quickOpen',
  'workbench.showAuthor',
  'workbench.showCourses',
  'workbench.showJournal',
  'workbench.showProblems',
  'workbench.showProgress',
  'workbench.showSearch',
  'workbench.showSettings',
  'workbench.togglePanel',
  'workbench.toggleSideBar',
] as const;

/** A command id. */
export type CommandId = (typeof COMMAND_IDS)[number];

/** A command: what it is called, where it is listed, its shortcut, and what it does. */
export interface Command {
  /** Stable id, "<area>.<verb>", e.g. 'course.openLesson'. */
  id: CommandId;
  title: string;
  /** Shown before the title in the palette: "View: Toggle Panel". */
  category: string;
  keybinding?: Keybinding;
  /** Further keybindings for the same command (e.g. where a browser keeps the first for itself). */
  secondaryKeybindings?: Keybinding[];
  /** When the command applies (see when.ts); without it, always. */
  when?: When;
  /** Hidden from the Command Palette (commands that need arguments). */
  internal?: boolean;
  run(services: WorkbenchServices, ...args: unknown[]): void | Promise<void>;
}

const commands = new Map<CommandId, Command>();
const listeners = new Set<() => void>();
let version = 0;

/** Adds a command; registering an id twice is a programming error. */
export function registerCommand(command: Command): void {
  if (commands.has(command.id)) throw new Error(`Command ${command.id} is registered twice.`);
  commands.set(command.id, command);
  version++;
  for (const l of listeners) l();
}

/** Every registered command, in registration order. */
export function allCommands(): Command[] {
  return [...commands.values()];
}

/** The command with this id, if any. */
export function getCommand(id: CommandId): Command | undefined {
  return commands.get(id);
}

/** Calls back whenever the registry changes; returns the unsubscribe function. */
export function onCommandsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A number that changes with every registration (for useSyncExternalStore). */
export function commandsVersion(): number {
  return version;
}
