// Commits are throttled (an LMS may post each one to its server) and a commit the
// LMS refuses is retried with growing pauses, for as long as the page is open: the
// values stay set in the LMS API, so a later success saves them all. The learner is
// told once failures persist, and told again when saving works.

/** Timer functions, injected so tests control time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of the scheduler. */
export interface CommitSchedulerOptions {
  /** Writes the latest state and commits it; true when the LMS accepted. */
  commit: () => boolean;
  /** Called with a sentence while commits keep failing, and with undefined once one succeeds. */
  onTrouble: (message: string | undefined) => void;
  timers: Timers;
  /** Milliseconds on a monotonic clock. */
  now: () => number;
  /** Shortest gap between two commits, in ms. */
  throttleMs?: number;
  /** Failed commits in a row before the learner is told. */
  tellAfter?: number;
}

/** Pauses between retries, in ms; the last repeats. */
export const RETRY_DELAYS = [1000, 2000, 4000, 8000, 15000, 30000];

/** Schedules throttled commits with retry and backoff. */
export class CommitScheduler {
  #timer: unknown;
  #lastCommit = -Infinity;
  #failures = 0;
  #told = false;

  constructor(private readonly options: CommitSchedulerOptions) {}

  /** Failed commits in a row so far. */
  get failures(): number {
    return this.#failures;
  }

  /** Asks for a commit soon: at once if none happened lately, else at the end of the throttle window. */
  request(): void {
    if (this.#timer !== undefined) return;
    const throttle = this.options.throttleMs ?? 2000;
    const wait = Math.max(0, this.#lastCommit + throttle - this.options.now());
    if (wait === 0) this.commitNow();
    else this.#schedule(wait);
  }

  /** Commits at once (page being hidden or closed); a failure still schedules retries. */
  commitNow(): boolean {
    this.#cancel();
    this.#lastCommit = this.options.now();
    const accepted = this.options.commit();
    if (accepted) {
      this.#failures = 0;
      if (this.#told) this.options.onTrouble(undefined);
      this.#told = false;
      return true;
    }
    this.#failures++;
    if (this.#failures >= (this.options.tellAfter ?? 2) && !this.#told) {
      this.#told = true;
      this.options.onTrouble(
        'Your progress could not be saved to the LMS yet; keep this page open and it will keep trying, so nothing you have done is lost.',
      );
    }
    const delay = RETRY_DELAYS[Math.min(this.#failures - 1, RETRY_DELAYS.length - 1)] ?? 30000;
    this.#schedule(delay);
    return false;
  }

  /** Stops any pending commit or retry. */
  stop(): void {
    this.#cancel();
  }

  #schedule(ms: number): void {
    this.#cancel();
    this.#timer = this.options.timers.setTimeout(() => {
      this.#timer = undefined;
      this.commitNow();
    }, ms);
  }

  #cancel(): void {
    if (this.#timer !== undefined) this.options.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
