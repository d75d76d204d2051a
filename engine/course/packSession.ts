// A course pack kept open while an author edits it: the first check loads the whole
// pack, and each later check after one file changed reuses everything else. An editor's
// unsaved text for a file stands in for the disk copy, so diagnostics follow typing
// rather than saving. The reuse never changes an answer: what is kept is keyed by each
// file's text (see loadCache.ts), the stats and listings are dropped for every path a
// change touches, and the steps across files always run again, so a re-check reports
// exactly what a full load of the same files would (tests/engine/course/packSession.test.ts
// holds it to that with random edits).

import { loadCourse, type LoadResult } from './courseLoader';
import type { LoadCache } from './loadCache';
import type { Course } from './model';
import type { PackEntry, PackReader } from './packReader';
import { readPackText, type ReadOutcome } from './packText';
import { scenarioGraph, type ScenarioGraph } from '../scenario/scenarioGraph';
import { loadScenario, type ScenarioLoad } from './scenarioLoader';

/** An open pack that re-checks what changed. */
export interface PackSession {
  /** Checks the pack as it now reads (disk, with unsaved editor text laid over it). */
  check(): Promise<LoadResult>;
  /** An editor holds unsaved text for `path`: it stands in for the disk copy until cleared. */
  setBuffer(path: string, text: string): void;
  /** The editor's text for `path` is saved or discarded: the disk copy counts again. */
  clearBuffer(path: string): void;
  /** Something changed on disk at `path`: a file or folder written, created, renamed or removed. */
  fileChanged(path: string): void;
  /** One file changed (`text`: an editor's unsaved text; absent: a change on disk), then checks. */
  recheck(path: string, text?: string): Promise<LoadResult>;
  /** The scenario file at `path` as its current text reads, loaded with the same cache as the checks. */
  scenarioFile(path: string): Promise<ScenarioLoad | undefined>;
  /** The Scenario Graph of the scenario file at `path` as its current text reads, or undefined when it cannot be read as text. */
  scenarioGraph(path: string): Promise<ScenarioGraph | undefined>;
  /** The course of the last check that had no error: what a preview keeps showing while the text is broken. */
  readonly lastGoodCourse: Course | undefined;
  /** The scenario files the last check read (a broken pack's too), in path order: what the Scenario Graph can show. */
  readonly scenarioFiles: readonly string[];
}

// TextEncoder is in every runtime the engine meets; the engine compiles without DOM or
// Node types, so it is looked up and typed here (as packText.ts does for TextDecoder).
const Utf8Encoder = (globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }).TextEncoder;

interface Derived {
  text: string;
  value: unknown;
}

/** Opens the pack that `reader` reads (usually a folder on disk). Nothing is read until the first check. */
export function createPackSession(reader: PackReader): PackSession {
  const stats = new Map<string, Promise<PackEntry | undefined>>();
  const lists = new Map<string, Promise<string[]>>();
  const reads = new Map<string, Promise<ReadOutcome>>();
  const files = new Map<string, Promise<Uint8Array>>();
  const derived = new Map<string, Derived>();
  const buffers = new Map<string, Uint8Array>();
  const encoder = new Utf8Encoder();
  let queue: Promise<unknown> = Promise.resolve();
  let lastGood: Course | undefined;
  let scenarioFiles: readonly string[] = [];

  // The pack as it reads now: the disk through caches, with editor text laid over it.
  const view: PackReader = {
    stat(path) {
      const buffer = buffers.get(path);
      if (buffer) return Promise.resolve({ kind: 'file', size: buffer.length });
      let entry = stats.get(path);
      if (!entry) stats.set(path, (entry = reader.stat(path).catch(() => undefined)));
      return entry;
    },
    readFile(path) {
      const buffer = buffers.get(path);
      if (buffer) return Promise.resolve(buffer);
      // Kept like the stats: the media checks read images' bytes on every load.
      let bytes = files.get(path);
      if (!bytes) {
        files.set(path, (bytes = reader.readFile(path)));
        bytes.catch(() => files.delete(path));
      }
      return bytes;
    },
    async list(dir) {
      let names = lists.get(dir);
      if (!names) lists.set(dir, (names = reader.list(dir).catch(() => [])));
      const prefix = dir === '' ? '' : `${dir}/`;
      const buffered = [...buffers.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
      return buffered.length === 0 ? names : [...new Set([...(await names), ...buffered])].sort();
    },
  };

  const cache: LoadCache = {
    read(path) {
      let outcome = reads.get(path);
      if (!outcome) reads.set(path, (outcome = readPackText(view, path)));
      return outcome;
    },
    derive<T>(step: string, file: string, text: string, make: () => T): T {
      const key = `${step}\0${file}`;
      const kept = derived.get(key);
      if (kept && kept.text === text) return kept.value as T;
      const value = make();
      derived.set(key, { text, value });
      return value;
    },
  };

  /** Forgets what is known about `path`, everything under it, and the listings and stats of the folders above it. */
  const forget = (path: string) => {
    const under = `${path}/`;
    for (const map of [stats, lists, reads, files]) {
      for (const key of map.keys()) if (key === path || key.startsWith(under)) map.delete(key);
    }
    for (let slash = path.lastIndexOf('/'); ; slash = path.lastIndexOf('/', slash - 1)) {
      const folder = slash < 0 ? '' : path.slice(0, slash);
      lists.delete(folder);
      stats.delete(folder);
      if (slash <= 0) break;
    }
  };

  // Checks run one at a time, each on the pack as it reads when it starts.
  const check = (): Promise<LoadResult> => {
    const run = queue.then(async () => {
      // The loader builds each scenario file it reaches through derive('scenario'), so
      // noting those calls lists the pack's scenarios even where course.yaml or a
      // module.yaml is too broken to list them itself.
      const seen = new Set<string>();
      const noting: LoadCache = {
        read: cache.read,
        derive: (step, file, text, make) => {
          if (step === 'scenario') seen.add(file);
          return cache.derive(step, file, text, make);
        },
      };
      const result = await loadCourse(view, noting);
      if (result.course) lastGood = result.course;
      scenarioFiles = [...seen].sort();
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const scenarioFile = async (path: string): Promise<ScenarioLoad | undefined> => {
    const read = await cache.read(path, () => readPackText(view, path));
    if (read.kind !== 'text') return undefined;
    return cache.derive('scenario', path, read.text, () => loadScenario(read.text, path));
  };

  return {
    check,
    setBuffer(path, text) {
      buffers.set(path, encoder.encode(text));
      reads.delete(path);
    },
    clearBuffer(path) {
      if (buffers.delete(path)) reads.delete(path);
    },
    fileChanged: forget,
    recheck(path, text) {
      if (text === undefined) forget(path);
      else {
        buffers.set(path, encoder.encode(text));
        reads.delete(path);
      }
      return check();
    },
    scenarioFile,
    async scenarioGraph(path) {
      const load = await scenarioFile(path);
      return load && scenarioGraph(load, path);
    },
    get lastGoodCourse() {
      return lastGood;
    },
    get scenarioFiles() {
      return scenarioFiles;
    },
  };
}
