// What a References or Glossary tab should bring into view when it next shows: the
// reference a citation named, the term a learner picked. A command asks, the view
// (perhaps still loading) answers once, then forgets.

import { useSyncExternalStore } from 'react';

type Shelf = 'references' | 'glossary';

const wanted = new Map<string, string>();
const listeners = new Set<() => void>();

const key = (shelf: Shelf, courseId: string) => `${shelf}/${courseId}`;

/** Asks the shelf's view of a course to show the entry with this id. */
export function requestReveal(shelf: Shelf, courseId: string, id: string): void {
  wanted.set(key(shelf, courseId), id);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The entry the view should show; call `done` once it has, so it is shown once. */
export function useReveal(shelf: Shelf, courseId: string): { id: string | undefined; done: () => void } {
  const id = useSyncExternalStore(subscribe, () => wanted.get(key(shelf, courseId)));
  return { id, done: () => void wanted.delete(key(shelf, courseId)) };
}
