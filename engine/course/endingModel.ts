// An ending as the model holds it: the optional lists of a shape-checked ending file
// filled in, so readers never test for absent features, missing features or notes.

import type { Ending } from './model';
import type { ScenarioFile } from './schema';

type EndingFile = NonNullable<ScenarioFile['nodes'][string]['ending']>;

/** The Ending model of a shape-checked ending. */
export function buildEnding(ending: EndingFile): Ending {
  return {
    title: ending.title,
    kind: ending.kind,
    debrief: ending.debrief,
    features: ending.features ?? [],
    missing: ending.missing ?? [],
    pathNotes: (ending.pathNotes ?? []).map((note) => ({ when: note.when, text: note.text })),
  };
}
