// Broken fixtures are the valid `fixtures/base` pack with a few files replaced: each
// case folder holds only the files it changes, so the one broken thing is plain to see.
// Packs are read into memory and served through a PackReader that records its reads.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackEntry, PackReader } from '../../../engine/course/packReader';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** An in-memory PackReader that remembers which files were read whole. */
export interface MemoryPack extends PackReader {
  files: Map<string, Uint8Array>;
  reads: string[];
}

/** A PackReader over `files` (pack path -> bytes); `sizes` can claim a size without the bytes. */
export function memoryPack(files: Map<string, Uint8Array>, sizes: ReadonlyMap<string, number> = new Map()): MemoryPack {
  const reads: string[] = [];
  const isDir = (dir: string) => dir === '' || [...files.keys()].some((f) => f.startsWith(`${dir}/`));
  return {
    files,
    reads,
    async stat(p): Promise<PackEntry | undefined> {
      const bytes = files.get(p);
      if (bytes) return { kind: 'file', size: sizes.get(p) ?? bytes.length };
      return isDir(p) ? { kind: 'dir', size: 0 } : undefined;
    },
    async readFile(p) {
      reads.push(p);
      const bytes = files.get(p);
      if (!bytes) throw new Error(`no file ${p}`);
      return bytes;
    },
    async list(dir) {
      const prefix = dir === '' ? '' : `${dir}/`;
      return [...new Set([...files.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]!))].sort();
    },
  };
}

/** The files of a fixture folder, by pack path. */
export function readFixtureFiles(name: string): Map<string, Uint8Array> {
  const root = path.join(FIXTURES, name);
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(root, full).split(path.sep).join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(root);
  return files;
}

/** The base pack with the files of fixture `name` laid over it (or the base alone). */
export function fixturePack(name?: string): MemoryPack {
  const files = readFixtureFiles('base');
  if (name) for (const [p, bytes] of readFixtureFiles(name)) files.set(p, bytes);
  return memoryPack(files);
}

/** Text as bytes, for building packs in tests. */
export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
