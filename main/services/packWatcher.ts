// Watches one pack folder so that changes made by another editor (VS Code, a git pull,
// a sync tool) reach the app by themselves. Changes are kept as a feed with increasing
// sequence numbers, which a long-poll Studio API method can serve as it is: a client
// asks for what changed since the last number it saw and waits until something has.
//
// How it watches, by platform:
// - macOS and Windows: one recursive fs.watch, which their own file-event services
//   provide natively.
// - Linux: one non-recursive fs.watch per folder. Node 20's recursive mode on Linux is
//   its own walk over inotify and misses events under folders created while it sets up,
//   and can throw when files are deleted (nodejs/node#48437, #52018); here a new folder
//   gets its own watcher and is walked at once, so files written into it before the
//   watcher existed are reported too.
// - Anywhere fs.watch fails (too many watchers, a network disk): polling every second,
//   comparing each file's size and modification time.
// Events arrive in bursts (an editor's save is often several), so paths are collected
// and published together once the folder has been quiet for a moment. The service's
// own atomic-write temp files and version-control folders are never reported.

import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isAtomicTemp } from './atomicWrite';

/** One changed path: relative to the pack, with '/', and whether something is there now. */
export interface PackChange {
  seq: number;
  path: string;
  exists: boolean;
}

/** The answer to "what changed since n": the changes after it and the latest number; `reset` when n is too old to answer, so the client reloads everything. */
export interface PackChanges {
  seq: number;
  changes: PackChange[];
  reset: boolean;
}

/** A watched pack folder. */
export interface PackWatcher {
  /** The sequence number of the latest change (0 before any). */
  readonly seq: number;
  /** How the folder is watched, for diagnosis. */
  readonly mode: WatchMode;
  changesSince(seq: number): PackChanges;
  /** Resolves with the changes after `seq` as soon as there are any, or with none after `timeoutMs`. */
  waitForChanges(seq: number, timeoutMs: number): Promise<PackChanges>;
  close(): void;
}

/** How a folder is watched. */
export type WatchMode = 'recursive' | 'per-folder' | 'poll';

/** Options; the defaults suit the workbench. */
export interface WatchOptions {
  /** Quiet time before a burst of events is published, in ms. */
  debounceMs?: number;
  /** Force a way of watching (tests use this); by default the platform's best. */
  mode?: WatchMode;
  pollMs?: number;
  /** How many changes the feed keeps for clients that fall behind. */
  keep?: number;
  /** Called with each published batch. */
  onChange?: (changes: PackChange[]) => void;
}

const KEEP = 2_000;
const IGNORED_FOLDERS = new Set(['.git', '.hg', '.svn', 'node_modules']);

/** True for paths never reported: inside version-control folders, or the service's temp files. */
function ignored(relative: string): boolean {
  const parts = relative.split('/');
  return parts.some((p) => IGNORED_FOLDERS.has(p)) || isAtomicTemp(parts[parts.length - 1] ?? '');
}

/** Starts watching the pack folder `root`. */
export function watchPack(root: string, options: WatchOptions = {}): PackWatcher {
  const debounceMs = options.debounceMs ?? 60;
  const log: PackChange[] = [];
  let seq = 0;
  let closed = false;
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiters = new Set<() => void>();

  const changesSince = (since: number): PackChanges => {
    const oldest = log[0]?.seq ?? seq + 1;
    // Older than what is kept, or from before this watcher started (the app restarted): reload everything.
    if ((since < oldest - 1 && since < seq) || since > seq) return { seq, changes: [], reset: true };
    return { seq, changes: log.filter((c) => c.seq > since), reset: false };
  };

  const publish = async () => {
    timer = undefined;
    const paths = [...pending].sort();
    pending.clear();
    const batch: PackChange[] = [];
    for (const relative of paths) {
      const exists = await lstat(path.join(root, ...relative.split('/'))).then(() => true, () => false);
      batch.push({ seq: ++seq, path: relative, exists });
    }
    if (closed || batch.length === 0) return;
    log.push(...batch);
    const keep = options.keep ?? KEEP;
    if (log.length > keep) log.splice(0, log.length - keep);
    options.onChange?.(batch);
    for (const wake of [...waiters]) wake();
  };

  const report = (relative: string) => {
    const clean = relative.split(path.sep).join('/').replace(/^\/+|\/+$/g, '');
    if (closed || ignored(clean)) return;
    pending.add(clean);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void publish(), debounceMs);
  };

  const mode = options.mode ?? (process.platform === 'darwin' || process.platform === 'win32' ? 'recursive' : 'per-folder');
  const stopWatching = start(root, mode, report, options.pollMs ?? 1000);

  return {
    get seq() {
      return seq;
    },
    get mode() {
      return stopWatching.mode;
    },
    changesSince,
    waitForChanges(since, timeoutMs) {
      const now = changesSince(since);
      if (now.reset || now.changes.length > 0 || closed) return Promise.resolve(now);
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timeout);
          waiters.delete(done);
          resolve(changesSince(since));
        };
        const timeout = setTimeout(done, timeoutMs);
        waiters.add(done);
      });
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      stopWatching.stop();
      for (const wake of [...waiters]) wake();
    },
  };
}

interface Running {
  mode: WatchMode;
  stop: () => void;
}

/** Starts watching in `mode`, falling back to polling when the platform's watcher cannot start. */
function start(root: string, mode: WatchMode, report: (relative: string) => void, pollMs: number): Running {
  try {
    if (mode === 'recursive') {
      const watcher = watch(root, { recursive: true }, (_event, name) => report(name ? String(name) : ''));
      watcher.on('error', () => undefined);
      return { mode, stop: () => watcher.close() };
    }
    if (mode === 'per-folder') return perFolder(root, report);
  } catch {
    // Fall through to polling: a watcher that cannot start must not leave the author without updates.
  }
  return poll(root, report, pollMs);
}

/** One non-recursive watcher per folder, adding watchers for folders as they appear. */
function perFolder(root: string, report: (relative: string) => void): Running {
  const watchers = new Map<string, FSWatcher>();
  const add = (relative: string) => {
    if (watchers.has(relative) || ignored(relative)) return;
    const folder = path.join(root, ...relative.split('/').filter(Boolean));
    const forget = (gone: string) => {
      for (const [key, w] of watchers) {
        if (key === gone || key.startsWith(`${gone}/`)) {
          w.close();
          watchers.delete(key);
        }
      }
    };
    const watcher = watch(folder, (_event, name) => {
      if (!name) return report(relative);
      const child = relative ? `${relative}/${String(name)}` : String(name);
      void lstat(path.join(root, ...child.split('/'))).then(
        (entry) => {
          report(child);
          // A folder that has just appeared: watch it, and report what is already in it.
          if (entry.isDirectory() && !watchers.has(child)) void walk(child, true);
        },
        async () => {
          // Gone: the child, or (when the watched folder itself was removed) the folder.
          const folderGone = relative !== '' && !(await lstat(folder).then(() => true, () => false));
          report(folderGone ? relative : child);
          forget(folderGone ? relative : child);
        },
      );
    });
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(relative);
    });
    watchers.set(relative, watcher);
  };
  const walk = async (relative: string, reportFiles: boolean): Promise<void> => {
    add(relative);
    const entries = await readdir(path.join(root, ...relative.split('/').filter(Boolean)), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (ignored(child)) continue;
      if (entry.isDirectory()) await walk(child, reportFiles);
      else if (reportFiles) report(child);
    }
  };
  add('');
  void walk('', false);
  return {
    mode: 'per-folder',
    stop: () => {
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

/** Polls the folder's files, comparing size and modification time. */
function poll(root: string, report: (relative: string) => void, pollMs: number): Running {
  let known: Map<string, string> | undefined;
  let busy = false;
  const scan = async () => {
    if (busy) return;
    busy = true;
    const seen = new Map<string, string>();
    const walk = async (relative: string): Promise<void> => {
      const entries = await readdir(path.join(root, ...relative.split('/').filter(Boolean)), { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (ignored(child)) continue;
        if (entry.isDirectory()) await walk(child);
        else {
          const s = await lstat(path.join(root, ...child.split('/'))).catch(() => undefined);
          if (s) seen.set(child, `${s.size}:${s.mtimeMs}`);
        }
      }
    };
    await walk('');
    if (known) {
      for (const [file, stamp] of seen) if (known.get(file) !== stamp) report(file);
      for (const file of known.keys()) if (!seen.has(file)) report(file);
    }
    known = seen;
    busy = false;
  };
  void scan();
  const interval = setInterval(() => void scan(), pollMs);
  return { mode: 'poll', stop: () => clearInterval(interval) };
}
