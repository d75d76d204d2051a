// Statuses in words, so meaning never rests on the colour or shape of an icon.

import type { ItemStatus } from '../../../engine/progress/model';

/** The status as a learner reads it. */
export const STATUS_WORDS: Record<ItemStatus, string> = {
  locked: 'Locked',
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
};
