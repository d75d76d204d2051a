// `hcs new course|module|scenario <path>`: starting files that already validate.
// Nothing is ever overwritten: if any file would be, nothing is written at all.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ID_PATTERN, MAX_ID_LENGTH } from '../../engine/course/schema';
import { EXIT, UsageError, type CliCommand } from './command';
import { courseYaml, lessonMarkdown, moduleYaml, scenarioYaml, type TemplateValues } from './templates/courseTemplates';

const KINDS = ['course', 'module', 'scenario'] as const;
type Kind = (typeof KINDS)[number];
const FIRST_MODULE = 'modules/first-module';
const FIRST_LESSON = '01-first-lesson.md';
const SCENARIO_SUFFIX = '.scenario.yaml';

/** The new command. */
export const newCommand: CliCommand = {
  name: 'new',
  usage: 'hcs new course|module|scenario <path> [--json]',
  summary: 'Create a course, module or scenario from a template that passes hcs validate.',
  options: { json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    const [kind, target, ...rest] = positionals;
    if (!kind || !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`new needs what to create: ${KINDS.join(', ')}`);
    if (!target || rest.length > 0) throw new UsageError(`new ${kind} needs exactly one path`);
    const files = plan(kind as Kind, path.resolve(io.cwd, target));
    const shown = (file: string) => path.relative(io.cwd, file) || file;
    const taken = Object.keys(files).filter((file) => existsSync(file));
    if (taken.length > 0) {
      io.err(`hcs new: ${taken.map(shown).join(', ')} already exist${taken.length === 1 ? 's' : ''}, and hcs new never overwrites a file; choose another path (nothing was written).\n`);
      return EXIT.errors;
    }
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text, { flag: 'wx' });
    }
    const created = Object.keys(files).map(shown);
    if (values['json']) io.out(`${JSON.stringify({ created }, null, 2)}\n`);
    else {
      for (const file of created) io.out(`created ${file}\n`);
      io.out(`${nextStep(kind as Kind, target)}\n`);
    }
    return EXIT.ok;
  },
};

/** The files to write, by absolute path. */
function plan(kind: Kind, target: string): Record<string, string> {
  if (kind === 'course') {
    const moduleDir = path.join(target, FIRST_MODULE);
    const course = values(target, target);
    const module = { ...values(moduleDir, moduleDir), id: 'first-module', title: 'First module' };
    return {
      [path.join(target, 'course.yaml')]: courseYaml(course, FIRST_MODULE),
      [path.join(moduleDir, 'module.yaml')]: moduleYaml(module, FIRST_LESSON, ['co1']),
      [path.join(moduleDir, FIRST_LESSON)]: lessonMarkdown(module.id, `${module.id}-o1`),
    };
  }
  if (kind === 'module') {
    const module = values(target, target);
    return {
      [path.join(target, 'module.yaml')]: moduleYaml(module, FIRST_LESSON, []),
      [path.join(target, FIRST_LESSON)]: lessonMarkdown(module.id, `${module.id.slice(0, 36)}-o1`),
    };
  }
  const file = target.endsWith(SCENARIO_SUFFIX) ? target : `${target}${SCENARIO_SUFFIX}`;
  return { [file]: scenarioYaml(values(file.slice(0, -SCENARIO_SUFFIX.length), path.dirname(file))) };
}

/** Id and title from a path's last part; the schema folder relative to where the file goes. */
function values(named: string, folder: string): TemplateValues {
  const base = path.basename(named);
  const id = toId(base);
  const title = base.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const schemaDir = findSchemaDir(folder);
  return { id, title: title || 'Untitled', ...(schemaDir ? { schemaDir: path.relative(folder, schemaDir).split(path.sep).join('/') } : {}) };
}

/** A valid id from a file or folder name. */
export function toId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
  return ID_PATTERN.test(slug) ? slug : 'untitled';
}

/** The nearest schema/ folder above `start`, else the one shipped beside this tool. */
function findSchemaDir(start: string): string | undefined {
  const fromTool = path.dirname(fileURLToPath(import.meta.url));
  for (const origin of [start, fromTool]) {
    let dir = path.resolve(origin);
    for (;;) {
      const candidate = path.join(dir, 'schema');
      if (existsSync(path.join(candidate, 'course.schema.json'))) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

function nextStep(kind: Kind, target: string): string {
  if (kind === 'course') return `Next: hcs validate ${target}`;
  if (kind === 'module') return 'Next: list the module folder under `modules` in course.yaml, map its outcome to a course outcome, then run hcs validate on the course.';
  return 'Next: list the scenario file under `scenarios` in its module.yaml, then run hcs validate on the course.';
}

