// The words the player uses for the model's coded values, so meaning is always said
// in text as well as shown by icon or colour.
import type { EndingKind, PracticeFeature } from '../../engine/course/model';
import type { ItemStatus } from '../../engine/progress/model';

/** Names of the features of health-creating practice, as a learner reads them. */
export const FEATURE_NAMES: Record<PracticeFeature, string> = {
  'listening-and-responding': 'Listening and responding',
  'truth-telling': 'Truth-telling',
  'strengths-focus': 'Strengths-focus',
  'self-organising': 'Self-organising',
  'power-shifting': 'Power-shifting',
  reciprocity: 'Reciprocity',
};

/** How each kind of ending is described, with an icon that repeats (never replaces) the words. */
export const ENDING_KINDS: Record<EndingKind, { words: string; icon: string }> = {
  positive: { words: 'A positive ending', icon: '★' },
  mixed: { words: 'A mixed ending', icon: '◐' },
  negative: { words: 'A difficult ending', icon: '▽' },
};

/** Each item status in words, with an icon that repeats (never replaces) them. */
export const STATUS_WORDS: Record<ItemStatus, { words: string; icon: string }> = {
  locked: { words: 'Locked', icon: '⊘' },
  'not-started': { words: 'Not started', icon: '○' },
  'in-progress': { words: 'In progress', icon: '◐' },
  complete: { words: 'Complete', icon: '✓' },
};

/** A study time in words: "less than a minute", "25 min", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return 'none yet';
  const minutes = Math.round(seconds / 60);
  if (minutes === 0) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A percentage rounded for reading, e.g. 66.67 -> "67%". */
export function formatPercent(value: number): string {
  return `${Math.round(value)}%`;
}
