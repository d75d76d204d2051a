import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { condition, values } from './conditionArbitrary';
import {
  conditionVariableRefs,
  conditionVariables,
  evaluateCondition,
  MAX_CONDITION_DEPTH,
  parseCondition,
  printCondition,
} from '../../../engine/scenario/conditions';

function evaluate(src: string, vars: Record<string, number> = {}): boolean {
  const result = parseCondition(src);
  if (!result.ok) throw new Error(`${src}: ${result.message}`);
  return evaluateCondition(result.ast, vars);
}

function failure(src: string): { message: string; offset: number } {
  const result = parseCondition(src);
  if (result.ok) throw new Error(`${src} parsed`);
  return { message: result.message, offset: result.offset };
}

describe('evaluating conditions', () => {
  test('compares variables with numbers using every operator', () => {
    const vars = { trust: 2 };
    expect(['trust < 3', 'trust <= 2', 'trust > 1', 'trust >= 2', 'trust == 2', 'trust != 3'].map((s) => evaluate(s, vars))).toEqual(
      [true, true, true, true, true, true],
    );
    expect(['trust < 2', 'trust <= 1', 'trust > 2', 'trust >= 3', 'trust == 3', 'trust != 2'].map((s) => evaluate(s, vars))).toEqual(
      [false, false, false, false, false, false],
    );
  });

  test('reads decimals and negative numbers', () => {
    expect(evaluate('x > 1.5', { x: 1.75 })).toBe(true);
    expect(evaluate('x > -2', { x: -1 })).toBe(true);
    expect(evaluate('-x == 3', { x: -3 })).toBe(true);
    expect(evaluate('- - 4 == 4')).toBe(true);
  });

  test('and binds tighter than or, and not tighter than and', () => {
    expect(evaluate('true or true and false')).toBe(true);
    expect(evaluate('(true or true) and false')).toBe(false);
    expect(evaluate('not false and false')).toBe(false);
    expect(evaluate('not (false and false)')).toBe(true);
    expect(evaluate('not x > 1', { x: 0 })).toBe(true);
  });

  test('accepts && || ! as spellings of and, or, not', () => {
    expect(evaluate('!(a > 1) && b != 2 || false', { a: 0, b: 3 })).toBe(true);
    expect(evaluate('a > 1 || !(b == 3)', { a: 0, b: 3 })).toBe(false);
  });

  test('compares true-or-false values with == and !=', () => {
    expect(evaluate('(a > 1) == (b > 1)', { a: 2, b: 2 })).toBe(true);
    expect(evaluate('(a > 1) != true', { a: 0 })).toBe(true);
  });

  test('a variable the learner has no value for reads as 0', () => {
    expect(evaluate('missing == 0', {})).toBe(true);
  });

  test('a long chain of and stays flat and evaluates', () => {
    const src = Array.from({ length: 60 }, (_, i) => `v${i} >= 0`).join(' and ');
    expect(evaluate(src, {})).toBe(true);
  });

  test('lists the variables a condition reads, once each, with their offsets', () => {
    const result = parseCondition('trust >= 2 and not (contact > 6 or trust == 9)');
    if (!result.ok) throw new Error(result.message);
    expect(conditionVariables(result.ast)).toEqual(['trust', 'contact']);
    expect(conditionVariableRefs(result.ast)).toEqual([
      { name: 'trust', offset: 0 },
      { name: 'contact', offset: 20 },
      { name: 'trust', offset: 35 },
    ]);
  });
});

describe('condition errors say what was expected and where', () => {
  const cases: [string, string, number][] = [
    ['', 'the condition is empty', 0],
    ['   ', 'the condition is empty', 0],
    ['x > 1.', "expected a digit after the decimal point in '1.'", 6],
    ['3x > 1', "a name cannot start with a digit: '3x'", 0],
    ['trust-level > 1', "variable names cannot contain '-': write 'trust_level' and name the variable with '_'", 5],
    ['x = 1', "'=' is not an operator: use '==' to compare", 2],
    ['x > 1 & y > 1', "'&' is not an operator: use '&&' or 'and'", 6],
    ['x > 1 | y > 1', "'|' is not an operator: use '||' or 'or'", 6],
    ['x > $1', "unexpected character '$'", 4],
    ['x > 1)', "unexpected ')' with no matching '('", 5],
    ['x > 1 y', "expected 'and', 'or' or the end of the condition, found 'y': join two conditions with 'and' or 'or'", 6],
    ['trust', "the condition must be true or false, but 'trust' is a number: compare it, e.g. 'trust >= 2'", 0],
    ['-(1 > 0) == true', "'-' takes a number, but this is a true-or-false value", 1],
    ['x > 1 and', "expected a condition after 'and'", 9],
    ['not', "expected a condition after 'not'", 3],
    ['not x', "'not' takes a true-or-false value, but 'x' is a number: compare it, e.g. 'x >= 2'", 4],
    ['x > 1 and y', "'and' joins true-or-false values, but 'y' is a number: compare it, e.g. 'y >= 2'", 10],
    ['1 < x < 3', "comparisons cannot be chained: join them with 'and', e.g. 'a < b and b < c'", 6],
    ['x == true', "'==' compares a number with a true-or-false value", 2],
    ['true < 3', "'<' compares numbers, but this is a true-or-false value", 0],
    ['x > ()', "expected a condition inside '()'", 5],
    ['(x > 1', "expected ')' to close '(', found the end of the condition", 6],
    ['x >= ', "expected a number or variable name after '>=', found the end of the condition", 5],
    ['x >= and', "expected a number or variable name after '>=', found 'and'", 5],
    [') > 1', "expected a number or variable name, found ')'", 0],
  ];
  test.each(cases)('%j: %s', (src, message, offset) => {
    expect(failure(src)).toEqual({ message, offset });
  });

  // What an author most likely meant, for the operators and keywords of other habits.
  const hints: [string, string, number][] = [
    ['rapport => 1', "'=>' is not an operator: did you mean '>='?", 8],
    ['rapport =< 1', "'=<' is not an operator: did you mean '<='?", 8],
    ['rapport <> 1', "'<>' is not an operator: did you mean '!='?", 8],
    ['rapport =! 1', "'=!' is not an operator: did you mean '!='?", 8],
    ['rapport === 1', "'===' is not an operator: did you mean '=='?", 8],
    ['rapport !== 1', "'!==' is not an operator: did you mean '!='?", 8],
    ['rapport ≥ 1', "'≥' is not an operator here: did you mean '>='?", 8],
    ['rapport ≤ 1', "'≤' is not an operator here: did you mean '<='?", 8],
    ['rapport ≠ 1', "'≠' is not an operator here: did you mean '!='?", 8],
    ['x > 1 AND y > 1', "expected 'and', 'or' or the end of the condition, found 'AND' (did you mean 'and'? keywords are written in lower case)", 6],
    ['x > 1 Or y > 1', "expected 'and', 'or' or the end of the condition, found 'Or' (did you mean 'or'? keywords are written in lower case)", 6],
    ['NOT x > 1', "'NOT' is read as a variable name here: did you mean 'not'? keywords are written in lower case", 0],
  ];
  test.each(hints)('%j hints: %s', (src, message, offset) => {
    expect(failure(src)).toEqual({ message, offset });
  });

  test('the operators written right are untouched by the hints', () => {
    for (const src of ['x >= 1', 'x <= 1', 'x != 1', 'x == 1', 'x > -1', 'x >= -1 and not (x == 2)', 'x != -1 || !(x < 0)']) expect(parseCondition(src).ok, src).toBe(true);
  });

  test('a condition over 1,000 characters is refused before parsing', () => {
    expect(failure(`x > ${'1'.repeat(1000)}`).message).toBe('the condition is longer than 1000 characters');
  });

  test('nesting deeper than the limit is refused instead of overflowing the stack', () => {
    const deep = `${'('.repeat(10_000)}x > 1${')'.repeat(10_000)}`.slice(0, 999);
    expect(failure(deep)).toEqual({ message: `the condition nests deeper than ${MAX_CONDITION_DEPTH} levels`, offset: MAX_CONDITION_DEPTH });
    expect(failure(`${'not '.repeat(40)}true`).message).toBe(`the condition nests deeper than ${MAX_CONDITION_DEPTH} levels`);
    expect(failure(`x > ${'-'.repeat(40)}1`).message).toBe(`the condition nests deeper than ${MAX_CONDITION_DEPTH} levels`);
    expect(parseCondition(`${'('.repeat(MAX_CONDITION_DEPTH)}x > 1${')'.repeat(MAX_CONDITION_DEPTH)}`).ok).toBe(true);
  });
});

describe('printing and parsing', () => {
  test('a printed condition parses back to one that evaluates the same for any values', () => {
    fc.assert(
      fc.property(condition, fc.array(values, { minLength: 1, maxLength: 5 }), (ast, samples) => {
        const printed = printCondition(ast);
        const reparsed = parseCondition(printed);
        if (!reparsed.ok) throw new Error(`${printed}: ${reparsed.message} at ${reparsed.offset}`);
        expect(printCondition(reparsed.ast)).toBe(printed);
        for (const vars of samples) expect(evaluateCondition(reparsed.ast, vars)).toBe(evaluateCondition(ast, vars));
      }),
      { numRuns: 500 },
    );
  });

  test('parsing never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab1 .-<>=!()&|andortruefalse_'.split('')), maxLength: 60 }), (src) => {
        const result = parseCondition(src);
        if (!result.ok) {
          expect(result.offset).toBeGreaterThanOrEqual(0);
          expect(result.offset).toBeLessThanOrEqual(src.length);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
