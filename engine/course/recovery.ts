// What can still be read from a course.yaml or module.yaml that has errors. One broken
// field must not hide the problems of the lessons and scenarios below it, nor make
// the rest of the course look wrong: each field is taken only if it is right on its
// own (checked with the field's own schema), and a check that needs a field that
// could not be read is skipped rather than guessed at. The errors themselves are
// reported by the loader; nothing here reports anything.

import type { PackReader } from './packReader';
import type { YamlSource } from './yamlSource';
import { joinPackPath } from './packPath';
import { ID_PATTERN, MAX_ID_LENGTH } from './schema';

/** The fields of a module.yaml that could be read, each only if it is right. */
export interface KnownModule {
  /**
   * False when the fields came from a text with syntax errors. Such a reading may be
   * cut short or misread past the error, so it is used only to find files that exist
   * and to know the module's id, never to judge a reference.
   */
  whole: boolean;
  id?: string;
  /** Outcome ids, present only when every outcome has a readable id (else a lesson's outcome cannot be judged). */
  outcomeIds?: string[];
  /** Each outcome's course outcomes, where that outcome's list could be read. */
  courseOutcomes: Array<{ index: number; outcomeId: string; ids: Array<{ index: number; id: string }> }>;
  /** Prerequisites in list order, undefined where an entry is not an id (zod reports those). */
  prerequisites?: Array<string | undefined>;
  /** Lesson and scenario entries as written with their place in the list, or undefined when the list could not be read. */
  lessons?: ListEntry[];
  scenarios?: ListEntry[];
}

/** A file named in a module's or course's list, and its index there. */
export interface ListEntry {
  index: number;
  entry: string;
}

/** The fields of a course.yaml that could be read, each only if it is right. */
export interface KnownCourse {
  /** Course outcome ids, present only when every outcome has a readable id. */
  outcomeIds?: string[];
  /** Module folders as written, or undefined when the list could not be read. */
  modules?: ListEntry[];
}

/**
 * True when a YAML text was read whole: it has a value, or nothing was wrong with it.
 * A text with a syntax error, lists nested too deep or a key that is a list has no
 * value, only what the parser could still read (`partial`), which is used to find
 * files and never to judge a reference.
 */
export function parsedWhole(source: YamlSource): boolean {
  return source.value !== undefined || source.findings.length === 0;
}

/** True for a string the id schema accepts. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

function fieldsOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The non-empty strings of a list with their indexes, or undefined when it is not a list. */
function textList(value: unknown): ListEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((entry, index) => (typeof entry === 'string' && entry.trim() !== '' ? [{ index, entry }] : []));
}

/** Ids of a list of `{ id }` items, or undefined unless every item has a readable id. */
function itemIds(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids = value.map((item) => fieldsOf(item)?.['id']);
  return ids.every(isId) ? (ids as string[]) : undefined;
}

/**
 * Reads what it can of a module.yaml's value. `whole` is false when the value came
 * from a text with syntax errors: then a list that is absent may only have been lost
 * to the error, so it is left unknown rather than taken as empty.
 */
export function recoverModule(value: unknown, whole: boolean): KnownModule {
  const fields = fieldsOf(value) ?? {};
  const known: KnownModule = { whole, courseOutcomes: [] };
  if (isId(fields['id'])) known.id = fields['id'];
  const lessons = textList(fields['lessons']);
  if (lessons) known.lessons = lessons;
  const scenarios = textList(fields['scenarios']);
  if (scenarios) known.scenarios = scenarios;
  else if (fields['scenarios'] === undefined && whole) known.scenarios = [];
  if (!whole) return known;
  const outcomeIds = itemIds(fields['outcomes']);
  if (outcomeIds) known.outcomeIds = outcomeIds;
  if (Array.isArray(fields['outcomes'])) {
    fields['outcomes'].forEach((item, index) => {
      const outcome = fieldsOf(item);
      const ids = outcome?.['courseOutcomes'];
      if (!outcome || !isId(outcome['id']) || !Array.isArray(ids)) return;
      known.courseOutcomes.push({ index, outcomeId: outcome['id'], ids: ids.flatMap((id, i) => (isId(id) ? [{ index: i, id }] : [])) });
    });
  }
  const prerequisites = fields['prerequisites'];
  if (Array.isArray(prerequisites)) known.prerequisites = prerequisites.map((id) => (isId(id) ? id : undefined));
  else if (prerequisites === undefined) known.prerequisites = [];
  return known;
}

/** Reads what it can of a course.yaml's value (see recoverModule for `whole`). */
export function recoverCourse(value: unknown, whole: boolean): KnownCourse {
  const fields = fieldsOf(value) ?? {};
  const known: KnownCourse = {};
  const outcomeIds = whole ? itemIds(fields['outcomes']) : undefined;
  if (outcomeIds) known.outcomeIds = outcomeIds;
  const modules = textList(fields['modules']);
  if (modules) known.modules = modules;
  return known;
}

/** Lesson files of a module folder, for a module.yaml whose list cannot be read: Markdown files that open with front matter. */
export const LESSON_FILE = /\.md$/i;
/** Scenario files of a module folder, by the naming `hcs new` and the format use. */
export const SCENARIO_FILE = /\.scenario\.ya?ml$/i;

/**
 * The entries of a list read from a text with syntax errors that name a `kind` that
 * exists under `base`: an entry past the error may be a misreading, and calling it
 * missing would be a false error (HCS027 names what was checked instead).
 */
export async function existingEntries(reader: PackReader, base: string, entries: readonly ListEntry[], kind: 'file' | 'dir'): Promise<ListEntry[]> {
  const found = await Promise.all(
    entries.map(async (e) => {
      const path = joinPackPath(base, e.entry);
      return path !== undefined && path !== '' && (await reader.stat(path).catch(() => undefined))?.kind === kind;
    }),
  );
  return entries.filter((_, i) => found[i]);
}
