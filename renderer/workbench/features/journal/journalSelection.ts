// Which journal entry the learner picked in the Journal view, for the Panel to show.

import { useSyncExternalStore } from 'react';

let selected: string | undefined;
const listeners = new Set<() => void>();

/** Picks a reflection (by id) for the Panel. */
export function selectReflection(id: string | undefined): void {
  selected = id;
  for (const l of listeners) l();
}

/** The picked reflection id. */
export function useSelectedReflection(): string | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => selected,
  );
}
