import { describe, expect, test } from 'vitest';
import { applyEffects, initialVars, scenarioVariables } from '../../../engine/scenario/variables';
import { fakeScenario, threeCs } from '../../fakes/fakeCourse';

const scenario = fakeScenario({ variables: [...threeCs({ control: 12 }), { name: 'trust', label: 'Trust', initial: -1, min: 0, max: 3 }] });
const defs = scenarioVariables(scenario);

describe('scenario variables', () => {
  test('starting values are clamped into each range', () => {
    expect(initialVars(scenario)).toEqual({ control: 10, contact: 5, confidence: 5, trust: 0 });
  });

  test('effects are added and clamped to each range', () => {
    expect(applyEffects(defs, { control: 9, contact: 1, confidence: 5, trust: 2 }, { control: 3, contact: -4, trust: 0.5 })).toEqual({
      control: 10,
      contact: 0,
      confidence: 5,
      trust: 2.5,
    });
  });

  test('effects on undeclared names and impossible amounts are ignored', () => {
    const vars = initialVars(scenario);
    expect(applyEffects(defs, vars, { mood: 3, contact: Number.NaN, confidence: Number.POSITIVE_INFINITY })).toEqual(vars);
  });

  test('the values given are not changed', () => {
    const vars = initialVars(scenario);
    applyEffects(defs, vars, { control: -1 });
    expect(vars.control).toBe(10);
  });

  test('the 3Cs come first, declared ones with their ranges, missing ones at 0-10 from 5', () => {
    const partial = fakeScenario({ variables: [{ name: 'control', label: 'Control', initial: 2, min: 0, max: 5 }] });
    expect(scenarioVariables(partial).map((v) => [v.name, v.initial, v.min, v.max])).toEqual([
      ['control', 2, 0, 5],
      ['contact', 5, 0, 10],
      ['confidence', 5, 0, 10],
    ]);
  });
});
