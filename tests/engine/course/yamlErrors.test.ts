// YAML syntax errors point at text the author can see, at the cause rather than where
// the parser noticed, and say the usual fix.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../../engine/course/yamlSource';

function findings(text: string) {
  return parseYaml(text).findings.map(({ line, column, code, message }) => ({ line, column, code, message }));
}

describe('a syntax error is placed at its cause', () => {
  test('a list never closed points at its `[`, even when the file ends on that line', () => {
    expect(findings('id: x\nlessons: [a.md, b.md')).toEqual([
      { line: 2, column: 10, code: 'HCS004', message: 'YAML syntax error: the list opened with `[` here is never closed: end it with `]` on the same line' },
    ]);
  });

  test('a mapping never closed points at its `{`', () => {
    expect(findings('a: {b: 1\nc: 2\n')[0]).toMatchObject({ line: 1, column: 4, message: 'YAML syntax error: the mapping opened with `{` here is never closed: end it with `}` on the same line' });
  });

  test('a quote never closed points at the opening quote, not past the end of the file', () => {
    expect(findings('id: x\ntitle: "hello\nlessons:\n  - a.md\n')).toEqual([
      { line: 2, column: 8, code: 'HCS004', message: 'YAML syntax error: the text opened with " here has no closing ": end it with " on the same line' },
    ]);
  });

  test('a tab used for indentation says to indent with spaces', () => {
    expect(findings('id: x\nlessons:\n\t- a.md\n')).toEqual([
      { line: 3, column: 1, code: 'HCS004', message: 'YAML syntax error: a tab is used for indentation, and YAML allows only spaces: indent with spaces' },
    ]);
  });

  test('a list item out of line with the one above says to line up its dash', () => {
    expect(findings('a:\n  - x\n - y\n')).toEqual([
      { line: 3, column: 2, code: 'HCS004', message: 'YAML syntax error: this list item is indented differently from the item above it: line up its `-` with theirs' },
    ]);
  });

  test('a line indented under a key that already has a value says why it is read as part of it', () => {
    expect(findings('id: x\ntitle: t\n  summary: s\n')[0]).toMatchObject({ line: 2, column: 8, code: 'HCS004', message: expect.stringContaining('the line below is indented further than this line') });
  });

  test('one mistake gives one error per line, not the cascade the parser reports', () => {
    const found = findings('id: x\nlessons: [a.md,\n- b.md]\n');
    expect(found.map((f) => f.line)).toEqual([2, 3]);
  });
});

test('no finding of any YAML text points past the end of its line', () => {
  const token = fc.constantFrom('a:', ' b:', '  - x', '- y', 'c: "q', "d: 'q", '[', '{', ']', '}', ': ', '\n', '  ', ' ', 'e', ',', '#c', '|', '>', '&x', '*x', '? ', '\t');
  fc.assert(
    fc.property(fc.array(token, { maxLength: 20 }), (tokens) => {
      const text = tokens.join('');
      const lines = text.split('\n');
      for (const f of parseYaml(text).findings) {
        const line = lines[f.line - 1];
        expect(line, JSON.stringify({ text, f })).toBeDefined();
        expect(f.column, JSON.stringify({ text, f })).toBeLessThanOrEqual(Math.max(1, line!.length));
      }
    }),
    { numRuns: 500 },
  );
});

test('the value of a text with syntax errors is kept as far as it could be read, apart from the value', () => {
  const source = parseYaml('id: x\nlessons: [a.md, b.md\n');
  expect(source.value).toBeUndefined();
  expect(source.partial).toEqual({ id: 'x', lessons: ['a.md', 'b.md'] });
  expect(parseYaml('id: x\n').partial).toBeUndefined();
});
