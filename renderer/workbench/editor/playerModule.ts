// The player is its own chunk, fetched at start-up alongside the learner's data and
// used without React.lazy: a Suspense boundary that has shown its fallback waits a
// further 300 ms before revealing content, which would be most of the start-up budget.

import { useEffect, useState } from 'react';

/** The player module (LessonView, ScenarioView). */
export type PlayerModule = typeof import('../../player/index');

let loaded: PlayerModule | undefined;
let loading: Promise<PlayerModule> | undefined;

/** Starts fetching the player (once) and resolves with it. */
export function loadPlayer(): Promise<PlayerModule> {
  loading ??= import('../../player/index').then((m) => (loaded = m));
  return loading;
}

/** The player module, or undefined until it has arrived (the caller re-renders then). */
export function usePlayer(): PlayerModule | undefined {
  const [player, setPlayer] = useState(loaded);
  useEffect(() => {
    if (!player) void loadPlayer().then(setPlayer);
  }, [player]);
  return player;
}
