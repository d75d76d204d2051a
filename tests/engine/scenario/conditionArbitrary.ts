// Random well-typed conditions and variable values for property tests.

import fc from 'fast-check';
import type { ConditionAst } from '../../../engine/scenario/conditions';

/** Variable names the generated conditions read. */
export const names = ['control', 'contact', 'confidence', 'trust', 'x_2'];

/** A random condition: numbers and true-or-false values kept apart as the language requires. */
export const { condition } = fc.letrec<{ condition: ConditionAst; number: ConditionAst }>((tie) => ({
  number: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 12 }).map((value): ConditionAst => ({ kind: 'number', value, offset: 0 })),
    fc.integer({ min: 0, max: 40 }).map((n): ConditionAst => ({ kind: 'number', value: n / 4, offset: 0 })),
    fc.constantFrom(...names).map((name): ConditionAst => ({ kind: 'variable', name, offset: 0 })),
    tie('number').map((operand): ConditionAst => ({ kind: 'negate', operand, offset: 0 })),
  ),
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!=' as const), tie('number'), tie('number'))
      .map(([op, left, right]): ConditionAst => ({ kind: 'compare', op, left, right, offset: 0 })),
    fc
      .tuple(fc.constantFrom('==' as const, '!=' as const), tie('condition'), tie('condition'))
      .map(([op, left, right]): ConditionAst => ({ kind: 'compare', op, left, right, offset: 0 })),
    fc.boolean().map((value): ConditionAst => ({ kind: 'boolean', value, offset: 0 })),
    tie('condition').map((operand): ConditionAst => ({ kind: 'not', operand, offset: 0 })),
    fc
      .tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(tie('condition'), { minLength: 2, maxLength: 4 }))
      .map(([kind, operands]): ConditionAst => ({ kind, operands, offset: 0 })),
  ),
}));

/** Random values for every name, including some outside the usual 0-10. */
export const values = fc.record(Object.fromEntries(names.map((n) => [n, fc.integer({ min: -3, max: 12 })])) as Record<string, fc.Arbitrary<number>>);

