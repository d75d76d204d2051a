// The file system behind the engine's PackReader port, confined to one pack folder.
// Calls are synchronous inside the async interface on purpose: a pack is thousands of
// small files, and a promise round trip through the thread pool per stat and per read
// cost several times the reading itself (see tests/bench/RESULTS.md). Each call is
// microseconds, so the event loop is never held for long.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PackEntry, PackReader } from '../../engine/course/packReader';

/** A PackReader over the folder `root`; paths that would leave it read as absent. */
export function createNodePackReader(root: string): PackReader {
  const base = path.resolve(root);
  const resolve = (relative: string): string | undefined => {
    const full = path.resolve(base, relative);
    return full === base || full.startsWith(base + path.sep) ? full : undefined;
  };
  return {
    async stat(relative): Promise<PackEntry | undefined> {
      const full = resolve(relative);
      if (!full) return undefined;
      try {
        const s = statSync(full, { throwIfNoEntry: false });
        if (!s) return undefined;
        if (s.isFile()) return { kind: 'file', size: s.size };
        if (s.isDirectory()) return { kind: 'dir', size: 0 };
        return undefined;
      } catch {
        return undefined;
      }
    },
    async readFile(relative): Promise<Uint8Array> {
      const full = resolve(relative);
      if (!full) throw new Error(`${relative} is outside the course pack`);
      return readFileSync(full);
    },
    async list(relative): Promise<string[]> {
      const full = resolve(relative);
      if (!full) return [];
      try {
        return readdirSync(full).sort();
      } catch {
        return [];
      }
    },
  };
}
