// The `hcs` command: course authoring tools over the same engine the app uses.
// bin/hcs.mjs runs the bundled form of this file.

import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { COMMANDS } from './cli/commands';
import { EXIT, UsageError, type CliCommand, type CliIo } from './cli/command';

const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
};

/** Runs `hcs` with `argv` (the arguments after the program name) and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`${name === undefined ? 'hcs: no command given' : `hcs: unknown command "${name}"`}\n${usageLines()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${command.usage}\n${command.summary}\n`);
    return EXIT.ok;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ positionals: parsed.positionals, values: parsed.values }, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`hcs ${command.name}: ${firstLine(error)}\nusage: ${command.usage}\n`);
      return EXIT.usage;
    }
    io.err(`hcs ${command.name}: ${firstLine(error)}\n`);
    return EXIT.errors;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

function usageLines(): string {
  return `usage: ${COMMANDS.map((c: CliCommand) => c.usage).join('\n       ')}\n       hcs --help\n`;
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return `hcs: author and check Health Creation Studio course packs.\n\n${lines.join('\n')}\n\nExit codes: 0 clean, 1 problems found, 2 wrong arguments.\n`;
}

// `node dist/cli.mjs ...` (as npm scripts call it) runs the command too; bin/hcs.mjs imports it instead.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
