// The bounds every Studio API value is held to before any schema walks it.

import { describe, expect, test } from 'vitest';
import { API_VALUE_LIMITS, checkValueBounds, formatValuePath } from '../../../engine/api/valueBounds';

/** A list nested `depth` levels deep around 'x'. */
function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('checkValueBounds', () => {
  test('accepts the plain values the API carries', () => {
    expect(checkValueBounds({ type: 'scenario.chose', snapshot: { value: 'a', context: { vars: { control: 3 }, path: ['ask'] } } })).toBeUndefined();
    expect(checkValueBounds(['learner-1', 'course', null, true, 3.5, undefined])).toBeUndefined();
    expect(checkValueBounds(nested(API_VALUE_LIMITS.depth))).toBeUndefined();
  });

  test('refuses nesting past the limit, naming where, without overflowing however deep it goes', () => {
    expect(checkValueBounds(nested(API_VALUE_LIMITS.depth + 1))).toEqual({
      path: Array.from({ length: API_VALUE_LIMITS.depth }, () => 0),
      problem: `is nested more than ${API_VALUE_LIMITS.depth} levels deep`,
    });
    expect(checkValueBounds(nested(1_000_000))?.problem).toBe(`is nested more than ${API_VALUE_LIMITS.depth} levels deep`);
  });

  test('refuses a value that refers to itself, as nesting without end', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(checkValueBounds(loop)?.problem).toMatch(/nested more than/);
  });

  test('refuses too many values, including a sparse list that only claims its length', () => {
    expect(checkValueBounds(Array.from({ length: API_VALUE_LIMITS.nodes }, () => 1))?.problem).toBe(`holds more than ${API_VALUE_LIMITS.nodes} values in all`);
    const sparse: unknown[] = [];
    sparse.length = 1e9;
    const started = Date.now();
    expect(checkValueBounds(sparse)?.problem).toBe(`holds more than ${API_VALUE_LIMITS.nodes} values in all`);
    expect(Date.now() - started).toBeLessThan(100);
    const wide = Object.fromEntries(Array.from({ length: API_VALUE_LIMITS.nodes + 1 }, (_, i) => [`k${i}`, i]));
    expect(checkValueBounds(wide)?.problem).toBe(`holds more than ${API_VALUE_LIMITS.nodes} values in all`);
  });

  test('refuses a text too long, and too much text in all', () => {
    expect(checkValueBounds({ note: 'x'.repeat(API_VALUE_LIMITS.stringChars + 1) })).toEqual({
      path: ['note'],
      problem: `is a text of ${API_VALUE_LIMITS.stringChars + 1} characters, more than the ${API_VALUE_LIMITS.stringChars} allowed`,
    });
    const many = Array.from({ length: 11 }, () => 'y'.repeat(API_VALUE_LIMITS.stringChars));
    expect(checkValueBounds(many)?.problem).toBe(`holds more than ${API_VALUE_LIMITS.totalChars} characters of text in all`);
  });

  test.each([
    ['a Map', new Map([['a', 1]])],
    ['a Date', new Date(0)],
    ['a function', () => 1],
    ['a big integer', 10n],
    ['a typed array', new Uint8Array(4)],
    ['an object with a prototype of its own', Object.create({ inherited: true }) as object],
  ])('refuses %s, which JSON could never carry', (_what, value) => {
    expect(checkValueBounds({ a: [value] })).toEqual({ path: ['a', 0], problem: 'must hold only plain data: text, numbers, true or false, null, lists and objects' });
  });

  test('writes a path the way the API’s sentences do', () => {
    expect(formatValuePath('event', ['snapshot', 'context', 'path', 3])).toBe('event.snapshot.context.path[3]');
  });
});
