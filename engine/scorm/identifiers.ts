// Names the strictest runtimes accept for an author's ids, mapped reversibly.
//
// SCORM 2004: the options of a `choice` response and the steps of a `sequencing` one
// are short_identifier_type. Moodle checks them against its CMIShortIdentifier,
// `^[\w\.]{1,250}$` (mod/scorm/datamodels/scorm_13.js, SetValue, learner_response and
// correct_responses), so the hyphen every multi-word course id has is refused (406).
// Course ids are lower-case letters, digits and hyphens and never hold `_`, so a hyphen
// becomes `_` and back without loss.
//
// SCORM 1.2: a `choice` or `sequencing` student_response is "a series of single
// characters separated by commas; legal characters are 0 to 9 and a to z" (SCORM 1.2
// RTE, CMIFeedback), so an option is named by where the author wrote it: a for the
// first, b for the second, on to z, then 0 to 9 (36 in all, the limit the course schema
// sets on options).

/** The 36 characters a SCORM 1.2 response may name options with, in order. */
export const SCORM12_POSITIONS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** An id as a SCORM 2004 short identifier (`-` becomes `_`). */
export function shortId(id: string): string {
  return id.replace(/-/g, '_');
}

/** The id a short identifier made by shortId stands for. */
export function fromShortId(short: string): string {
  return short.replace(/_/g, '-');
}

/** The SCORM 1.2 character for the option or choice written at `index` (0-based). */
export function positionChar(index: number): string {
  const char = SCORM12_POSITIONS[index];
  if (char === undefined) throw new RangeError(`SCORM 1.2 can name at most ${SCORM12_POSITIONS.length} options, not ${index + 1}`);
  return char;
}

/** The index a SCORM 1.2 position character stands for, or -1. */
export function positionIndex(char: string): number {
  return char.length === 1 ? SCORM12_POSITIONS.indexOf(char) : -1;
}
