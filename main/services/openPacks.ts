// The course packs an author is working on, kept open between requests: one PackSession
// per pack, so a second look at a file reuses everything the first one read, kept
// current by a watcher on the pack's folder. Every change the watcher reports makes the
// pack's revision grow, so a view that shows a file (the Scenario Graph) can wait for
// the next change instead of asking again and again.

import { createPackSession, type PackSession } from '../../engine/course/packSession';
import type { CourseCatalog } from './courseCatalog';
import { createNodePackReader } from './nodePackReader';
import { watchPack, type PackWatcher, type WatchOptions } from './packWatcher';
import { UserError } from './userError';

/** One open pack. */
export interface OpenPack {
  /** The pack's folder. */
  readonly root: string;
  /** The pack as it reads now: the watcher tells it what changed on disk. */
  readonly session: PackSession;
  /** Grows with every change to the pack's files. */
  readonly revision: number;
  /** Resolves with the revision once it is past `since`, or with the current one after `timeoutMs`. */
  waitForChange(since: number, timeoutMs: number): Promise<number>;
}

/** The packs opened so far. */
export interface OpenPacks {
  /** The open pack of a course (loaded or broken), opened and watched on first use. */
  open(courseId: string): Promise<OpenPack>;
  /** Stops every watcher: the app or browser mode is closing. */
  close(): void;
}

/** Starts a watcher on a pack folder; tests pass one that needs no real folder. */
export type StartWatcher = (root: string, options: WatchOptions) => PackWatcher;

/** Packs opened over the course catalog, each watched with `watch` (by default the platform's best watcher). */
export function createOpenPacks(catalog: CourseCatalog, watch: StartWatcher = watchPack): OpenPacks {
  const packs = new Map<string, { root: string; pack: OpenPack; watcher: PackWatcher }>();

  const openAt = (root: string) => {
    const session = createPackSession(createNodePackReader(root));
    const watcher = watch(root, {
      onChange: (changes) => {
        for (const change of changes) session.fileChanged(change.path);
      },
    });
    const pack: OpenPack = {
      root,
      session,
      get revision() {
        return watcher.seq;
      },
      waitForChange: async (since, timeoutMs) => (await watcher.waitForChanges(since, timeoutMs)).seq,
    };
    return { root, pack, watcher };
  };

  return {
    async open(courseId) {
      const root = await catalog.rootOf(courseId);
      if (!root) throw new UserError('unknown-course', `There is no course with the id "${courseId}" on this computer.`);
      let open = packs.get(courseId);
      // The same id can come to name another folder (a pack moved, or a copy saved): start afresh there.
      if (open && open.root !== root) {
        open.watcher.close();
        open = undefined;
      }
      if (!open) {
        open = openAt(root);
        packs.set(courseId, open);
      }
      return open.pack;
    },
    close() {
      for (const { watcher } of packs.values()) watcher.close();
      packs.clear();
    },
  };
}
