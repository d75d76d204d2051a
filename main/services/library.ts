// The course library: finds course packs under one or more folders, loads each, and
// keeps the loaded courses for opening. A broken pack is listed as broken with its
// diagnostics, so the learner sees which course is broken and why, while the others
// still work.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CourseEntry } from '../../engine/api/studioApi';
import { readCourseHeader } from '../../engine/course/courseHeader';
import { loadCourse } from '../../engine/course/courseLoader';
import type { Diagnostic } from '../../engine/course/diagnostics';
import type { Course } from '../../engine/course/model';
import { createNodePackReader } from './nodePackReader';
import { isReadOnlyPack } from './packFiles';

/** A pack the library found: its folder and what loading it gave. */
export interface LibraryPack {
  /** Absolute path of the pack folder (the one holding course.yaml). */
  folder: string;
  entry: CourseEntry;
  course?: Course;
  /** False when course.yaml keeps the pack out of the course list. */
  listed?: false;
}

/** The course packs under a set of folders. */
export interface Library {
  /** Finds and loads every pack again (unchanged packs come from the cache) and lists them in folder order. */
  refresh(): Promise<CourseEntry[]>;
  /** The packs as of the last refresh, listing them first if never refreshed. */
  list(): Promise<CourseEntry[]>;
  /** The loaded course with this id, or undefined if there is none or it is broken. */
  getCourse(id: string): Promise<Course | undefined>;
  /** The pack folder of the course with this id (broken or not), for serving its media. */
  getPack(id: string): Promise<LibraryPack | undefined>;
  /** Every pack as of the last refresh (listing them first if never refreshed). */
  packs(): Promise<readonly LibraryPack[]>;
  /** Looks for packs under `root` too from the next refresh on (the author's courses folder, once it exists). */
  addRoot(root: string): void;
}

const COURSE_FILE = 'course.yaml';

/**
 * A library over `roots`: each root is a pack itself or a folder of packs (one level down).
 * Packs under `readOnlyRoots` (the courses installed with the app) are listed as read-only.
 */
export function createLibrary(initialRoots: readonly string[], readOnlyRoots: readonly string[] = []): Library {
  const roots = [...initialRoots];
  let packs: LibraryPack[] | undefined;
  const cache = new Map<string, { stamp: string; pack: LibraryPack }>();

  const refresh = async (): Promise<CourseEntry[]> => {
    const found = (await Promise.all(roots.map((root) => findPacks(path.resolve(root))))).flat();
    const named = new Set(found.filter((f) => f.named).map((f) => f.folder));
    const loaded = await Promise.all(
      [...new Set(found.map((f) => f.folder))].map(async (folder) => {
        const stamp = await packStamp(folder);
        const cached = cache.get(folder);
        // An unchanged pack is the same frozen object every time, so whatever is kept per
        // course (search's index of its text) stays valid until the pack really changes.
        if (cached && stamp !== undefined && cached.stamp === stamp) return cached.pack;
        const pack = deepFreeze(await loadPack(folder, await isReadOnlyPack(folder, readOnlyRoots)));
        if (stamp !== undefined) cache.set(folder, { stamp, pack });
        return pack;
      }),
    );
    // A pack kept out of the list (listed: false) is left out only where it was found in a
    // folder of courses; named directly, as an author previewing it would, it is shown.
    packs = markDuplicateIds(loaded.filter((pack) => pack.listed !== false || named.has(pack.folder)));
    return packs.map((p) => p.entry);
  };
  const current = async () => packs ?? (await refresh(), packs!);
  return {
    refresh,
    list: async () => (await current()).map((p) => p.entry),
    getCourse: async (id) => (await current()).find((p) => p.entry.id === id && p.entry.status === 'ok')?.course,
    getPack: async (id) => (await current()).find((p) => p.entry.id === id),
    packs: current,
    addRoot(root) {
      const resolved = path.resolve(root);
      if (!roots.some((r) => path.resolve(r) === resolved)) roots.push(resolved);
    },
  };
}

/**
 * Freezes a loaded pack and everything in it. The library shares one object per pack
 * with every caller instead of copying it at each refresh, so a caller that tried to
 * change it would change it for all; frozen, such a slip throws where it happens.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/** Folders holding a course.yaml: the root itself (named directly), or its immediate subfolders, in name order. */
async function findPacks(root: string): Promise<{ folder: string; named: boolean }[]> {
  if (await isFile(path.join(root, COURSE_FILE))) return [{ folder: root, named: true }];
  const names = await readdir(root).catch(() => [] as string[]);
  const found: { folder: string; named: boolean }[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const folder = path.join(root, name);
    if (await isFile(path.join(folder, COURSE_FILE))) found.push({ folder, named: false });
  }
  return found;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function loadPack(folder: string, readOnly: boolean): Promise<LibraryPack> {
  const reader = createNodePackReader(folder);
  const { course, diagnostics } = await loadCourse(reader);
  const installed = readOnly ? { readOnly: true } : {};
  if (course) {
    const entry: CourseEntry = { id: course.id, title: course.title, summary: course.summary, level: course.level, status: 'ok', diagnostics, ...installed };
    return { folder, entry, course, ...(course.listed === false ? { listed: false as const } : {}) };
  }
  const header = await readCourseHeader(reader);
  const name = path.basename(folder);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const entry: CourseEntry = {
    id: header.id ?? name,
    title: header.title ?? name,
    summary: header.summary ?? `This course has ${errors} error${errors === 1 ? '' : 's'} and cannot be opened until they are fixed.`,
    ...(header.level ? { level: header.level } : {}),
    status: 'broken',
    diagnostics,
    ...installed,
  };
  return { folder, entry, ...(header.listed === false ? { listed: false as const } : {}) };
}

/** A second pack with an id already taken is listed as broken, so opening a course is never ambiguous. */
function markDuplicateIds(packs: LibraryPack[]): LibraryPack[] {
  const first = new Map<string, LibraryPack>();
  return packs.map((pack) => {
    const earlier = first.get(pack.entry.id);
    if (!earlier) {
      first.set(pack.entry.id, pack);
      return pack;
    }
    const clash: Diagnostic = {
      file: COURSE_FILE,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'HCS008',
      message: `duplicate course id \`${pack.entry.id}\`: the pack at ${earlier.folder} already uses it, so this one cannot be opened; give one of them another id`,
    };
    const { course: _dropped, ...rest } = pack;
    return { ...rest, entry: { ...pack.entry, id: `${pack.entry.id}@${path.basename(pack.folder)}`, status: 'broken', diagnostics: [clash, ...pack.entry.diagnostics] } };
  });
}

/** A fingerprint of every file's path, size and mtime in the pack: any edit changes it. */
async function packStamp(folder: string): Promise<string | undefined> {
  try {
    const parts: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true });
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (entry.isFile()) {
          const s = await stat(full);
          parts.push(`${path.relative(folder, full)}:${s.size}:${s.mtimeMs}`);
        }
      }
    };
    await walk(folder);
    return parts.join('\n');
  } catch {
    return undefined;
  }
}
