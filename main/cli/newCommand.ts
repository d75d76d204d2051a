// `hcs new course|module|scenario <path>`: starting files that already validate.
// Nothing is ever overwritten: if any file would be, nothing is written at all.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateJsonSchemas } from '../../engine/course/jsonSchemas';
import { ID_PATTERN, MAX_ID_LENGTH } from '../../engine/course/schema';
import { EXIT, UsageError, type CliCommand } from './command';
import { courseYaml, lessonMarkdown, moduleYaml, scenarioYaml, type TemplateValues } from './templates/courseTemplates';

const KINDS = ['course', 'module', 'scenario'] as const;
type Kind = (typeof KINDS)[number];
const FIRST_MODULE = 'modules/first-module';
const FIRST_LESSON = '01-first-lesson.md';
const SCENARIO_SUFFIX = '.scenario.yaml';
const COURSE_FILE = 'course.yaml';
/** Folder of a course's JSON Schemas, beside course.yaml. */
const SCHEMA_FOLDER = 'schema';

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
    const schema = schemaFor(target, target);
    const course = values(target, target, schema.dir);
    const module = { ...values(moduleDir, moduleDir, schema.dir), id: 'first-module', title: 'First module' };
    return {
      [path.join(target, 'course.yaml')]: courseYaml(course, FIRST_MODULE),
      [path.join(moduleDir, 'module.yaml')]: moduleYaml(module, FIRST_LESSON, ['co1']),
      [path.join(moduleDir, FIRST_LESSON)]: lessonMarkdown(module.id, `${module.id}-o1`),
      ...schema.files,
    };
  }
  if (kind === 'module') {
    const schema = schemaFor(target, courseRootAbove(target));
    const module = values(target, target, schema.dir);
    return {
      [path.join(target, 'module.yaml')]: moduleYaml(module, FIRST_LESSON, []),
      [path.join(target, FIRST_LESSON)]: lessonMarkdown(module.id, `${module.id.slice(0, 36)}-o1`),
      ...schema.files,
    };
  }
  const file = target.endsWith(SCENARIO_SUFFIX) ? target : `${target}${SCENARIO_SUFFIX}`;
  const schema = schemaFor(path.dirname(file), courseRootAbove(path.dirname(file)));
  return { [file]: scenarioYaml(values(file.slice(0, -SCENARIO_SUFFIX.length), path.dirname(file), schema.dir)), ...schema.files };
}

/**
 * Where the new files' `$schema` points. The nearest schema/ folder above them (the
 * project's own, for a course inside this repository) when there is one; otherwise a
 * copy written into the course, so the reference still resolves wherever the course
 * folder is moved, shared or checked out. Without a course to hold it, no reference.
 */
function schemaFor(start: string, courseRoot: string | undefined): { dir?: string; files: Record<string, string> } {
  const found = schemaDirAbove(start);
  if (found) return { dir: found, files: {} };
  if (!courseRoot) return { files: {} };
  const dir = path.join(courseRoot, SCHEMA_FOLDER);
  const files = Object.fromEntries(Object.entries(generateJsonSchemas()).map(([name, text]) => [path.join(dir, name), text]));
  return { dir, files };
}

/** Id and title from a path's last part; the schema folder relative to where the file goes. */
function values(named: string, folder: string, schemaDir: string | undefined): TemplateValues {
  const base = path.basename(named);
  const id = toId(base);
  const title = base.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
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

/** The nearest folder at or above `start` (up to the file-system root) that `test` accepts. */
function folderAbove(start: string, test: (dir: string) => boolean): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (test(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The nearest schema/ folder with the course schema at or above `start`. */
function schemaDirAbove(start: string): string | undefined {
  const holder = folderAbove(start, (dir) => existsSync(path.join(dir, SCHEMA_FOLDER, 'course.schema.json')));
  return holder && path.join(holder, SCHEMA_FOLDER);
}

/** The course a new module or scenario goes into: the nearest folder above it holding course.yaml. */
function courseRootAbove(start: string): string | undefined {
  return folderAbove(start, (dir) => existsSync(path.join(dir, COURSE_FILE)));
}

function nextStep(kind: Kind, target: string): string {
  if (kind === 'course') return `Next: hcs validate ${target}`;
  if (kind === 'module') return 'Next: list the module folder under `modules` in course.yaml, map its outcome to a course outcome, then run hcs validate on the course.';
  return 'Next: list the scenario file under `scenarios` in its module.yaml, then run hcs validate on the course.';
}

