// The play-throughs that Play from Here starts, held for the preview tab that shows
// them. A preview lives only as long as the window: it is the author's experiment,
// never the learner's progress, so nothing here is saved.

import type { Scenario } from '../../../../engine/course/model';

/** One Play from Here: the story as it read, the snapshot to start from, and what the author chose. */
export interface PlayRequest {
  scenario: Scenario;
  snapshot: unknown;
  nodeId: string;
  values: Record<string, number>;
  /** Grows with each request, so a new one restarts the preview even from the same node. */
  number: number;
}

const requests = new Map<string, PlayRequest>();
const listeners = new Set<() => void>();
let counter = 0;

const keyOf = (courseId: string, file: string) => `${courseId}\n${file}`;

/** Keeps a new play-through for the preview of `file`, replacing the last one. */
export function startPreview(courseId: string, file: string, request: Omit<PlayRequest, 'number'>): PlayRequest {
  const kept = { ...request, number: ++counter };
  requests.set(keyOf(courseId, file), kept);
  for (const l of listeners) l();
  return kept;
}

/** The play-through the preview of `file` shows, if one was started in this window. */
export function previewOf(courseId: string, file: string): PlayRequest | undefined {
  return requests.get(keyOf(courseId, file));
}

/** Calls back when a preview is started; returns the unsubscribe function. */
export function onPreviewStarted(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
