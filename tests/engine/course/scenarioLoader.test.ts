// A scenario file with errors is still checked as far as it can be read: a typo in one
// place does not hide a broken story elsewhere, and nothing it leaves unreadable is
// turned into a false problem.

import { describe, expect, test } from 'vitest';
import { sortDiagnostics } from '../../../engine/course/diagnostics';
import { loadScenario } from '../../../engine/course/scenarioLoader';

const FILE = 'modules/m/story.scenario.yaml';

function found(yaml: string): string[] {
  return sortDiagnostics(loadScenario(yaml, FILE).diagnostics).map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
}

const header = 'id: story\ntitle: A story\nsummary: A short story.\nfocus: Sam, 40\nstart: begin\n';

describe('a scenario with a schema error', () => {
  test('still reports a choice to a missing node and a bad condition elsewhere, and calls no node a dead end or unreachable because of the typo', () => {
    const yaml = `${header}nodes:
  begin:
    text: Sam arrives.
    choises:
      - id: listen
        text: Listen.
        to: middle
  middle:
    text: Sam talks.
    choices:
      - id: on
        text: Go on.
        to: nowhere
      - id: maybe
        text: Perhaps.
        to: end
        when: "trust => 1"
  end:
    ending:
      title: Done
      kind: positive
      debrief: It went well.
`;
    expect(found(yaml)).toEqual([
      '9:5 error HCS006 unknown field `choises` in `begin`: did you mean `choices`? expected one of `text`, `choices`, `ending`',
      "18:13 error HCS017 choice 'on' goes to node 'nowhere', which does not exist",
      "22:22 error HCS015 the condition of choice 'maybe' is invalid: '=>' is not an operator: did you mean '>='?",
    ]);
    expect(loadScenario(yaml, FILE).scenario).toBeUndefined();
  });

  test('an error that cannot change the story (a misspelt debrief) leaves the reachability checks running', () => {
    const yaml = `${header}nodes:
  begin:
    text: Sam arrives.
    choices:
      - id: go
        text: Go.
        to: end
  lost:
    text: Nobody comes here.
    choices:
      - id: back
        text: Back.
        to: end
  end:
    ending:
      title: Done
      kind: positive
      debrif: It went well.
`;
    expect(found(yaml)).toEqual([
      "13:3 warning HCS018 node 'lost' is unreachable: no sequence of choices from 'begin' leads to it",
      '23:7 error HCS006 unknown field `debrif` in `ending`: did you mean `debrief`? expected one of `title`, `kind`, `features`, `missing`, `debrief`, `pathNotes`',
    ]);
  });

  test("a misspelt node text hides nothing of the story's shape: the unreachable node is still found, and the typo is reported once", () => {
    const yaml = `${header}nodes:
  begin:
    txet: Sam arrives.
    choices:
      - id: go
        text: Go.
        to: end
  lost:
    text: Nobody comes here.
    choices:
      - id: back
        text: Back.
        to: end
  end:
    ending:
      title: Done
      kind: positive
      debrief: It went well.
`;
    expect(found(yaml)).toEqual([
      '8:5 error HCS006 unknown field `txet` in `begin`: did you mean `text`? expected one of `text`, `choices`, `ending`',
      "13:3 warning HCS018 node 'lost' is unreachable: no sequence of choices from 'begin' leads to it",
    ]);
  });

  test('a node whose choices cannot be read is not called a dead end, but one with none written is', () => {
    const yaml = `${header}nodes:
  begin:
    text: Sam arrives.
    choices: listen
  other:
    text: Nothing written after this.
  end:
    ending:
      title: Done
      kind: positive
      debrief: It went well.
`;
    const messages = found(yaml);
    expect(messages.some((m) => m.includes("node 'begin' is a dead end"))).toBe(false);
    expect(messages).toContain("10:3 error HCS019 node 'other' is a dead end: it has no choices and no ending; add a choice onward or an ending");
    expect(messages.some((m) => m.includes('HCS018') || m.includes('HCS020'))).toBe(false);
  });

  test('variables that cannot be read make no condition name an unknown variable and no node unreachable', () => {
    const yaml = `${header}variables: [trust]
nodes:
  begin:
    text: Sam arrives.
    choices:
      - id: go
        text: Go.
        to: end
        when: "trust >= 2"
  end:
    ending:
      title: Done
      kind: positive
      debrief: It went well.
`;
    expect(found(yaml)).toEqual(['6:12 error HCS007 `variables` should be a mapping of fields, but it is a list']);
  });

  test("an ending's path notes are still checked when another part of the file is wrong", () => {
    const yaml = `${header}titel: misspelt
nodes:
  begin:
    text: Sam arrives.
    choices:
      - id: go
        text: Go.
        to: end
  end:
    ending:
      title: Done
      kind: positive
      debrief: It went well.
      pathNotes:
        - when: "control => 6"
          text: You let Sam lead.
`;
    expect(found(yaml)).toEqual([
      '6:1 error HCS006 unknown field `titel` in the scenario: did you mean `title`? expected one of `id`, `title`, `summary`, `focus`, `outcomes`, `initial`, `variables`, `start`, `nodes`',
      "20:26 error HCS015 the condition of path note 1 of ending 'end' is invalid: '=>' is not an operator: did you mean '>='?",
    ]);
  });
});

describe('a scenario with a YAML syntax error', () => {
  test('reports the syntax error alone, but keeps what it could read for the graph', () => {
    const yaml = `${header}nodes:
  begin:
    text: "Sam arrives.
    choices: []
`;
    const load = loadScenario(yaml, FILE);
    expect(load.diagnostics.map((d) => d.code)).toEqual(['HCS004']);
    expect(load.reading?.whole).toBe(false);
    expect(Object.keys(load.reading!.model.nodes)).toEqual(['begin']);
  });
});
