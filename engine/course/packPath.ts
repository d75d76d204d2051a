// Paths inside a pack are posix, relative to its root, and may never climb out of it:
// a pack is copied into SCORM zips and served by a protocol that refuses such paths.

/** Joins `relative` onto the folder `base` and normalises it; undefined when it is absolute or leaves the pack. */
export function joinPackPath(base: string, relative: string): string | undefined {
  if (relative.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(relative) || relative.includes('\\')) return undefined;
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** The folder part of a pack path ('' for a file at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
