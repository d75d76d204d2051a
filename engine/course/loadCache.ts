// Work the loader may keep between two loads of the same pack. Every step it caches
// is a pure function of one file's path and text (parsing a lesson, checking a
// scenario, parsing a YAML file), so a result kept for the same text is exactly the
// one the step would give again: a re-check that reuses them reports what a full load
// would, by construction. The steps that span files (ids across the course, outcomes
// a module serves, prerequisites) are cheap and always run again.

import type { ReadOutcome } from './packText';

/** Results the loader may reuse; a load without one computes everything. */
export interface LoadCache {
  /** The outcome of reading `path`: `read()`'s, or the one kept since the file last changed. */
  read(path: string, read: () => Promise<ReadOutcome>): Promise<ReadOutcome>;
  /** `make()`'s result for step `step` on `file` holding `text`, reused while the text stays the same. */
  derive<T>(step: string, file: string, text: string, make: () => T): T;
}

/** The cache of a one-off load: nothing is kept. */
export const NO_CACHE: LoadCache = {
  read: (_path, read) => read(),
  derive: (_step, _file, _text, make) => make(),
};
