// Which of an ending's path notes a learner reads: those whose condition holds for the
// variables their play-through ended with, so the debrief speaks of the path they took.

import type { Ending, PathNote } from '../course/model';
import { choiceAllowed } from './choices';

/** The path notes of `ending` that apply to these end-of-story values, in file order. */
export function pathNotesFor(ending: Ending, vars: Readonly<Record<string, number>>): PathNote[] {
  // A note's condition is checked at load exactly as a choice's is, and read the same way.
  return ending.pathNotes.filter((note) => choiceAllowed(note, vars));
}
