import { describe, expect, it } from 'vitest';
import { CommitScheduler, RETRY_DELAYS } from '../../../renderer/scorm/commitScheduler';

function harness(results: boolean[]) {
  let clock = 0;
  const pending: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const troubles: (string | undefined)[] = [];
  let commits = 0;
  const scheduler = new CommitScheduler({
    commit: () => {
      commits++;
      return results.shift() ?? true;
    },
    onTrouble: (m) => troubles.push(m),
    now: () => clock,
    throttleMs: 2000,
    timers: {
      setTimeout: (fn, ms) => {
        const id = nextId++;
        pending.push({ at: clock + ms, fn, id });
        return id;
      },
      clearTimeout: (id) => {
        const i = pending.findIndex((p) => p.id === id);
        if (i >= 0) pending.splice(i, 1);
      },
    },
  });
  const advance = (ms: number) => {
    const until = clock + ms;
    for (;;) {
      pending.sort((a, b) => a.at - b.at);
      const next = pending[0];
      if (!next || next.at > until) break;
      pending.shift();
      clock = next.at;
      next.fn();
    }
    clock = until;
  };
  return { scheduler, advance, troubles, commits: () => commits };
}

describe('CommitScheduler', () => {
  it('commits at once, then at most once per throttle window', () => {
    const h = harness([]);
    h.scheduler.request();
    h.scheduler.request();
    h.scheduler.request();
    expect(h.commits()).toBe(1);
    h.advance(2000);
    expect(h.commits()).toBe(2);
  });

  it('retries a refused commit with growing pauses and tells the learner after two failures', () => {
    const h = harness([false, false, false, true]);
    h.scheduler.request();
    expect(h.troubles).toEqual([]);
    h.advance(RETRY_DELAYS[0]!);
    expect(h.commits()).toBe(2);
    expect(h.troubles[0]).toMatch(/could not be saved to the LMS yet; keep this page open/);
    h.advance(RETRY_DELAYS[1]! - 1);
    expect(h.commits()).toBe(2);
    h.advance(1);
    expect(h.commits()).toBe(3);
    h.advance(RETRY_DELAYS[2]!);
    expect(h.commits()).toBe(4);
    expect(h.troubles.at(-1)).toBeUndefined();
    expect(h.scheduler.failures).toBe(0);
  });

  it('keeps retrying for as long as the LMS refuses', () => {
    const h = harness(Array.from({ length: 100 }, () => false));
    h.scheduler.request();
    h.advance(10 * 60_000);
    expect(h.commits()).toBeGreaterThan(15);
    expect(h.troubles).toHaveLength(1);
  });
});
