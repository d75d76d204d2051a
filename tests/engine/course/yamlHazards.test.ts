// The nesting scan counts the levels the YAML parser would open, never fewer, and not
// many more; these are the cases the loader fuzz found, and a property over YAML that
// the `yaml` library itself writes, in block and in flow style.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { findDeepNesting } from '../../../engine/course/yamlHazards';

/** The depth of lists and mappings in a plain value. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('findDeepNesting', () => {
  test.each([
    // The root mapping and 63 brackets make 64; the 64th bracket, at 17 + 63, is one too many.
    ['brackets right after a closing quote', `when: "trust < 5"${'['.repeat(100)}`, 17 + 63],
    // The list, its root mapping and 62 dashes make 64; the 63rd dash, at 17 + 2 x 62, is one too many.
    ['dashes inside a flow list left open', `outcomes: [\nx:\n  ${'- '.repeat(100)}y\n]`, 17 + 2 * 62],
    // The root mapping and 63 nested lists make 64; the 64th dash, at 20 + 2 x 63, is one too many.
    ['dashes after a quote the parser ends by unindenting', `a:\n  when: "tr\nx:\n  ${'- '.repeat(100)}y\nust"`, 20 + 2 * 63],
  ])('counts %s', (_what, text, offset) => {
    expect(findDeepNesting(text)).toBe(offset);
  });

  test.each([
    ['prose with brackets and dashes', 'text: see [1] - and [2] - {3}: not lists\nmore: "a [b] {c}" \'d [e]\''],
    ['a block scalar full of brackets', `debrief: |\n  ${'['.repeat(200)}\n  - - - - - -\nnext: 1`],
    ['a comment full of brackets', `a: 1 # ${'['.repeat(200)}`],
    ['a quoted string that runs over lines', `a: "first\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n  last"`],
  ])('does not count %s', (_what, text) => {
    expect(findDeepNesting(text, 3)).toBeUndefined();
  });

  test('counts at least the real depth of any YAML the yaml library writes, and at most two more', () => {
    const leaf = fc.oneof(fc.integer(), fc.constantFrom('text', 'a b', 'x: y', '- z', '[w]', "it's", 'q"r'), fc.boolean(), fc.constant(null));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('value'), { minLength: 1, maxLength: 3 }),
      map: fc.dictionary(fc.constantFrom('a', 'b', 'key', 'c-d'), tie('value'), { minKeys: 1, maxKeys: 3 }),
    }));
    fc.assert(
      fc.property(value, fc.boolean(), (v, flow) => {
        const depth = depthOf(v);
        const text = stringify({ root: v }, { collectionStyle: flow ? 'flow' : 'block' });
        const real = depth + 1;
        if (real > 1) expect(findDeepNesting(text, real - 1), text).toBeDefined();
        expect(findDeepNesting(text, real + 2), text).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
