// The file system behind the engine's PackReader port, confined to one pack folder.
// Calls are synchronous inside the async interface on purpose: a pack is thousands of
// small files, and a promise round trip through the thread pool per stat and per read
// cost several times the reading itself (see tests/bench/RESULTS.md). Each call is
// microseconds, so the event loop is never held for long.
//
// A symbolic link may lead out of the pack (media/secret.png -> /etc/passwd). Such a
// path is reported as `outside`, and never read: the loader names it, and nothing of
// what it points at reaches a learner, a diagnostic or a SCORM package. Where each
// path really is comes from its folder's real path (found once per folder) and an
// lstat of its own name, so a pack without links costs no more than before.

import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { PackEntry, PackReader } from '../../engine/course/packReader';

/** A PackReader over the folder `root`; paths that would leave it read as absent, links that leave it as `outside`. */
export function createNodePackReader(root: string): PackReader {
  const base = path.resolve(root);
  const resolve = (relative: string): string | undefined => {
    const full = path.resolve(base, relative);
    return full === base || full.startsWith(base + path.sep) ? full : undefined;
  };
  const realPaths = new Map<string, string | undefined>();
  /** The real path of `full` (links followed), or undefined when nothing is there. */
  const realPathOf = (full: string, own?: Stats): string | undefined => {
    if (realPaths.has(full)) return realPaths.get(full);
    let real: string | undefined;
    try {
      const stats = own ?? lstatSync(full);
      if (full === base || stats.isSymbolicLink()) real = realpathSync.native(full);
      else {
        const parent = realPathOf(path.dirname(full));
        real = parent === undefined ? undefined : path.join(parent, path.basename(full));
      }
    } catch {
      real = undefined;
    }
    realPaths.set(full, real);
    return real;
  };
  const leadsOutside = (full: string, own?: Stats): boolean => {
    const realBase = realPathOf(base);
    const real = realPathOf(full, own);
    return realBase !== undefined && real !== undefined && real !== realBase && !real.startsWith(realBase + path.sep);
  };
  return {
    async stat(relative): Promise<PackEntry | undefined> {
      const full = resolve(relative);
      if (!full) return undefined;
      try {
        const own = lstatSync(full, { throwIfNoEntry: false });
        if (!own) return undefined;
        const s = own.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : own;
        if (!s) return undefined;
        const outside = leadsOutside(full, own) ? { outside: true } : {};
        if (s.isFile()) return { kind: 'file', size: s.size, ...outside };
        if (s.isDirectory()) return { kind: 'dir', size: 0, ...outside };
        return undefined;
      } catch {
        return undefined;
      }
    },
    async readFile(relative): Promise<Uint8Array> {
      const full = resolve(relative);
      if (!full) throw new Error(`${relative} is outside the course pack`);
      if (leadsOutside(full)) throw new Error(`${relative} is a link that leads outside the course pack`);
      return readFileSync(full);
    },
    async list(relative): Promise<string[]> {
      const full = resolve(relative);
      if (!full || leadsOutside(full)) return [];
      try {
        return readdirSync(full).sort();
      } catch {
        return [];
      }
    },
  };
}
