// A lowdb adapter that survives power cuts. lowdb's own file adapter renames a temp
// file over the target but never fsyncs, so after a crash the rename can reach the
// disk before the data and leave an empty or torn file. Here every write goes to a
// fresh temp file, which is fsynced, renamed over the target, and then the folder is
// fsynced so the rename itself is durable. Writes are queued so two never interleave.

import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** Why a file's text could not be taken as JSON (or held nothing but null). */
export type UnreadableReason = 'empty' | 'nul-bytes' | 'truncated' | 'not-json' | 'null';

/** Thrown by read() when the file exists but does not hold JSON. */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly file: string,
  ) {
    super(`${path.basename(file)} could not be read as JSON (${reason}).`);
    this.name = 'UnreadableFileError';
  }
}

/** The file operations the adapter uses; tests swap one out to simulate a crash, a full disk or a locked file. */
export interface FileOps {
  readText(file: string): Promise<string>;
  writeFileSynced(file: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  /** Resolves when the folder may be written, or rejects with the reason. */
  checkWritable(dir: string): Promise<void>;
}

/** The real operations on node:fs. */
export const nodeFileOps: FileOps = {
  readText: (file) => fsp.readFile(file, 'utf8'),
  checkWritable: (dir) => fsp.access(dir, constants.W_OK),
  async writeFileSynced(file, text) {
    const handle = await fsp.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  async syncDir(dir) {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    const handle = await fsp.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** Prefix of this adapter's temp files, so leftovers from a crash can be recognised. */
export function tempPrefix(file: string): string {
  return `.${path.basename(file)}.`;
}

let tempCounter = 0;

/** lowdb Adapter that reads JSON strictly and writes it atomically and durably. */
export class AtomicJsonFile<T> implements Adapter<T> {
  #queue: Promise<void> = Promise.resolve();
  #pending: { text: string; done: Promise<void> } | undefined;

  constructor(
    readonly file: string,
    private readonly ops: FileOps = nodeFileOps,
  ) {}

  /**
   * Returns the parsed file, null when there is no file, or throws UnreadableFileError
   * (a file holding only JSON null is unreadable too: null means "no file" to lowdb, and
   * the file would be written over without being kept). Other failures to read (a
   * folder in its place, no permission) are thrown as node:fs raised them.
   */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.ops.readText(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const value = parseStrict<T | null>(text, this.file);
    if (value === null) throw new UnreadableFileError('null', this.file);
    return value;
  }

  /**
   * Serialises now (so later mutations cannot leak in) and queues the durable write.
   * Writes that arrive while another is on disk share one queued slot holding the
   * newest text: each caller resolves once data at least as new as its own is safe.
   */
  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2) + '\n';
    if (this.#pending) {
      this.#pending.text = text;
      return this.#pending.done;
    }
    const slot: { text: string; done: Promise<void> } = { text, done: Promise.resolve() };
    slot.done = this.#queue.then(() => {
      this.#pending = undefined;
      return this.#writeNow(slot.text);
    });
    this.#pending = slot;
    // A failed write must not wedge the queue for the writes after it.
    this.#queue = slot.done.catch(() => undefined);
    return slot.done;
  }

  async #writeNow(text: string): Promise<void> {
    const dir = path.dirname(this.file);
    const temp = path.join(dir, `${tempPrefix(this.file)}${process.pid}.${++tempCounter}.tmp`);
    try {
      await this.ops.writeFileSynced(temp, text);
      await this.ops.rename(temp, this.file);
    } catch (error) {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    await this.ops.syncDir(dir);
  }

  /** Resolves once every write queued so far has finished. */
  async flush(): Promise<void> {
    await this.#queue;
  }
}

/** Parses JSON text, classifying why it failed so the user can be told in words. */
export function parseStrict<T>(text: string, file: string): T {
  if (text.trim() === '') throw new UnreadableFileError('empty', file);
  if (text.includes('\0')) throw new UnreadableFileError('nul-bytes', file);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new UnreadableFileError(endsTooSoon(error, text) ? 'truncated' : 'not-json', file);
  }
}

/** True when JSON.parse failed at the very end of the text: the file was cut off part-way. */
function endsTooSoon(error: unknown, text: string): boolean {
  if (!(error instanceof SyntaxError)) return false;
  if (/end of (JSON )?input/i.test(error.message)) return true;
  const at = /at position (\d+)/.exec(error.message);
  return at !== null && Number(at[1]) >= text.trimEnd().length && /^\s*[[{]/.test(text);
}
