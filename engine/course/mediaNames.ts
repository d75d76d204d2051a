// Media names that work on the author's disk but not on every learner's: a pack is
// copied to Windows laptops and macOS, unzipped by LMSs on Linux, and served by URL.
// A name Windows keeps for a device (CON, NUL, COM1...), a character Windows forbids,
// a trailing dot or space Windows drops, or two names that differ only in case (one
// file on Windows and macOS) each break the image somewhere, so each is reported at
// the image that uses it.

import type { PackReader } from './packReader';

const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"|?*\\\u0000-\u001f]/;

/** Why a pack path would break on Windows (the end of a sentence), or undefined when every part of it is safe. */
export function windowsNameProblem(path: string): string | undefined {
  for (const name of path.split('/')) {
    if (DEVICE_NAME.test(name)) return `the name \`${name}\` is kept by Windows for a device, so the file cannot be made or opened there: rename it`;
    const forbidden = FORBIDDEN.exec(name);
    if (forbidden) {
      return `the name \`${name}\` holds \`${forbidden[0]}\`, which Windows does not allow in file names: rename it without < > : " | ? * or \\`;
    }
    if (/[. ]$/.test(name)) return `the name \`${name}\` ends in a dot or space, which Windows drops, so the path would lead elsewhere there: rename it`;
  }
  return undefined;
}

// The names in each folder, listed once per load: a module's lessons share one media folder.
const listings = new WeakMap<PackReader, Map<string, Promise<string[]>>>();

/**
 * Why the file at `path` clashes with another by case (the end of a sentence), or
 * undefined: either its folder holds another name equal but for case, or the name is
 * written in another case than the file's (which a case-insensitive disk hides).
 */
export async function caseProblem(reader: PackReader, path: string): Promise<string | undefined> {
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  let cache = listings.get(reader);
  if (!cache) listings.set(reader, (cache = new Map()));
  let listing = cache.get(folder);
  if (!listing) cache.set(folder, (listing = reader.list(folder).catch(() => [] as string[])));
  const names = await listing;
  const lower = name.toLowerCase();
  const alike = names.filter((n) => n !== name && n.toLowerCase() === lower);
  if (alike.length === 0) return undefined;
  if (!names.includes(name)) {
    return `the file is called \`${alike[0]}\`; on Linux and in a SCORM package the case matters, so write the name exactly as the file has it`;
  }
  return `the folder \`${folder}\` also holds \`${alike[0]}\`, a name that differs only in case; on Windows and macOS the two are one file, so rename one of them`;
}
