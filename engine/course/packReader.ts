// The loader reads a pack only through this port, so the engine never touches the
// file system itself: main/ adapts node:fs to it, tests use an in-memory map.

/** What the loader needs to know about one path inside a pack. */
export interface PackEntry {
  kind: 'file' | 'dir';
  size: number;
  /**
   * True when the path reaches a file or folder outside the pack through a symbolic
   * link. The loader reports such a path rather than read it, and export never copies it.
   */
  outside?: boolean;
}

/** Read-only access to one course pack. Paths are relative to the pack root, with '/'. */
export interface PackReader {
  /** Size and kind of a path, or undefined when nothing is there. */
  stat(path: string): Promise<PackEntry | undefined>;
  /** Raw bytes of a file; the loader decodes and checks UTF-8 itself. Refuses a path that leads outside the pack. */
  readFile(path: string): Promise<Uint8Array>;
  /** Names (not paths) of the entries of a folder. */
  list(dir: string): Promise<string[]>;
}

/** Largest lesson file the loader accepts, in bytes. */
export const MAX_LESSON_BYTES = 5 * 1024 * 1024;
