// Save a Copy: the courses installed with the app stay as shipped (an update replaces
// them, and on many systems their folder cannot be written), so an educator who wants
// to change one edits their own copy in their documents. The copy gets its own course
// id and title: the library refuses two packs with one id, and a learner's progress
// in the shipped course must not be mixed with the author's trial runs of the copy.

import { copyFile, lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { isAtomicTemp } from './atomicWrite';
import { UserError } from './userError';
import { setYamlScalar } from './yamlEdits';

/** Where copies of courses go inside the user's documents folder. */
export function copiesFolder(documentsDir: string): string {
  return path.join(documentsDir, 'Health Creation Studio', 'Courses');
}

/** What Save a Copy made. */
export interface PackCopy {
  /** The new pack folder. */
  folder: string;
  /** The copy's course id, when course.yaml could be read. */
  courseId?: string;
  /** Links in the pack that were left out (a copy never follows a link out of the pack). */
  skippedLinks: string[];
}

let counter = 0;

/** Copies the pack in `source` into the copies folder of `documentsDir`, under a name not yet taken. */
export async function copyPackToDocuments(source: string, documentsDir: string): Promise<PackCopy> {
  const parent = copiesFolder(documentsDir);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new UserError('copy-failed', `The folder for your copies, ${parent}, could not be made (${(error as Error).message}): check that your documents folder can be written.`);
  }
  const base = path.basename(source);
  let n = 1;
  const taken = new Set((await readdir(parent)).map((f) => f.toLowerCase()));
  while (taken.has((n === 1 ? base : `${base} ${n}`).toLowerCase())) n++;
  const folder = path.join(parent, n === 1 ? base : `${base} ${n}`);
  // Copied into a hidden folder first and renamed into place, so a half-made copy never shows in the library.
  const staging = path.join(parent, `.${base}.hcs-copy-${process.pid}-${++counter}`);
  const skippedLinks: string[] = [];
  try {
    await copyTree(source, staging, '', skippedLinks);
    const courseId = await renameCourse(path.join(staging, 'course.yaml'), n);
    await rename(staging, folder);
    return { folder, ...(courseId ? { courseId } : {}), skippedLinks };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof UserError) throw error;
    throw new UserError('copy-failed', `The course "${base}" could not be copied to ${folder} (${(error as Error).message}): check that your documents folder has space and can be written, then try again.`);
  }
}

async function copyTree(from: string, to: string, relative: string, skippedLinks: string[]): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    if (name === '.git' || isAtomicTemp(name)) continue;
    const source = path.join(from, name);
    const entry = await lstat(source);
    const shown = relative ? `${relative}/${name}` : name;
    if (entry.isSymbolicLink()) skippedLinks.push(shown);
    else if (entry.isDirectory()) await copyTree(source, path.join(to, name), shown, skippedLinks);
    else if (entry.isFile()) await copyFile(source, path.join(to, name));
  }
}

/** Gives the copy's course.yaml its own id and title; returns the new id, or undefined when course.yaml could not be read. */
async function renameCourse(file: string, n: number): Promise<string | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const value = parseDocument(text, { logLevel: 'error' }).toJS() as { id?: unknown; title?: unknown; listed?: unknown } | null;
  if (typeof value?.id !== 'string') return undefined;
  const suffix = n === 1 ? '-copy' : `-copy-${n}`;
  const id = `${value.id.slice(0, 40 - suffix.length)}${suffix}`;
  let edited = setYamlScalar(text, 'id', id, 'course.yaml');
  if (typeof value.title === 'string') edited = setYamlScalar(edited, 'title', `${value.title} (my copy${n === 1 ? '' : ` ${n}`})`, 'course.yaml');
  // A course kept out of the learners' list (the sample, a model for authors) is copied to be worked on: the copy is listed.
  if (value.listed === false) edited = edited.replace(/^listed:[ \t]*false[ \t]*(#.*)?\r?\n/m, '');
  await writeFile(file, edited);
  return id;
}
