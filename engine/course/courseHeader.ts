// What can be told about a pack that does not load: its id, title and summary, read
// leniently from course.yaml so the library can still list it as broken by name.

import type { CourseLevel } from './model';
import type { PackReader } from './packReader';
import { readPackText } from './packText';
import { parseYaml } from './yamlSource';

/** The fields of course.yaml that name a course, each present only if readable. */
export interface CourseHeader {
  id?: string;
  title?: string;
  summary?: string;
  level?: CourseLevel;
  /** False when course.yaml keeps the pack out of the course list. */
  listed?: false;
}

/** Reads whatever naming fields course.yaml has, ignoring every error (loadCourse reports them). */
export async function readCourseHeader(reader: PackReader): Promise<CourseHeader> {
  const read = await readPackText(reader, 'course.yaml').catch(() => undefined);
  if (read?.kind !== 'text') return {};
  const value = parseYaml(read.text).value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const fields = value as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' && fields[key] !== '' ? (fields[key] as string) : undefined);
  const header: CourseHeader = {};
  const id = text('id');
  const title = text('title');
  const summary = text('summary');
  if (id !== undefined) header.id = id;
  if (title !== undefined) header.title = title;
  if (summary !== undefined) header.summary = summary;
  const level = fields['level'] as Partial<CourseLevel> | undefined;
  if (level && (level.award === 'undergraduate' || level.award === 'postgraduate') && [4, 5, 6, 7, 8].includes(level.fheq as number)) {
    header.level = { award: level.award, fheq: level.fheq as CourseLevel['fheq'] };
  }
  if (fields['listed'] === false) header.listed = false;
  return header;
}
