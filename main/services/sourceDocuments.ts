// The documents a course cites, kept as plain text so a learner can read the words a
// citation points at. A reference's document is `sources/<reference id>.txt` (or .md)
// inside the course pack, or in the `sources` folder beside the pack, where courses
// that cite the same documents keep one copy (the shipped courses use courses/sources).
// The text is only ever handed to the renderer as text, never served as a page.

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Course } from '../../engine/course/model';
import { UserError } from './userError';

/** The kinds of file a source document may be, in the order they are looked for. */
export const SOURCE_EXTENSIONS = ['.txt', '.md'] as const;
/** Largest source document shown, in bytes. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

const ID = /^[a-z][a-z0-9-]*$/;

/** The folders looked in for a pack's source documents, nearest first. */
function sourceFolders(packFolder: string): string[] {
  return [path.join(packFolder, 'sources'), path.join(path.dirname(packFolder), 'sources')];
}

/** The file holding a reference's source document, or undefined when none is kept. */
export async function findSourceFile(packFolder: string, referenceId: string): Promise<string | undefined> {
  // Ids are checked at the boundary too; this keeps a path from ever being built from anything else.
  if (!ID.test(referenceId)) return undefined;
  for (const folder of sourceFolders(packFolder)) {
    for (const extension of SOURCE_EXTENSIONS) {
      const file = path.join(folder, `${referenceId}${extension}`);
      if ((await stat(file).catch(() => undefined))?.isFile()) return file;
    }
  }
  return undefined;
}

/** Ids of the course's references that have a source document, in the course's order. */
export async function sourceIds(packFolder: string, course: Course): Promise<string[]> {
  const found = await Promise.all(course.references.map(async (r) => ((await findSourceFile(packFolder, r.id)) ? r.id : undefined)));
  return found.filter((id): id is string => id !== undefined);
}

/** Reads a source document as text; a file too large or not UTF-8 is refused with a sentence naming it. */
export async function readSourceText(file: string, title: string): Promise<string> {
  const size = (await stat(file)).size;
  if (size > MAX_SOURCE_BYTES) {
    throw new UserError('source-too-large', `The copy of "${title}" (${path.basename(file)}) is ${Math.ceil(size / 1024 / 1024)} MB, more than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB a source document may be, so it is not shown.`);
  }
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UserError('source-unreadable', `The copy of "${title}" (${path.basename(file)}) is not UTF-8 text, so it cannot be shown; save it as UTF-8.`);
  }
}
