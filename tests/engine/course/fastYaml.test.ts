// The fast reader may only ever speed up what the full YAML parser reads: for any
// text it accepts, its value must equal the full parser's, which must see no error.

import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { readPlainYaml } from '../../../engine/course/fastYaml';

const ROOT = path.resolve(__dirname, '../../..');

function fullParse(text: string): { ok: boolean; value?: unknown } {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return { ok: false };
  }
}

function expectSameAsFullParser(text: string): boolean {
  const fast = readPlainYaml(text);
  if (!fast) return false;
  const full = fullParse(text);
  expect(full.ok, text).toBe(true);
  expect(fast.value, text).toEqual(full.value);
  return true;
}

/** Every YAML text in the repository's packs: YAML files, front matter, quiz and reflection blocks. */
function repositoryYaml(): string[] {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.yaml')) texts.push(readFileSync(full, 'utf8'));
      else if (name.endsWith('.md')) {
        const text = readFileSync(full, 'utf8');
        const front = /^---\n([\s\S]*?)\n---/.exec(text);
        if (front) texts.push(front[1]!);
        for (const block of text.matchAll(/```(?:quiz|reflection)\n([\s\S]*?)```/g)) texts.push(block[1]!);
      }
    }
  };
  walk(path.join(ROOT, 'courses'));
  walk(path.join(ROOT, 'tests/engine/course/fixtures'));
  return texts;
}

test('reads every YAML text in the shipped packs and fixtures exactly as the full parser does', () => {
  const texts = repositoryYaml();
  const accepted = texts.filter(expectSameAsFullParser).length;
  // The fast path must actually be taken for ordinary course files, or it is no use.
  expect(accepted / texts.length).toBeGreaterThan(0.8);
});

test('reads literal blocks, flow lists and maps, quotes and comments as the full parser does', () => {
  const text = [
    '# a comment',
    'id: a-b',
    'title: "Quoted: with colon"',
    "other: 'it''s'",
    'tags: [one, "two", 3]',
    'effects: { control: 1, contact: -2 }',
    'empty:',
    'list:',
    '- x',
    '- y  # trailing comment',
    'nested:',
    '  - id: q',
    '    options:',
    '      - id: a',
    '        correct: true',
    'text: |',
    '  First line.',
    '',
    '    Indented more.',
    'strip: |-',
    '  no newline',
    'folded: >-',
    '  Joined into',
    '  one line.',
    '',
    '  A new paragraph.',
    'last: 2.5',
  ].join('\n');
  expect(expectSameAsFullParser(text)).toBe(true);
});

test.each([
  ['an anchor and alias', 'a: &x 1\nb: *x\n'],
  ['a tag', 'a: !!str 1\n'],
  ['a folded block with a more indented line', 'a: >\n  folded\n    text\n'],
  ['a duplicate key', 'a: 1\na: 2\n'],
  ['a multi-line plain scalar', 'a: first\n  second\n'],
  ['an exponent number', 'n: 1e3\n'],
  ['a hex number', 'n: 0x1F\n'],
  ['a tab', 'a:\t1\n'],
  ['a document marker', '---\na: 1\n'],
  ['a nested flow collection', 'a: [[1, 2]]\n'],
])('gives %s to the full parser', (_name, text) => {
  expect(readPlainYaml(text)).toBeUndefined();
});

test('random YAML-like text is either given up or read exactly as the full parser reads it', () => {
  const token = fc.constantFrom(
    'id: x', 'a:', 'b: 1', 'c: -2.5', 'd: "q: \\"x\\""', "e: 'it''s'", 'f: [1, two]', 'g: { k: v }', '- ', '- a', '-', '  ', '    ', '\n', '\n',
    'h: |', 'i: |-', 'j: >', 'k: >-', 'text', 'more text', '# note', ' # c', 'true', 'null', '~', ':', '"', "'", '[', '{', '}', ']', ',', '&a', '*a', '!t', '0x1', '1.0.0', '.5', '+1', '07', 'yes',
  );
  fc.assert(
    fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
      expectSameAsFullParser(tokens.join(''));
    }),
    { numRuns: 3000 },
  );
});
