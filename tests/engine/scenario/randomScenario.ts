// Deterministic random scenarios for property tests and timing checks: forward-leaning
// graphs with loops, effects on the 3Cs and a declared variable, some guarded choices.

import type { Scenario } from '../../../engine/course/model';
import { fakeChoice, fakeEnding, fakeScenario, threeCs, type FakeNodes } from '../../fakes/fakeCourse';

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONDITIONS = ['trust >= 2', 'control > 4 and contact < 8', 'not (confidence <= 2)', 'trust == 0 or control >= 6', '-trust > -3'];
const VARIABLES = ['control', 'contact', 'confidence', 'trust'];

/** A scenario of `size` nodes (the last fifth endings) from a seed. */
export function randomScenario(seed: number, size: number): Scenario {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const endingsFrom = Math.max(1, Math.floor(size * 0.8));
  const nodes: FakeNodes = {};
  for (let i = 0; i < size; i++) {
    if (i >= endingsFrom) {
      nodes[`n${i}`] = { ending: fakeEnding({ kind: pick(['positive', 'mixed', 'negative'] as const) }) };
      continue;
    }
    const count = 1 + Math.floor(random() * 3);
    const choices = Array.from({ length: count }, (_, c) => {
      // Mostly forward, sometimes back, so stories loop without trapping the walk.
      const target = random() < 0.8 ? i + 1 + Math.floor(random() * Math.min(6, size - i - 1)) : Math.floor(random() * (i + 1));
      const effects: Record<string, number> = {};
      for (const name of VARIABLES) if (random() < 0.4) effects[name] = Math.floor(random() * 5) - 2;
      return fakeChoice({
        id: `c${c}`,
        text: `Choice ${c}`,
        to: `n${Math.min(target, size - 1)}`,
        effects,
        // Guarding the first choice now and then makes some nodes dead ends on some routes.
        ...((c > 0 && random() < 0.4) || random() < 0.1 ? { when: pick(CONDITIONS) } : {}),
      });
    });
    nodes[`n${i}`] = { choices };
  }
  return fakeScenario({
    id: `random-${seed}`,
    variables: [...threeCs({ control: 3, contact: 2, confidence: 3 }), { name: 'trust', label: 'Trust', initial: 0, min: 0, max: 5 }],
    start: 'n0',
    nodes,
  });
}
