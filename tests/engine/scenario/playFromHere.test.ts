// Play from Here gives a snapshot the player resumes like any saved play-through: at
// the chosen node, with the chosen values, and only with values the scenario allows.

import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../../engine/course/scenarioLoader';
import type { Scenario } from '../../../engine/course/model';
import { playFromHere } from '../../../engine/scenario/playFromHere';
import { createActor } from 'xstate';
import { availableChoices, createScenarioMachine, restoreScenarioActor } from '../../../engine/scenario/scenarioMachine';

const scenario: Scenario = loadScenario(
  `id: clinic
title: At the clinic
summary: A visit.
focus: Sam, 40
variables:
  trust: { label: Trust, initial: 0, min: 0, max: 3 }
start: arrive
nodes:
  arrive:
    text: Sam arrives.
    choices:
      - id: listen
        text: Listen.
        to: talk
        effects: { trust: 1 }
  talk:
    text: Sam talks.
    choices:
      - id: plan
        text: Make a plan together.
        to: good
        when: "trust >= 2"
        effects: { control: 2 }
      - id: advise
        text: Give advice.
        to: bad
  good:
    ending: { title: Heard, kind: positive, debrief: It went well. }
  bad:
    ending: { title: Told, kind: negative, debrief: It did not. }
`,
  'modules/m/clinic.scenario.yaml',
).scenario!;

function snapshotOf(nodeId: string, values?: Record<string, number>): unknown {
  const result = playFromHere(scenario, nodeId, values);
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.snapshot;
}

describe('Play from Here', () => {
  test('resumes at the chosen node with the chosen values, and the choices those values open', () => {
    const actor = restoreScenarioActor(scenario, JSON.parse(JSON.stringify(snapshotOf('talk', { trust: 2, control: 7 }))));
    const state = actor.getSnapshot();
    expect(state.value).toBe('talk');
    expect(state.status).toBe('active');
    expect(state.context).toEqual({ vars: { control: 7, contact: 5, confidence: 5, trust: 2 }, path: [] });
    expect(availableChoices(scenario, 'talk', state.context.vars).map((c) => c.id)).toEqual(['plan', 'advise']);
    actor.send({ type: 'CHOOSE', choiceId: 'plan' });
    expect(actor.getSnapshot()).toMatchObject({ value: 'good', status: 'done', context: { vars: { control: 9 }, path: ['plan'] } });
  });

  test('leaves the variables it is not given at their starting values, so a guarded choice stays closed', () => {
    const state = restoreScenarioActor(scenario, snapshotOf('talk')).getSnapshot();
    expect(state.context.vars).toEqual({ control: 5, contact: 5, confidence: 5, trust: 0 });
    expect(availableChoices(scenario, 'talk', state.context.vars).map((c) => c.id)).toEqual(['advise']);
  });

  test("is a snapshot XState itself restores, without the player's repairs", () => {
    const actor = createActor(createScenarioMachine(scenario), { snapshot: snapshotOf('talk', { trust: 3 }) as never }).start();
    expect(actor.getSnapshot()).toMatchObject({ value: 'talk', status: 'active', context: { vars: { trust: 3 } } });
    actor.send({ type: 'CHOOSE', choiceId: 'plan' });
    expect(actor.getSnapshot().value).toBe('good');
  });

  test('from an ending, the play-through is shown finished', () => {
    expect(restoreScenarioActor(scenario, snapshotOf('bad')).getSnapshot()).toMatchObject({ value: 'bad', status: 'done' });
  });

  test('refuses values outside the declared ranges, unknown variables and unknown nodes, each with a sentence', () => {
    expect(playFromHere(scenario, 'talk', { trust: 4 })).toEqual({ ok: false, problems: ['Trust (trust) must be between 0 and 3, but it is 4.'] });
    expect(playFromHere(scenario, 'talk', { control: -1 })).toEqual({ ok: false, problems: ['Control (control) must be between 0 and 10, but it is -1.'] });
    expect(playFromHere(scenario, 'talk', { trsut: 1 })).toEqual({
      ok: false,
      problems: ["Scenario 'clinic' has no variable 'trsut' (did you mean 'trust'?): set one of control, contact, confidence, trust."],
    });
    expect(playFromHere(scenario, 'talk', { trust: Number.NaN })).toEqual({ ok: false, problems: ['Trust (trust) must be a number between 0 and 3.'] });
    expect(playFromHere(scenario, 'tlak')).toEqual({ ok: false, problems: ["Scenario 'clinic' has no node 'tlak' (did you mean 'talk'?): choose one of its nodes to play from."] });
  });

  test('a value on the edge of its range is allowed', () => {
    expect(restoreScenarioActor(scenario, snapshotOf('arrive', { trust: 3, contact: 0 })).getSnapshot().context.vars).toMatchObject({ trust: 3, contact: 0 });
  });
});
