import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { ScenarioView } from '../../../renderer/player';
import { restoreScenarioActor } from '../../../engine/scenario/scenarioMachine';
import type { ScenarioRecord } from '../../../engine/progress/model';
import { playerCourse, playerScenario } from '../../fakes/playerFixtures';

/** React's server markup separates adjacent text with empty comments; a reader sees one string. */
function withoutTextSeparators(html: string): string {
  return html.replaceAll('<!-- -->', '');
}

function render(record?: ScenarioRecord): string {
  return withoutTextSeparators(renderToString(<ScenarioView course={playerCourse()} scenario={playerScenario()} record={record} onEvent={() => {}} />));
}

/** A record of a play-through that took these choices. */
function recordAfter(choiceIds: string[], endingsFound: string[] = []): ScenarioRecord {
  const actor = restoreScenarioActor(playerScenario());
  for (const choiceId of choiceIds) actor.send({ type: 'CHOOSE', choiceId });
  const snapshot = actor.getPersistedSnapshot();
  actor.stop();
  return { snapshot, path: choiceIds, endingsFound, plays: 1 };
}

describe('ScenarioView markup', () => {
  it('starts at the first node with its choices as buttons and the 3Cs as labelled meters', () => {
    const html = render();
    expect(html).toContain('Mr Okafor is back for the third time this month.');
    expect(html).toContain('data-choice-id="ask"');
    expect(html).toContain('data-choice-id="prescribe"');
    expect(html).toMatch(/role="meter" aria-labelledby="[^"]+" aria-valuemin="0" aria-valuemax="10" aria-valuenow="3"/);
    expect(html).toContain('Trust');
  });

  it('restores a saved play-through at the node it reached, with only the choices open there', () => {
    const html = render(recordAfter(['ask']));
    expect(html).toContain('He talks about the walking group');
    expect(html).toContain('data-choice-id="connect"');
    expect(html).not.toContain('data-choice-id="ask"');
  });

  it('hides a choice whose condition does not hold', () => {
    const scenario = playerScenario();
    scenario.nodes['waiting-room']!.choices[0]!.effects = { control: 1 };
    const actor = restoreScenarioActor(scenario);
    actor.send({ type: 'CHOOSE', choiceId: 'ask' });
    const record = { snapshot: actor.getPersistedSnapshot(), path: ['ask'], endingsFound: [], plays: 1 };
    const html = renderToString(<ScenarioView course={playerCourse()} scenario={scenario} record={record} onEvent={() => {}} />);
    expect(html).not.toContain('data-choice-id="connect"');
    expect(html).toContain('data-choice-id="refer"');
  });

  it('shows an ending with its kind in words, the debrief, the features named and a Replay button', () => {
    const html = render(recordAfter(['ask', 'connect'], ['group']));
    expect(html).toContain('A new routine');
    expect(html).toContain('A positive ending.');
    expect(html).toContain('Listening found what <strong>he</strong> could do.');
    expect(html).toContain('Listening and responding');
    expect(html).toContain('Strengths-focus');
    expect(html).toContain('>Replay</button>');
  });

  it('adds to the debrief only the path notes whose condition holds for the path taken, and lists missing features apart', () => {
    /** The fixture story with a mixed ending that has path notes, `ask` having these effects. */
    const story = (askEffects: Record<string, number>) => {
      const scenario = playerScenario();
      scenario.nodes['waiting-room']!.choices[0]!.effects = askEffects;
      scenario.nodes['referral']!.ending = {
        title: 'Slow progress',
        kind: 'mixed',
        debrief: 'A referral alone leaves him waiting.',
        features: ['listening-and-responding'],
        missing: ['power-shifting'],
        pathNotes: [
          { when: 'control > 3', text: 'On this path his control **rose**.' },
          { when: 'control <= 3', text: 'On this path his control did not rise.' },
        ],
      };
      return scenario;
    };
    const endAfterAskAndRefer = (scenario: ReturnType<typeof story>) => {
      const actor = restoreScenarioActor(scenario);
      for (const choiceId of ['ask', 'refer']) actor.send({ type: 'CHOOSE', choiceId });
      const record = { snapshot: actor.getPersistedSnapshot(), path: ['ask', 'refer'], endingsFound: ['referral'], plays: 1 };
      actor.stop();
      return withoutTextSeparators(renderToString(<ScenarioView course={playerCourse()} scenario={scenario} record={record} onEvent={() => {}} />));
    };
    const rose = endAfterAskAndRefer(story({ control: 1, trust: 2 }));
    expect(rose).toContain('On the path you took');
    expect(rose).toContain('On this path his control <strong>rose</strong>.');
    expect(rose).not.toContain('did not rise');
    expect(rose).toMatch(/Features of practice at play<\/h3><ul[^>]*><li>Listening and responding<\/li><\/ul>/);
    expect(rose).toMatch(/Features of practice that were missing<\/h3><ul[^>]*><li>Power-shifting<\/li><\/ul>/);

    const flat = endAfterAskAndRefer(story({ trust: 2 }));
    expect(flat).toContain('On this path his control did not rise.');
    expect(flat).not.toContain('<strong>rose</strong>');
  });

  it('shows no path-notes heading or missing-features list for an ending without them', () => {
    const html = render(recordAfter(['ask', 'connect'], ['group']));
    expect(html).not.toContain('On the path you took');
    expect(html).not.toContain('that were missing');
  });

  it('maps the endings found by name and the others as not yet found', () => {
    const html = render(recordAfter(['prescribe'], ['repeat-visit']));
    expect(html).toContain('Endings found: 1 of 3');
    expect(html).toContain('Round again');
    expect(html).not.toContain('Slow progress');
    expect(html.match(/not yet found/g)).toHaveLength(2);
  });

  it('starts again from the first node when the saved snapshot names a node that no longer exists', () => {
    const html = render({ snapshot: { value: 'gone', context: { vars: {}, path: [] } }, path: [], endingsFound: [], plays: 1 });
    expect(html).toContain('Mr Okafor is back for the third time this month.');
  });
});
