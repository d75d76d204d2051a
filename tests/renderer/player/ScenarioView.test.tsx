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
