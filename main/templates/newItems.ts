// Names and values for new course items, shared by `hcs new` and the pack file
// service so a module, lesson or scenario made in the terminal or the app is named and
// filled in the same way.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateJsonSchemas } from '../../engine/course/jsonSchemas';
import { ID_PATTERN, MAX_ID_LENGTH } from '../../engine/course/schema';
import { courseYaml, lessonMarkdown, moduleYaml, type LessonValues } from './courseTemplates';

/** File name of the lesson a new module starts with. */
export const FIRST_LESSON = '01-first-lesson.md';
/** How scenario files end, so the loader's folder fallback and the format agree. */
export const SCENARIO_SUFFIX = '.scenario.yaml';
/** Longest lesson id a template takes: its quiz, question and reflection ids add up to 8 characters. */
export const MAX_LESSON_ID = MAX_ID_LENGTH - '-reflect'.length;

/** A valid id from a file or folder name (or a title), at most `max` characters. */
export function toId(name: string, max = MAX_ID_LENGTH): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return ID_PATTERN.test(slug) ? slug : 'untitled';
}

/** A title from a file or folder name: separators as spaces, first letter capital. */
export function titleFrom(name: string): string {
  const title = name.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()).trim();
  return title || 'Untitled';
}

/** The lesson a new module starts with: its id made from the module's, serving the module's first outcome. */
export function firstLesson(moduleId: string, outcomeId: string | undefined): LessonValues {
  return { id: `${moduleId.slice(0, MAX_LESSON_ID - '-lesson-1'.length).replace(/-+$/, '')}-lesson-1`, title: 'First lesson', outcomes: outcomeId ? [outcomeId] : [] };
}

/** Folder of a course's JSON Schemas, beside course.yaml, when the course carries its own copy. */
export const SCHEMA_FOLDER = 'schema';

/** The nearest folder at or above `start` (up to the file-system root) that `test` accepts. */
export function folderAbove(start: string, test: (dir: string) => boolean): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (test(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Where new files' `$schema` points. The nearest schema/ folder above them (the
 * project's own, for a course inside this repository) when there is one; otherwise a
 * copy written into the course, so the reference still resolves wherever the course
 * folder is moved, shared or checked out. Without a course to hold it, no reference.
 * `files` are the copy's files by absolute path (none when a folder was found).
 */
export function schemaFor(start: string, courseRoot: string | undefined): { dir?: string; files: Record<string, string> } {
  const holder = folderAbove(start, (dir) => existsSync(path.join(dir, SCHEMA_FOLDER, 'course.schema.json')));
  if (holder) return { dir: path.join(holder, SCHEMA_FOLDER), files: {} };
  if (!courseRoot) return { files: {} };
  const dir = path.join(courseRoot, SCHEMA_FOLDER);
  const files = Object.fromEntries(Object.entries(generateJsonSchemas()).map(([name, text]) => [path.join(dir, name), text]));
  return { dir, files };
}

/** The schema folder as a path relative to `folder`, with '/', for a template's schema comment. */
export function schemaDirFor(folder: string, schemaDir: string | undefined): string | undefined {
  return schemaDir === undefined ? undefined : path.relative(folder, schemaDir).split(path.sep).join('/');
}

/** Folder of the first module of a new course, relative to the course. */
export const FIRST_MODULE = 'modules/first-module';

/**
 * The files of a new course in folder `target` (absolute paths): course.yaml, a first
 * module with its first lesson, and the schema copy when no schema folder is above.
 * `hcs new course` and the workbench's New Course both write these.
 */
export function newCourseFiles(target: string, course: { id: string; title: string }): Record<string, string> {
  const moduleDir = path.join(target, FIRST_MODULE);
  const schema = schemaFor(target, target);
  const schemaAt = (folder: string) => {
    const relative = schemaDirFor(folder, schema.dir);
    return relative === undefined ? {} : { schemaDir: relative };
  };
  const module = { id: 'first-module', title: 'First module', ...schemaAt(moduleDir) };
  return {
    [path.join(target, 'course.yaml')]: courseYaml({ ...course, ...schemaAt(target) }, FIRST_MODULE),
    [path.join(moduleDir, 'module.yaml')]: moduleYaml(module, FIRST_LESSON, ['co1']),
    [path.join(moduleDir, FIRST_LESSON)]: lessonMarkdown(firstLesson(module.id, `${module.id}-o1`)),
    ...schema.files,
  };
}
