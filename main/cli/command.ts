// What every `hcs` subcommand is: a name, its usage, and a function from parsed
// arguments to an exit code. Output goes through CliIo so tests can capture it.

/** Where a command writes and which folder relative paths start from. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** Options a command accepts, in node:util parseArgs form. */
export type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string }>;

/** Arguments after the command name, parsed against its OptionSpec. */
export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One subcommand of `hcs`. */
export interface CliCommand {
  name: string;
  /** One line: the command and its arguments, e.g. `hcs stats <pack> [--json]`. */
  usage: string;
  /** One sentence for `hcs --help`. */
  summary: string;
  options: OptionSpec;
  run(args: CommandArgs, io: CliIo): Promise<number>;
}

/** Bad arguments: the command prints `message` and its usage line, and exits 2. */
export class UsageError extends Error {}

/** Exit codes: 0 clean, 1 the input has errors, 2 the command was called wrongly. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;
