// `hcs new course|module|scenario <path>`: starting files that already validate.
// Nothing is ever overwritten: if any file would be, nothing is written at all. The
// templates and the naming are shared with the workbench's New Module, New Lesson and
// New Scenario (main/templates), so the terminal and the app start authors alike.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lessonMarkdown, moduleYaml, scenarioYaml, type TemplateValues } from '../templates/courseTemplates';
import { FIRST_LESSON, firstLesson, folderAbove, newCourseFiles, SCENARIO_SUFFIX, schemaDirFor, schemaFor, titleFrom, toId } from '../templates/newItems';
import { EXIT, UsageError, type CliCommand } from './command';

export { toId } from '../templates/newItems';

const KINDS = ['course', 'module', 'scenario'] as const;
type Kind = (typeof KINDS)[number];
const COURSE_FILE = 'course.yaml';

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
  if (kind === 'course') return newCourseFiles(target, { id: toId(path.basename(target)), title: titleFrom(path.basename(target)) });
  if (kind === 'module') {
    const schema = schemaFor(target, courseRootAbove(target));
    const module = values(target, target, schema.dir);
    return {
      [path.join(target, 'module.yaml')]: moduleYaml(module, FIRST_LESSON, []),
      [path.join(target, FIRST_LESSON)]: lessonMarkdown(firstLesson(module.id, `${module.id.slice(0, 36)}-o1`)),
      ...schema.files,
    };
  }
  const file = target.endsWith(SCENARIO_SUFFIX) ? target : `${target}${SCENARIO_SUFFIX}`;
  const schema = schemaFor(path.dirname(file), courseRootAbove(path.dirname(file)));
  return { [file]: scenarioYaml(values(file.slice(0, -SCENARIO_SUFFIX.length), path.dirname(file), schema.dir)), ...schema.files };
}

/** Id and title from a path's last part; the schema folder relative to where the file goes. */
function values(named: string, folder: string, schemaDir: string | undefined): TemplateValues {
  const base = path.basename(named);
  const relative = schemaDirFor(folder, schemaDir);
  return { id: toId(base), title: titleFrom(base), ...(relative !== undefined ? { schemaDir: relative } : {}) };
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
