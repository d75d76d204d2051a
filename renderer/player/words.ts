// The words the player uses for the model's coded values, so meaning is always said
// in text as well as shown by icon or colour.
import type { EndingKind, PracticeFeature } from '../../engine/course/model';

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
