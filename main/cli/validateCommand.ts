// `hcs validate <pack>...`: every problem in one or more packs, one line each, like tsc.

import { formatDiagnostic, type Diagnostic } from '../../engine/course/diagnostics';
import { EXIT, UsageError, type CliCommand } from './command';
import { loadPackAt } from './loadPack';

/** The validate command. */
export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'hcs validate <pack>... [--json]',
  summary: 'Check course packs and print every problem as file:line:col: severity code: message.',
  options: { json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    if (positionals.length === 0) throw new UsageError('validate needs at least one course pack folder');
    const packs: Array<{ pack: string; diagnostics: Diagnostic[] }> = [];
    for (const pack of positionals) packs.push({ pack, diagnostics: (await loadPackAt(pack, io.cwd)).diagnostics });
    const all = packs.flatMap((p) => p.diagnostics);
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.length - errors;
    if (values['json']) {
      const report = packs.map(({ pack, diagnostics }) => ({ pack, ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics }));
      io.out(`${JSON.stringify({ packs: report, errors, warnings }, null, 2)}\n`);
    } else {
      for (const { pack, diagnostics } of packs) for (const d of diagnostics) io.out(`${formatDiagnostic(d, pack)}\n`);
      const checked = packs.length === 1 ? '1 course pack' : `${packs.length} course packs`;
      io.out(`Checked ${checked}: ${count(errors, 'error')}, ${count(warnings, 'warning')}.\n`);
    }
    return errors > 0 ? EXIT.errors : EXIT.ok;
  },
};

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
