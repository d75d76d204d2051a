// The table of `hcs` subcommands. To add one, write it as a CliCommand in its own
// file beside these (e.g. exportCommand.ts) and list it here; help and argument
// checking pick it up from this table.

import type { CliCommand } from './command';
import { exportCommand } from './exportCommand';
import { newCommand } from './newCommand';
import { schemaCommand } from './schemaCommand';
import { statsCommand } from './statsCommand';
import { validateCommand } from './validateCommand';

/** Every subcommand, in the order `hcs --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  statsCommand,
  newCommand,
  schemaCommand,
  exportCommand,
];
