// A small scenario with the mistakes the Scenario Graph marks: a node nothing leads to,
// a choice to a node that was never written, a condition and effects on a choice, and
// endings of two kinds.

import { scenarioGraphOf } from '../../../../../engine/scenario/scenarioGraph';

/** The scenario file's text. */
export const STORY = `id: kitchen-table
title: At the kitchen table
summary: A home visit.
focus: Sam, who cares for her father
variables:
  trust: { label: Trust, initial: 0, min: 0, max: 10 }
start: arrive
nodes:
  arrive:
    text: Sam opens the door.
    choices:
      - id: ask
        text: Ask what matters to her.
        to: listen
        effects: { control: 1, trust: 2 }
      - id: leaflet
        text: Hand over a leaflet.
        to: leave
  listen:
    text: She talks about her father.
    choices:
      - id: group
        text: Suggest the carers' group.
        to: group
        when: "trust >= 2"
        effects: { contact: 2 }
      - id: phone
        text: Phone her brother.
        to: brother-call
  orphan:
    text: A visit nobody reaches.
    choices:
      - id: back
        text: Go back.
        to: listen
  group:
    ending:
      title: A new circle
      kind: positive
      features: [listening-and-responding]
      debrief: She found others in her place.
  leave:
    ending:
      title: Alone again
      kind: negative
      features: [listening-and-responding]
      debrief: Nothing changed.
`;

/** The file it lives in. */
export const STORY_FILE = 'modules/care/kitchen-table.scenario.yaml';

/** The graph of the story. */
export const storyGraph = () => scenarioGraphOf(STORY, STORY_FILE);
