import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../../engine/course/model';
import { exploreScenario } from '../../../engine/scenario/reachability';
import { checkScenario, type Locate } from '../../../engine/scenario/scenarioChecks';
import { fakeChoice, fakeEnding, fakeScenario, threeCs, type FakeNodes } from '../../fakes/fakeCourse';
import { randomScenario } from './randomScenario';

/** Gives every path its own line, so a test can read back which place a finding points at. */
function recordingLocate(quoted: boolean): { locate: Locate; paths: string[] } {
  const paths: string[] = [];
  const locate: Locate = (path) => {
    const key = path.join('.');
    let line = paths.indexOf(key) + 1;
    if (line === 0) line = paths.push(key);
    return { line, column: 10, quoted };
  };
  return { locate, paths };
}

function check(scenario: Scenario, quoted = false) {
  const { locate, paths } = recordingLocate(quoted);
  return checkScenario(scenario, locate).map(({ line, ...f }) => ({ ...f, path: paths[line - 1] }));
}

const withTrust = (nodes: FakeNodes, max = 3) =>
  fakeScenario({ variables: [...threeCs(), { name: 'trust', label: 'Trust', initial: 0, min: 0, max }], nodes });

describe('checkScenario', () => {
  test('a well-formed scenario has no findings', () => {
    expect(check(fakeScenario())).toEqual([]);
  });

  test('a start that names no node is reported at start, with a suggestion', () => {
    expect(check(fakeScenario({ start: 'strat' }))).toEqual([
      {
        code: 'HCS009',
        severity: 'error',
        column: 10,
        path: 'start',
        message: "start names node 'strat', which is not one of this scenario's nodes (did you mean 'start'?)",
      },
    ]);
  });

  test('a choice to an unknown node is reported at its to value, with a suggestion', () => {
    const findings = check(
      fakeScenario({
        nodes: { start: { choices: [fakeChoice({ id: 'go', to: 'ned' }), fakeChoice({ id: 'ok', to: 'end' })] }, end: { ending: fakeEnding() } },
      }),
    );
    expect(findings).toEqual([
      {
        code: 'HCS017',
        severity: 'error',
        column: 10,
        path: 'nodes.start.choices.0.to',
        message: "choice 'go' goes to node 'ned', which does not exist (did you mean 'end'?)",
      },
    ]);
  });

  test('an effect on an undeclared variable is reported at its key', () => {
    const findings = check(withTrust({ start: { choices: [fakeChoice({ id: 'go', effects: { trsut: 1, control: 1 } })] }, end: { ending: fakeEnding() } }));
    expect(findings).toEqual([
      {
        code: 'HCS016',
        severity: 'error',
        column: 10,
        path: 'nodes.start.choices.0.effects.trsut',
        message: "choice 'go' changes 'trsut', which is not a variable of this scenario (did you mean 'trust'?)",
      },
    ]);
  });

  test('an unknown variable with no close match lists the variables there are', () => {
    const findings = check(fakeScenario({ nodes: { start: { choices: [fakeChoice({ id: 'go', effects: { happiness: 1 } })] }, end: { ending: fakeEnding() } } }));
    expect(findings.map((f) => f.message)).toEqual([
      "choice 'go' changes 'happiness', which is not a variable of this scenario; declare it under variables, or use one of: control, contact, confidence",
    ]);
  });

  test('an unknown variable in a condition points inside the condition, past the quote when quoted', () => {
    const scenario = withTrust({
      start: { choices: [fakeChoice({ id: 'go', when: 'control > 1 and trus >= 2' }), fakeChoice({ id: 'ok' })] },
      end: { ending: fakeEnding() },
    });
    const message = "the condition of choice 'go' reads 'trus', which is not a variable of this scenario (did you mean 'trust'?)";
    expect(check(scenario, false)).toEqual([{ code: 'HCS016', severity: 'error', column: 10 + 16, path: 'nodes.start.choices.0.when', message }]);
    expect(check(scenario, true)).toEqual([{ code: 'HCS016', severity: 'error', column: 10 + 1 + 16, path: 'nodes.start.choices.0.when', message }]);
  });

  test('an invalid condition is reported where it goes wrong, and does not also make its target unreachable', () => {
    const scenario = fakeScenario({
      nodes: { start: { choices: [fakeChoice({ id: 'go', when: 'control >= ', to: 'end' })] }, end: { ending: fakeEnding() } },
    });
    expect(check(scenario)).toEqual([
      {
        code: 'HCS015',
        severity: 'error',
        column: 10 + 11,
        path: 'nodes.start.choices.0.when',
        message: "the condition of choice 'go' is invalid: expected a number or variable name after '>=', found the end of the condition",
      },
    ]);
  });

  test('a node no choice leads to is a warning; an ending no choice leads to is an error', () => {
    const findings = check(
      fakeScenario({
        nodes: {
          start: { choices: [fakeChoice({ id: 'go', to: 'end' })] },
          aside: { choices: [fakeChoice({ id: 'back', to: 'end' })] },
          end: { ending: fakeEnding() },
          lost: { ending: fakeEnding() },
        },
      }),
    );
    expect(findings).toEqual([
      { code: 'HCS018', severity: 'warning', column: 10, path: 'nodes.aside', message: "node 'aside' is unreachable: no sequence of choices from 'start' leads to it" },
      { code: 'HCS020', severity: 'error', column: 10, path: 'nodes.lost', message: "ending 'lost' is never reached: no sequence of choices from 'start' leads to it" },
    ]);
  });

  test('an ending guarded by a condition that can never hold within the ranges is never reached', () => {
    const findings = check(
      withTrust({
        start: { choices: [fakeChoice({ id: 'build', to: 'start', effects: { trust: 1 } }), fakeChoice({ id: 'leave', to: 'end' }), fakeChoice({ id: 'hope', to: 'dream', when: 'trust > 3' })] },
        end: { ending: fakeEnding() },
        dream: { ending: fakeEnding() },
      }),
    );
    expect(findings.map((f) => [f.code, f.path])).toEqual([['HCS020', 'nodes.dream']]);
  });

  test('an ending opened only after building up a value is reached', () => {
    const findings = check(
      withTrust({
        start: { choices: [fakeChoice({ id: 'build', to: 'start', effects: { trust: 1 } }), fakeChoice({ id: 'hope', to: 'dream', when: 'trust >= 3' })] },
        dream: { ending: fakeEnding() },
      }),
    );
    expect(findings.filter((f) => f.code !== 'HCS019' || f.severity === 'error')).toEqual([]);
  });

  test('a node with no choices and no ending is a dead end', () => {
    const findings = check(fakeScenario({ nodes: { start: { choices: [fakeChoice({ id: 'go', to: 'stuck' })] }, stuck: {} } }));
    expect(findings).toEqual([
      { code: 'HCS019', severity: 'error', column: 10, path: 'nodes.stuck', message: "node 'stuck' is a dead end: it has no choices and no ending; add a choice onward or an ending" },
    ]);
  });

  test('a node whose every choice is closed whenever the story reaches it is a dead end', () => {
    const findings = check(
      withTrust({
        start: { choices: [fakeChoice({ id: 'go', to: 'door' })] },
        door: { choices: [fakeChoice({ id: 'open', to: 'end', when: 'trust >= 1' })] },
        end: { ending: fakeEnding() },
      }),
    );
    expect(findings.map((f) => [f.code, f.severity, f.path, f.message])).toEqual([
      ['HCS019', 'error', 'nodes.door', "node 'door' is a dead end: none of its choices is ever open when the story reaches it (after choosing go, with trust = 0)"],
      ['HCS020', 'error', 'nodes.end', "ending 'end' is never reached: no sequence of choices from 'start' leads to it"],
    ]);
  });

  test('a node whose choices are closed on some routes only can be a dead end, as a warning', () => {
    const findings = check(
      withTrust({
        start: { choices: [fakeChoice({ id: 'rush', to: 'door' }), fakeChoice({ id: 'listen', to: 'door', effects: { trust: 2 } })] },
        door: { choices: [fakeChoice({ id: 'open', to: 'end', when: 'trust >= 1' })] },
        end: { ending: fakeEnding() },
      }),
    );
    expect(findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['HCS019', 'warning', "node 'door' can be a dead end: none of its choices is open (after choosing rush, with trust = 0)"],
    ]);
  });

  test('past the state cap the search falls back to the plain graph and reports nothing false', () => {
    const scenario = withTrust(
      {
        start: { choices: [fakeChoice({ id: 'up', to: 'start', effects: { trust: 0.001 } }), fakeChoice({ id: 'go', to: 'end', when: 'trust > 500' })] },
        end: { ending: fakeEnding() },
      },
      1000,
    );
    const reach = exploreScenario(scenario, 100);
    expect(reach.exact).toBe(false);
    expect(reach.nodes.get('end')?.reached).toBe(true);
  });

  test('past the state cap, ranges per node still prove an ending unreachable and a node stuck', () => {
    const scenario = withTrust({
      start: { choices: [fakeChoice({ id: 'up', to: 'start', effects: { trust: 1, control: 1, contact: -1 } }), fakeChoice({ id: 'go', to: 'door' }), fakeChoice({ id: 'hope', to: 'dream', when: 'trust > 3' })] },
      door: { choices: [fakeChoice({ id: 'open', to: 'end', when: '-trust > 0' })] },
      end: { ending: fakeEnding() },
      dream: { ending: fakeEnding() },
    });
    const reach = exploreScenario(scenario, 3);
    expect(reach.exact).toBe(false);
    expect(reach.nodes.get('dream')).toEqual({ reached: false, canStick: false, alwaysStuck: false });
    expect(reach.nodes.get('door')).toEqual({ reached: true, canStick: true, alwaysStuck: true });
    expect(reach.nodes.get('end')?.reached).toBe(false);
  });

  test('the search never holds more states than its cap, falling back instead', () => {
    const outcomes = Array.from({ length: 20 }, (_, i) => exploreScenario(randomScenario(i + 1, 50), 500));
    for (const reach of outcomes.filter((r) => r.exact)) expect(reach.states).toBeLessThanOrEqual(500);
    expect(new Set(outcomes.map((r) => r.exact))).toEqual(new Set([true, false]));
  });
});
