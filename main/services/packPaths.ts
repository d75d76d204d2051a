// Where the pack file service may read and write: only real files and folders inside
// one pack's real folder. A path from the workbench is checked as text first (relative,
// '/' between parts, no `..`, names every disk accepts), then walked part by part on
// disk, refusing any part that is a link: a link can point out of the pack, and one
// that points inside it today can be changed tomorrow, so none is followed. Names that
// differ only in letter case from one already there are refused too, since Windows and
// macOS disks treat them as the same name and a pack must move between machines.
//
// The walk guards against mistakes and against packs that carry links (a zip or a git
// checkout can); it cannot stop another program on the same account swapping a folder
// for a link between the check and the write, and does not try to.

import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from './userError';

/** Characters Windows does not allow in a file name (control characters are checked apart). */
const UNSAFE_CHARS = /[<>:"|?*]/;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Longest name in bytes most disks accept. */
const MAX_NAME_BYTES = 255;

/** A path inside a pack, resolved on disk. */
export interface PackLocation {
  /** The path as the workbench names it: relative to the pack, with '/'. */
  relative: string;
  /** The absolute path on disk (inside the pack's real folder). */
  absolute: string;
  /** Whether something is there now. */
  exists: boolean;
  kind?: 'file' | 'folder';
}

/** How names compare on a case-insensitive disk: case and Unicode normalisation folded. */
export function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Why `name` cannot be a new file or folder's name on every disk, or undefined when it can. */
export function unsafeName(name: string): string | undefined {
  if (name === '.' || name === '..') return 'is not a name';
  const control = [...name].find((c) => c < ' ');
  if (control) return `contains \`character ${control.charCodeAt(0)}\`, which Windows does not allow in names`;
  const bad = UNSAFE_CHARS.exec(name);
  if (bad) return `contains \`${bad[0]}\`, which Windows does not allow in names`;
  if (/[. ]$/.test(name)) return 'ends with a dot or a space, which Windows drops from names';
  if (RESERVED.test(name)) return 'is a name Windows reserves for a device';
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

/** The parts of a pack-relative path, or a UserError saying what is wrong with it. */
export function pathParts(relative: string): string[] {
  // Control characters shown as ?, so the sentence stays one readable line.
  const shown = [...relative].map((c) => (c < ' ' ? '?' : c)).join('');
  if (relative.trim() === '') throw new UserError('outside-pack', 'No file was named: name a file inside the course pack, such as modules/intro/01-start.md.');
  if (relative.includes('\0')) throw new UserError('outside-pack', `"${shown}" contains a NUL character, which no file name can hold: name a file inside the course pack.`);
  if (relative.startsWith('/') || relative.startsWith('\\') || /^[A-Za-z]:/.test(relative)) {
    throw new UserError('outside-pack', `"${shown}" is an absolute path: name the file relative to the course pack's folder, such as modules/intro/01-start.md.`);
  }
  if (relative.includes('\\')) throw new UserError('outside-pack', `"${shown}" uses \\ between folders: write / instead, as in modules/intro/01-start.md.`);
  const parts = relative.split('/');
  if (parts.some((p) => p === '..')) throw new UserError('outside-pack', `"${shown}" climbs out with "..": only files inside the course pack can be changed here.`);
  if (parts.some((p) => p === '' || p === '.')) throw new UserError('outside-pack', `"${shown}" has an empty or "." part: write the path as folder/file, such as modules/intro/01-start.md.`);
  return parts;
}

/**
 * Finds `relative` inside the pack whose real folder is `root`, refusing links, case
 * clashes and (when `naming` is true, for a path about to be created) unsafe names.
 */
export async function locate(root: string, relative: string, naming = false): Promise<PackLocation> {
  const parts = pathParts(relative);
  if (!(await lstat(root).then((e) => e.isDirectory(), () => false))) {
    throw new UserError('not-found', `The course folder ${root} is no longer there: it may have been moved or deleted; open the course again from where it is now.`);
  }
  let current = root;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const sofar = parts.slice(0, i + 1).join('/');
    const names = await readdir(current).catch(() => [] as string[]);
    if (!names.includes(part)) {
      const clash = names.find((n) => foldName(n) === foldName(part));
      if (clash !== undefined) {
        const where = i === 0 ? 'the course pack' : parts.slice(0, i).join('/');
        throw new UserError('case-clash', `"${sofar}" differs only in letter case from "${clash}" already in ${where}: Windows and macOS treat them as the same name, so use "${clash}" or choose another name.`);
      }
      if (naming) {
        for (const [k, name] of parts.slice(i).entries()) {
          const why = unsafeName(name);
          if (why) throw new UserError('unsafe-name', `"${parts.slice(0, i + k + 1).join('/')}" ${why}: choose a name of letters, digits, hyphens and dots that every computer accepts.`);
        }
      }
      return { relative, absolute: path.join(current, ...parts.slice(i)), exists: false };
    }
    const next = path.join(current, part);
    const entry = await lstat(next);
    if (entry.isSymbolicLink()) {
      const what = i === parts.length - 1 ? `"${relative}" is` : `"${relative}" goes through "${sofar}", which is`;
      throw new UserError('link', `${what} a link to somewhere else, and Health Creation Studio changes only real files inside the course pack: replace the link with the file or folder itself.`);
    }
    if (i < parts.length - 1 && !entry.isDirectory()) throw new UserError('not-found', `"${sofar}" is a file, not a folder, so "${relative}" cannot be inside it: check the path.`);
    current = next;
  }
  // Every part is a real entry of its folder, so the path is inside the pack; its real
  // path is checked as well, for what lstat does not call a link (a Windows junction).
  const real = await realpath(current);
  if (real !== root && !real.startsWith(root + path.sep)) throw new UserError('link', `"${relative}" leads outside the course pack's folder: Health Creation Studio changes only files inside it.`);
  const entry = await lstat(current);
  return { relative, absolute: current, exists: true, kind: entry.isDirectory() ? 'folder' : 'file' };
}
