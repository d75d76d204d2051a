import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateCondition, parseCondition } from '../../../engine/scenario/conditions';
import { compileCondition, conditionOverRanges } from '../../../engine/scenario/compiledCondition';
import { condition, names, values } from './conditionArbitrary';

const tracked = names.slice(0, 4); // x_2 is left untracked: it reads as 0, as in evaluateCondition

describe('conditions prepared for the reachability search', () => {
  test('the compiled form agrees with the interpreter for any values', () => {
    fc.assert(
      fc.property(condition, values, (ast, vars) => {
        const compiled = compileCondition(ast, tracked);
        expect(compiled(tracked.map((n) => vars[n]!))).toBe(evaluateCondition(ast, { ...vars, x_2: 0 }));
      }),
      { numRuns: 500 },
    );
  });

  test('over ranges, "always" and "never" hold for every value sampled inside them', () => {
    fc.assert(
      fc.property(condition, values, values, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (ast, a, b, mix) => {
        const lo = tracked.map((n) => Math.min(a[n]!, b[n]!));
        const hi = tracked.map((n) => Math.max(a[n]!, b[n]!));
        const truth = conditionOverRanges(ast, tracked, lo, hi);
        const sample = Object.fromEntries(tracked.map((n, i) => [n, Math.round(lo[i]! + (hi[i]! - lo[i]!) * mix[i]!)]));
        const value = evaluateCondition(ast, { ...sample, x_2: 0 });
        if (truth === 'always') expect(value).toBe(true);
        if (truth === 'never') expect(value).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  test('over single values the answer is exact', () => {
    const parsed = parseCondition('trust >= 2 and not (contact > 6)');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(conditionOverRanges(parsed.ast, ['trust', 'contact'], [2, 6], [2, 6])).toBe('always');
    expect(conditionOverRanges(parsed.ast, ['trust', 'contact'], [1, 6], [1, 6])).toBe('never');
    expect(conditionOverRanges(parsed.ast, ['trust', 'contact'], [1, 6], [3, 6])).toBe('maybe');
  });
});
