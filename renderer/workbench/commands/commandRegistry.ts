// Commands are data, as VS Code's Action2: one registry that the Command Palette,
// the menus, the keybinding dispatcher and the Shortcuts view all read. Each feature
// registers its commands from its own *.contribution.ts file.

import type { Keybinding } from './keybinding';
import type { WorkbenchServices } from '../services';

/** A command: what it is called, where it is listed, its shortcut, and what it does. */
export interface Command {
  /** Stable id, "<area>.<verb>", e.g. 'course.openLesson'. */
  id: string;
  title: string;
  /** Shown before the title in the palette: "View: Toggle Panel". */
  category: string;
  keybinding?: Keybinding;
  /** Further keybindings for the same command (e.g. where a browser keeps the first for itself). */
  secondaryKeybindings?: Keybinding[];
  /** Context keys that must hold for the command to run (see when.ts). */
  when?: string;
  /** Hidden from the Command Palette (commands that need arguments). */
  internal?: boolean;
  run(services: WorkbenchServices, ...args: unknown[]): void | Promise<void>;
}

const commands = new Map<string, Command>();
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
export function getCommand(id: string): Command | undefined {
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
