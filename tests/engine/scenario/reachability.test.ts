// The static checks and the machine must agree: anything a learner can actually do in
// the machine, the reachability search must know is possible.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exploreScenario } from '../../../engine/scenario/reachability';
import { availableChoices, restoreScenarioActor } from '../../../engine/scenario/scenarioMachine';
import { randomScenario } from './randomScenario';

const seeds = fc.integer({ min: 1, max: 1_000_000 });
const sizes = fc.integer({ min: 2, max: 12 });
const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 60 });

describe('reachability search', () => {
  test('every node a learner can walk to is reached, and every place they get stuck can stick', () => {
    fc.assert(
      fc.property(seeds, sizes, picks, (seed, size, choices) => {
        const scenario = randomScenario(seed, size);
        const exact = exploreScenario(scenario, 1_000_000);
        const bounded = exploreScenario(scenario, 5);
        const actor = restoreScenarioActor(scenario);
        for (const pick of choices) {
          const { value, context, status } = actor.getSnapshot();
          const nodeId = String(value);
          expect(exact.nodes.get(nodeId)?.reached).toBe(true);
          expect(bounded.nodes.get(nodeId)?.reached).toBe(true);
          if (status !== 'active') break;
          const open = availableChoices(scenario, nodeId, context.vars);
          if (open.length === 0) {
            expect(exact.nodes.get(nodeId)?.canStick).toBe(true);
            break;
          }
          actor.send({ type: 'CHOOSE', choiceId: open[pick % open.length]!.id });
        }
      }),
      { numRuns: 100 },
    );
  });

  test('the range fallback never calls a node unreachable that the exact search reaches', () => {
    fc.assert(
      fc.property(seeds, sizes, (seed, size) => {
        const scenario = randomScenario(seed, size);
        const exact = exploreScenario(scenario, 1_000_000);
        const bounded = exploreScenario(scenario, 5);
        for (const [id, reach] of exact.nodes) {
          if (reach.reached) expect(bounded.nodes.get(id)?.reached).toBe(true);
          if (bounded.nodes.get(id)?.alwaysStuck) expect(reach.reached ? reach.alwaysStuck : true).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

test('generated scenarios include some that can get stuck, so the property above is exercised', () => {
  const stuckSomewhere = Array.from({ length: 50 }, (_, i) => exploreScenario(randomScenario(i + 1, 12), 1_000_000)).filter((r) =>
    [...r.nodes.values()].some((n) => n.canStick),
  );
  expect(stuckSomewhere.length).toBeGreaterThan(0);
});
