// Moodle's budgets for one commit, and the play-through they are measured on.
//
// - 60 KB of URL-encoded body and 900 fields per post: PHP's default max_input_vars is
//   1,000 and it drops the fields past it without a word (Moodle's 2004 post puts the
//   collections first and suspend_data, completion and location last, so those go);
//   900 leaves room for the request parameters and a margin. 60 KB keeps each post,
//   sent as a beacon at exit in a multipart body somewhat larger, inside Chrome's
//   64 KiB keepalive quota.
// - The exit: Terminate alone, as one beacon under 64 KiB.
//
// The play-through is a complete one as long as it gets: every lesson, every question
// (each try used when answering wrongly), every reflection written to the length the
// SCORM 1.2 export keeps room for, and every ending of every scenario.

import type { Standard } from '../../engine/scorm/cmiMapping';
import { SCORM12_REFLECTION_CHARS } from '../../engine/scorm/suspendFit';
import type { PlayOptions } from './playThrough';

/** Most bytes of URL-encoded body in one post. */
export const BUDGET_BYTES = 60_000;
/** Most fields in one post, the request parameters included. */
export const BUDGET_FIELDS = 900;

/** The longest play-through the budgets are held to. */
export function fullRunOptions(_standard: Standard): PlayOptions {
  return { everyEnding: true, reflectionChars: SCORM12_REFLECTION_CHARS };
}
