import { describe, expect, test } from 'vitest';
import {
  availableChoices,
  createScenarioMachine,
  currentNodeId,
  initialVars,
  restoreScenarioActor,
  resumePoint,
} from '../../../engine/scenario/scenarioMachine';
import { fakeChoice, fakeEnding, fakeScenario, threeCs } from '../../fakes/fakeCourse';

const story = fakeScenario({
  id: 'gp',
  variables: [...threeCs({ control: 3, contact: 9 }), { name: 'trust', label: 'Trust', initial: 0, min: 0, max: 3 }],
  nodes: {
    waiting: {
      choices: [
        fakeChoice({ id: 'ask', to: 'listening', effects: { control: 1, trust: 2, contact: 5 } }),
        fakeChoice({ id: 'prescribe', to: 'repeat', effects: { contact: -20 } }),
        fakeChoice({ id: 'connect', to: 'group', when: 'trust >= 2' }),
      ],
    },
    listening: { choices: [fakeChoice({ id: 'back', to: 'waiting', effects: { trust: 2 } })] },
    repeat: { ending: fakeEnding({ kind: 'negative' }) },
    group: { ending: fakeEnding() },
  },
});

describe('scenario machine', () => {
  test('starts at the start node with the declared initial values and an empty path', () => {
    const actor = restoreScenarioActor(story);
    expect(actor.getSnapshot().value).toBe('waiting');
    expect(actor.getSnapshot().context).toEqual({ vars: { control: 3, contact: 9, confidence: 5, trust: 0 }, path: [] });
    expect(initialVars(story)).toEqual({ control: 3, contact: 9, confidence: 5, trust: 0 });
  });

  test('a choice applies its effects clamped to each range and records the choice', () => {
    const actor = restoreScenarioActor(story);
    actor.send({ type: 'CHOOSE', choiceId: 'ask' });
    expect(actor.getSnapshot().value).toBe('listening');
    expect(actor.getSnapshot().context).toEqual({ vars: { control: 4, contact: 10, confidence: 5, trust: 2 }, path: ['ask'] });
    actor.send({ type: 'CHOOSE', choiceId: 'back' });
    expect(actor.getSnapshot().context.vars.trust).toBe(3);
  });

  test('a guarded choice is refused until its condition holds', () => {
    const actor = restoreScenarioActor(story);
    expect(availableChoices(story, 'waiting', actor.getSnapshot().context.vars).map((c) => c.id)).toEqual(['ask', 'prescribe']);
    actor.send({ type: 'CHOOSE', choiceId: 'connect' });
    expect(actor.getSnapshot().value).toBe('waiting');
    expect(actor.getSnapshot().context.path).toEqual([]);
    actor.send({ type: 'CHOOSE', choiceId: 'ask' });
    actor.send({ type: 'CHOOSE', choiceId: 'back' });
    actor.send({ type: 'CHOOSE', choiceId: 'connect' });
    expect(actor.getSnapshot().value).toBe('group');
    expect(actor.getSnapshot().status).toBe('done');
  });

  test('a saved snapshot restores the node and the context', () => {
    const actor = restoreScenarioActor(story);
    actor.send({ type: 'CHOOSE', choiceId: 'ask' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const restored = restoreScenarioActor(story, persisted);
    expect(restored.getSnapshot().value).toBe('listening');
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
    expect(currentNodeId(persisted)).toBe('listening');
  });

  test('a snapshot saved at an ending restores as finished', () => {
    const actor = restoreScenarioActor(story);
    actor.send({ type: 'CHOOSE', choiceId: 'prescribe' });
    const restored = restoreScenarioActor(story, JSON.parse(JSON.stringify(actor.getPersistedSnapshot())));
    expect(restored.getSnapshot().value).toBe('repeat');
    expect(restored.getSnapshot().status).toBe('done');
    expect(restored.getSnapshot().context.vars.contact).toBe(0);
  });
  test('has one state per node, keyed by node id, with endings as final states', () => {
    const machine = createScenarioMachine(story);
    expect(Object.keys(machine.states)).toEqual(['waiting', 'listening', 'repeat', 'group']);
    expect(Object.values(machine.states).map((state) => state.type)).toEqual(['atomic', 'atomic', 'final', 'final']);
  });

  test('an unknown choice id changes nothing', () => {
    const actor = restoreScenarioActor(story);
    const before = actor.getSnapshot();
    actor.send({ type: 'CHOOSE', choiceId: 'shout' });
    expect(actor.getSnapshot().value).toBe('waiting');
    expect(actor.getSnapshot().context).toEqual(before.context);
  });

  test('a choice of another node changes nothing', () => {
    const actor = restoreScenarioActor(story);
    actor.send({ type: 'CHOOSE', choiceId: 'back' });
    expect(actor.getSnapshot().value).toBe('waiting');
    expect(actor.getSnapshot().context.path).toEqual([]);
  });

  test('an ending takes no more choices', () => {
    const actor = restoreScenarioActor(story);
    actor.send({ type: 'CHOOSE', choiceId: 'prescribe' });
    actor.send({ type: 'CHOOSE', choiceId: 'ask' });
    expect(actor.getSnapshot().value).toBe('repeat');
    expect(availableChoices(story, 'repeat', actor.getSnapshot().context.vars)).toEqual([]);
  });

  test('a choice with an invalid condition or to a missing node is never offered', () => {
    const broken = fakeScenario({
      nodes: {
        start: { choices: [fakeChoice({ id: 'bad-when', when: 'control >', to: 'end' }), fakeChoice({ id: 'nowhere', to: 'gone' }), fakeChoice({ id: 'ok', to: 'end' })] },
        end: { ending: fakeEnding() },
      },
    });
    expect(availableChoices(broken, 'start', initialVars(broken)).map((c) => c.id)).toEqual(['ok']);
    const actor = restoreScenarioActor(broken);
    actor.send({ type: 'CHOOSE', choiceId: 'bad-when' });
    actor.send({ type: 'CHOOSE', choiceId: 'nowhere' });
    expect(actor.getSnapshot().value).toBe('start');
  });

  test('the 3Cs exist with their defaults even when a scenario leaves them out', () => {
    const bare = fakeScenario({ variables: [] });
    expect(initialVars(bare)).toEqual({ control: 5, contact: 5, confidence: 5 });
  });

  test('a scenario whose start names no node cannot be built, and says why', () => {
    expect(() => createScenarioMachine(fakeScenario({ id: 'lost', start: 'nowhere' }))).toThrow(
      "Scenario 'lost' starts at node 'nowhere', which does not exist.",
    );
  });

  test('currentNodeId reads the node of a live or saved snapshot, and nothing else', () => {
    const actor = restoreScenarioActor(story);
    expect(currentNodeId(actor.getSnapshot())).toBe('waiting');
    expect(currentNodeId(actor.getPersistedSnapshot())).toBe('waiting');
    expect([currentNodeId(undefined), currentNodeId(null), currentNodeId({ value: { nested: 'x' } })]).toEqual([undefined, undefined, undefined]);
  });

  test('a play-through saved at a node an author has since renamed resumes from the start, with a sentence naming the node', () => {
    const actor = restoreScenarioActor(story);
    actor.send({ type: 'CHOOSE', choiceId: 'ask' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const { listening, ...rest } = story.nodes;
    const renamed = { ...story, nodes: { ...rest, 'listening-two': listening! } };
    const point = resumePoint(renamed, persisted);
    expect(point.snapshot).toBeUndefined();
    expect(point.restarted).toBe(
      `"${story.title}" has changed since you were last here: the part of the story you had reached ("listening") is no longer in it, so the story starts again from the beginning.`,
    );
    // And the actor made from it starts at the start instead of throwing.
    expect(restoreScenarioActor(renamed, persisted).getSnapshot().value).toBe('waiting');
  });

  test('a play-through that still fits the scenario resumes where it was, with nothing to say', () => {
    const actor = restoreScenarioActor(story);
    actor.send({ type: 'CHOOSE', choiceId: 'ask' });
    const point = resumePoint(story, JSON.parse(JSON.stringify(actor.getPersistedSnapshot())));
    expect(point.restarted).toBeUndefined();
    expect(point.snapshot).toBeDefined();
    expect(resumePoint(story, undefined)).toEqual({});
  });

  test('a saved place that cannot be read starts the story again and says so', () => {
    expect(resumePoint(story, { value: 42, context: 'nonsense' }).restarted).toBe(
      `Your place in "${story.title}" could not be read back, so the story starts again from the beginning.`,
    );
  });
});
