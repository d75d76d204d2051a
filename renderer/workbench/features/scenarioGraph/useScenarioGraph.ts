// The graph of one scenario file, kept current: asked for once, then again whenever
// the pack changes on disk (a long poll on waitForPackChange), so an edit saved in any
// editor redraws the map without the author asking.

import { useEffect, useState } from 'react';
import type { ScenarioGraphResult, StudioApi } from '../../../../engine/api/studioApi';

/** What the view knows: the latest graph, or the sentence saying why there is none. */
export interface GraphState {
  result?: ScenarioGraphResult;
  error?: string;
  /** When the graph arrived (performance.now()), for timing the drawing. */
  arrivedAt?: number;
}

const RETRY_MS = 5_000;

/** Follows `file` of `courseId` until unmounted. */
export function useScenarioGraph(api: StudioApi, courseId: string, file: string): GraphState {
  const [state, setState] = useState<GraphState>({});
  useEffect(() => {
    let alive = true;
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    void (async () => {
      let revision: number | undefined;
      while (alive) {
        const got = await api.getScenarioGraph(courseId, file);
        if (!alive) return;
        if (got.ok) {
          revision = got.value.revision;
          setState({ result: got.value, arrivedAt: performance.now() });
        } else {
          setState((s) => ({ ...s, error: got.error.message }));
        }
        // Wait for the next change (the first answer after a refusal only says where the
        // pack is now); a refusal of the wait itself (the server went away) is retried slowly.
        for (;;) {
          const waited = await api.waitForPackChange(courseId, revision ?? 0);
          if (!alive) return;
          if (!waited.ok) {
            await pause(RETRY_MS);
            break;
          }
          const before = revision;
          revision = waited.value;
          if (before !== undefined && waited.value !== before) break;
        }
      }
    })();
    return () => {
      alive = false;
    };
  }, [api, courseId, file]);
  return state;
}
