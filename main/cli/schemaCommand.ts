// `hcs schema`: the JSON Schema for editors, generated from the engine's zod schemas.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateJsonSchemas } from '../../engine/course/jsonSchemas';
import { EXIT, UsageError, type CliCommand } from './command';

/** The schema command. */
export const schemaCommand: CliCommand = {
  name: 'schema',
  usage: 'hcs schema [--write | --check] [<dir> | --out <dir>] [--json]',
  summary: 'Print the JSON Schema of course files, write it to a folder, schema/ by default (--write), or check the files there are current (--check).',
  options: { write: { type: 'boolean' }, check: { type: 'boolean' }, out: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    const files = generateJsonSchemas();
    if (positionals.length > 1 || (positionals.length === 1 && typeof values['out'] === 'string')) {
      throw new UsageError('schema takes one folder, either as <dir> or as --out <dir>');
    }
    const named = positionals[0] ?? values['out'];
    const dir = path.resolve(io.cwd, typeof named === 'string' ? named : 'schema');
    const shown = (name: string) => path.relative(io.cwd, path.join(dir, name)) || name;
    if (values['write']) {
      await mkdir(dir, { recursive: true });
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
      if (values['json']) io.out(`${JSON.stringify({ written: Object.keys(files).map(shown) }, null, 2)}\n`);
      else for (const name of Object.keys(files)) io.out(`wrote ${shown(name)}\n`);
      return EXIT.ok;
    }
    if (values['check']) {
      const stale: string[] = [];
      for (const [name, text] of Object.entries(files)) {
        const current = await readFile(path.join(dir, name), 'utf8').catch(() => undefined);
        if (current !== text) stale.push(shown(name));
      }
      if (values['json']) io.out(`${JSON.stringify({ stale }, null, 2)}\n`);
      else if (stale.length > 0) io.err(`${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} out of date with the engine's schema: run "hcs schema --write".\n`);
      else io.out('The JSON Schema files are up to date.\n');
      return stale.length > 0 ? EXIT.errors : EXIT.ok;
    }
    const all = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, JSON.parse(text) as unknown]));
    io.out(`${JSON.stringify(all, null, 2)}\n`);
    return EXIT.ok;
  },
};
