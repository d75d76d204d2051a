// `hcs export <pack> --standard scorm12|scorm2004 [--sco module|course] [--lms <lms>] --out <zip>`:
// writes a SCORM package an LMS imports, the same export the app's dialog runs. `--lms`
// names the LMS the package is for: it picks how the package is cut when `--sco` is not
// given, and warns when the cut asked for is one that LMS cannot play.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../../engine/course/diagnostics';
import { LMS_PROFILES, lmsProfile, scoModeProblem } from '../../engine/scorm/lmsProfiles';
import { exportScorm } from '../services/scormExport';
import { UserError } from '../services/userError';
import { EXIT, UsageError, type CliCommand } from './command';
import { loadPackAt } from './loadPack';

/** Folders the export reads built and shipped files from. */
export interface ExportPaths {
  runtimeDir: string;
  xsdDir: string;
}

/** The app folder: the nearest folder up from this file that holds the shipped schema files. */
function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'resources', 'scorm-xsd')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Where a checkout or an installed copy keeps the SCORM runtime and schemas. */
export function defaultExportPaths(root = appRoot()): ExportPaths {
  return { runtimeDir: path.join(root, 'dist', 'scorm-runtime'), xsdDir: path.join(root, 'resources', 'scorm-xsd') };
}

const STANDARDS = ['scorm12', 'scorm2004'] as const;
const SCO_MODES = ['module', 'course'] as const;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed.join('');
  throw new UsageError(`--${option} must be ${list}${value === undefined ? '' : `, not "${String(value)}"`}`);
}

/** Builds the export command over the given folders (tests point them at fixtures). */
export function createExportCommand(paths: ExportPaths = defaultExportPaths()): CliCommand {
  return {
    name: 'export',
    usage: `hcs export <pack> --standard scorm12|scorm2004 [--sco module|course] [--lms ${LMS_PROFILES.map((p) => p.id).join('|')}] --out <zip>`,
    summary: 'Write a SCORM package of a course for an LMS: one SCO per module by default (one for the course for Open edX).',
    options: { standard: { type: 'string' }, sco: { type: 'string' }, lms: { type: 'string' }, out: { type: 'string' } },
    async run({ positionals, values }, io) {
      if (positionals.length !== 1) throw new UsageError('export needs exactly one course pack folder');
      const standard = oneOf(values['standard'], STANDARDS, 'standard');
      const lms = lmsProfile(oneOf(values['lms'] ?? 'generic', LMS_PROFILES.map((p) => p.id), 'lms'))!;
      const sco = oneOf(values['sco'] ?? lms.defaultSco, SCO_MODES, 'sco');
      if (typeof values['out'] !== 'string' || !values['out']) throw new UsageError('--out must name the zip file to write');
      const pack = positionals[0]!;
      const packDir = path.resolve(io.cwd, pack);
      const { course, diagnostics } = await loadPackAt(pack, io.cwd);
      if (!course) {
        for (const d of diagnostics) if (d.severity === 'error') io.err(`${formatDiagnostic(d, pack)}\n`);
        io.err(`hcs export: ${pack} has errors, so it was not exported; fix them first (hcs validate ${pack}).\n`);
        return EXIT.errors;
      }
      const outPath = path.resolve(io.cwd, values['out']);
      try {
        const result = await exportScorm(
          { courseId: course.id, standard, sco, outPath },
          {
            catalog: { load: async (id) => (id === course.id ? course : undefined), rootOf: async (id) => (id === course.id ? packDir : undefined) },
            ...paths,
          },
        );
        for (const w of result.warnings) io.err(`hcs export: note: ${w}\n`);
        const unplayable = scoModeProblem(lms.id, sco);
        if (unplayable) io.err(`hcs export: warning: ${unplayable.problem}; export with --sco course for ${unplayable.lms.name}.\n`);
        const count = course.modules.length;
        const scos = sco === 'module' ? `${count === 1 ? 'one SCO' : `${count} SCOs`}, one per module` : 'one SCO for the whole course';
        io.out(`Wrote ${path.relative(io.cwd, outPath) || outPath} (${result.bytes} bytes): ${course.title}, ${standard === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004 4th Edition'}, ${scos}.\n`);
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        io.err(`hcs export: ${error.message}\n`);
        return EXIT.errors;
      }
    },
  };
}

/** The export command as `hcs` registers it. */
export const exportCommand: CliCommand = createExportCommand();
