// The Scenario Graph's data: every node and choice at its place in the file, endings
// with their kind, and the static checks marked where they apply, for a broken
// scenario too.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createPackSession } from '../../../engine/course/packSession';
import { scenarioGraphOf } from '../../../engine/scenario/scenarioGraph';
import { fixturePack } from '../course/fixturePack';

const FILE = 'modules/intro/story.scenario.yaml';

const broken = `id: tangle
title: A tangled story
summary: Everything that can go wrong.
focus: Sam, 40
variables:
  trust: { label: Trust, initial: 0, min: 0, max: 3 }
start: begin
nodes:
  begin:
    text: Sam arrives.
    choices:
      - id: listen
        text: Listen.
        to: middle
        effects: { trust: 1, control: 1 }
      - id: lost
        text: Wander off.
        to: nowhere
      - id: rush
        text: Rush.
        to: good
        when: "trust => 1"
      - id: guess
        text: Guess.
        to: good
        when: "mood > 2"
  middle:
    text: Sam talks.
  island:
    text: Nobody comes here.
    choices:
      - id: back
        text: Back.
        to: begin
  good:
    ending:
      title: Heard
      kind: positve
      debrief: Listening helped.
  never:
    ending:
      title: Never
      kind: negative
      debrief: Nobody gets here.
`;

describe('the graph of a scenario', () => {
  test('a valid scenario: its start, endings with their kind, and each choice with its condition, effects and place', async () => {
    const session = createPackSession(fixturePack());
    const graph = (await session.scenarioGraph(FILE))!;
    expect(graph).toMatchObject({ file: FILE, scenarioId: 'intro-story', start: 'begin', readable: 'whole', reachabilityChecked: true, marks: [], diagnostics: [] });
    expect(graph.nodes.map((n) => ({ id: n.id, start: n.start, ending: n.ending, line: n.line, column: n.column, marks: n.marks.length }))).toEqual([
      { id: 'begin', start: true, ending: undefined, line: 10, column: 3, marks: 0 },
      { id: 'good', start: false, ending: { title: 'Heard', kind: 'positive' }, line: 21, column: 3, marks: 0 },
      { id: 'bad', start: false, ending: { title: 'Told', kind: 'negative' }, line: 26, column: 3, marks: 0 },
    ]);
    expect(graph.edges).toEqual([
      { id: 'begin/0', from: 'begin', to: 'good', choiceId: 'listen', text: 'Listen.', effects: { trust: 2 }, targetExists: true, line: 13, column: 9, marks: [] },
      { id: 'begin/1', from: 'begin', to: 'bad', choiceId: 'tell', text: 'Tell.', when: 'trust < 5', effects: {}, targetExists: true, line: 17, column: 9, marks: [] },
    ]);
  });

  test('a broken scenario is still drawn, with each check marked on its node or choice at file:line:col', () => {
    const graph = scenarioGraphOf(broken, FILE);
    expect(graph.readable).toBe('whole');
    const marks = (id: string) => [...(graph.nodes.find((n) => n.id === id)?.marks ?? []), ...(graph.edges.find((e) => e.id === id)?.marks ?? [])].map((m) => `${m.kind} ${m.code} ${m.line}:${m.column}`);
    expect(marks('begin/1')).toEqual(['missing-target HCS017 18:13']);
    expect(marks('begin/2')).toEqual(['invalid-condition HCS015 22:22']);
    expect(marks('begin/3')).toEqual(['unknown-variable HCS016 26:16']);
    expect(marks('middle')).toEqual(['dead-end HCS019 27:3']);
    expect(marks('island')).toEqual(['unreachable HCS018 29:3']);
    expect(marks('never')).toEqual(['unreached-ending HCS020 40:3']);
    // The misspelt ending kind is a schema error: the ending is drawn without a kind, and the node says what is wrong.
    expect(graph.nodes.find((n) => n.id === 'good')).toMatchObject({ ending: { title: 'Heard' }, marks: [{ kind: 'other', code: 'HCS007', line: 38, column: 13 }] });
    expect(graph.nodes.find((n) => n.id === 'good')!.ending!.kind).toBeUndefined();
    expect(graph.nodes.find((n) => n.id === 'never')!.ending!.kind).toBe('negative');
    expect(graph.edges.find((e) => e.id === 'begin/1')!.targetExists).toBe(false);
    // Every diagnostic of the file is on the graph somewhere, and the graph lists them all.
    const all = [...graph.marks, ...graph.nodes.flatMap((n) => n.marks), ...graph.edges.flatMap((e) => e.marks)];
    expect(all).toHaveLength(graph.diagnostics.length);
  });

  test('a start naming no node is marked on the graph itself', () => {
    const graph = scenarioGraphOf(broken.replace('start: begin', 'start: bgin'), FILE);
    expect(graph.marks.map((m) => `${m.kind} ${m.line}:${m.column} ${m.message}`)).toEqual(["missing-start 7:8 start names node 'bgin', which is not one of this scenario's nodes (did you mean 'begin'?)"]);
    expect(graph.reachabilityChecked).toBe(false);
  });

  test('a scenario with a YAML syntax error shows what could be read, with no check that could mislead', () => {
    const graph = scenarioGraphOf(broken.replace('text: Sam talks.', 'text: "Sam talks.'), FILE);
    expect(graph.readable).toBe('partial');
    expect(graph.reachabilityChecked).toBe(false);
    expect(graph.nodes.map((n) => n.id)).toEqual(['begin', 'middle']);
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['HCS004']);
    expect(graph.nodes.flatMap((n) => n.marks).map((m) => m.code)).toEqual(['HCS004']);
  });

  test('a file whose nodes cannot be read at all has an empty graph and its problems', () => {
    const graph = scenarioGraphOf('id: x\ntitle: X\n', FILE);
    expect(graph).toMatchObject({ readable: 'none', nodes: [], edges: [] });
    expect(graph.diagnostics.length).toBeGreaterThan(0);
  });

  test('the graph follows unsaved text in an open pack', async () => {
    const session = createPackSession(fixturePack());
    const text = new TextDecoder().decode(fixturePack().files.get(FILE)!).replace('to: bad', 'to: gone');
    session.setBuffer(FILE, text);
    const graph = (await session.scenarioGraph(FILE))!;
    expect(graph.edges[1]).toMatchObject({ to: 'gone', targetExists: false, marks: [{ kind: 'missing-target' }] });
    expect(graph.nodes.find((n) => n.id === 'bad')!.marks.map((m) => m.kind)).toEqual(['unreached-ending']);
  });

  test("every shipped scenario's graph has its nodes and choices, checked in full and unmarked", () => {
    const root = path.resolve(__dirname, '../../../courses');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.scenario.yaml'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      const graph = scenarioGraphOf(text, file);
      expect(graph, file).toMatchObject({ readable: 'whole', reachabilityChecked: true });
      expect(graph.nodes.filter((n) => n.start), file).toHaveLength(1);
      expect(graph.nodes.filter((n) => n.ending).every((n) => n.ending!.kind !== undefined), file).toBe(true);
      expect(graph.edges.every((e) => e.targetExists), file).toBe(true);
      expect(graph.nodes.flatMap((n) => n.marks).filter((m) => m.severity === 'error'), file).toEqual([]);
    }
  });
});
