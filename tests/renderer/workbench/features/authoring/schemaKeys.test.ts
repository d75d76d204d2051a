// Completion and hover read the keys the course format allows at the caret from the
// engine's JSON Schemas, walking up the YAML by indentation.

import { Text } from '@codemirror/state';
import { beforeAll, describe, expect, it } from 'vitest';
import { keysFor, loadSchemas } from '../../../../../renderer/workbench/features/authoring/source/schemaKeys';

beforeAll(() => loadSchemas());

const names = (path: string, lines: string[], line: number, indent: number) => keysFor(path, Text.of(lines), line, indent).map((k) => k.name);

describe('schema keys', () => {
  it('offers a scenario file\'s top-level keys with their descriptions', () => {
    const keys = keysFor('modules/m/story.scenario.yaml', Text.of(['id: s', '']), 2, 0);
    expect(keys.map((k) => k.name)).toEqual(expect.arrayContaining(['id', 'title', 'start', 'nodes', 'variables']));
    expect(keys.find((k) => k.name === 'id')?.description).toMatch(/^Stable id/);
  });

  it('offers a node\'s keys under a node of `nodes`, and a choice\'s keys in a new item of `choices`', () => {
    const lines = ['start: a', 'nodes:', '  a:', '    text: Hello', '    choices:', '      - id: x', '        to: b', '      - '];
    expect(names('s.scenario.yaml', lines, 4, 4)).toEqual(expect.arrayContaining(['text', 'choices', 'ending']));
    expect(names('s.scenario.yaml', lines, 8, 8)).toEqual(expect.arrayContaining(['id', 'text', 'to', 'when', 'effects']));
    // A sibling key in the same choice.
    expect(names('s.scenario.yaml', lines, 7, 8)).toEqual(expect.arrayContaining(['when', 'effects']));
  });

  it('reads module.yaml and course.yaml by their own schemas', () => {
    expect(names('modules/m/module.yaml', ['id: m', ''], 2, 0)).toEqual(expect.arrayContaining(['masteryScore', 'lessons']));
    expect(names('course.yaml', ['id: c', ''], 2, 0)).toEqual(expect.arrayContaining(['modules', 'level']));
  });

  it('offers front matter keys in a lesson\'s front matter and quiz keys inside a quiz block, and nothing in prose', () => {
    const lesson = ['---', 'id: l', '', '---', '', 'Some prose.', '', '```quiz', 'id: q', '', '```'];
    expect(names('m/01-l.md', lesson, 3, 0)).toEqual(expect.arrayContaining(['title', 'minutes', 'outcomes']));
    expect(names('m/01-l.md', lesson, 10, 0)).toEqual(expect.arrayContaining(['questions']));
    expect(names('m/01-l.md', lesson, 6, 0)).toEqual([]);
  });
});
