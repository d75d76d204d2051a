// The Scenario Graph's layout: a story reads left to right, nothing is drawn over
// anything else, crossings are removed where an order without them exists, loops and
// choices back are routed, and the same scenario always gets the same picture.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countCrossings, fitInOrder, layeredLayout, pathThrough, type GraphLayout, type LayoutInput } from '../../../../../../renderer/workbench/features/scenarioGraph/layout/layeredLayout';

const box = (id: string) => ({ id, width: 200, height: 90 });
const link = (from: string, to: string, n = 0) => ({ id: `${from}/${n}`, from, to, label: { width: 120, height: 38 } });

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every box and every label, each with what it is, for checking that nothing covers anything. */
function rects(layout: GraphLayout): { name: string; rect: Rect }[] {
  return [
    ...[...layout.boxes].map(([id, b]) => ({ name: `box ${id}`, rect: b })),
    ...[...layout.links].map(([id, l]) => ({ name: `label ${id}`, rect: l.label })),
  ];
}

function overlaps(layout: GraphLayout): string[] {
  const all = rects(layout);
  const found: string[] = [];
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) if (overlap(all[i]!.rect, all[j]!.rect)) found.push(`${all[i]!.name} and ${all[j]!.name}`);
  return found;
}

describe('the layered layout', () => {
  test('puts each point of a story in a column to the right of the one before it, the start first', () => {
    const layout = layeredLayout({ boxes: [box('c'), box('b'), box('start')], links: [link('start', 'b'), link('b', 'c')], first: 'start' });
    const x = (id: string) => layout.boxes.get(id)!.x;
    expect(x('start')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    expect([...layout.boxes.values()].map((b) => b.rank).sort()).toEqual([0, 1, 2]);
  });

  test("gives each choice's label a place between its node and the next column, clear of every box", () => {
    const layout = layeredLayout({ boxes: [box('a'), box('b'), box('c')], links: [link('a', 'b'), link('a', 'c', 1), link('b', 'c')], first: 'a' });
    const a = layout.boxes.get('a')!;
    const b = layout.boxes.get('b')!;
    const label = layout.links.get('a/0')!.label;
    expect(label.x).toBeGreaterThanOrEqual(a.x + a.width);
    expect(label.x + label.width).toBeLessThanOrEqual(b.x);
    expect(overlaps(layout)).toEqual([]);
  });

  test('draws a line from the right side of the node a choice belongs to, to the left side of its target', () => {
    const layout = layeredLayout({ boxes: [box('a'), box('b')], links: [link('a', 'b')], first: 'a' });
    const { points, backward } = layout.links.get('a/0')!;
    const a = layout.boxes.get('a')!;
    const b = layout.boxes.get('b')!;
    expect(backward).toBe(false);
    expect(points[0]!.x).toBe(a.x + a.width);
    expect(points[points.length - 1]!.x).toBe(b.x);
  });

  test('routes a choice back to an earlier point as a line that runs right to left, ending at that point', () => {
    const layout = layeredLayout({ boxes: [box('a'), box('b'), box('c')], links: [link('a', 'b'), link('b', 'c'), link('c', 'a')], first: 'a' });
    const back = layout.links.get('c/0')!;
    const a = layout.boxes.get('a')!;
    const c = layout.boxes.get('c')!;
    expect(back.backward).toBe(true);
    expect(back.points[0]!.x).toBe(c.x);
    expect(back.points[back.points.length - 1]!.x).toBe(a.x + a.width);
    expect(overlaps(layout)).toEqual([]);
  });

  test("draws a choice that leads back to its own node as a loop whose label sits above the node", () => {
    const layout = layeredLayout({ boxes: [box('a'), box('b')], links: [link('a', 'a'), link('a', 'b', 1)], first: 'a' });
    const loop = layout.links.get('a/0')!;
    const a = layout.boxes.get('a')!;
    expect(loop.loop).toBe(true);
    expect(loop.label.y + loop.label.height).toBeLessThanOrEqual(a.y);
    expect(pathThrough(loop)).toMatch(/^M[\d.]+,[\d.]+ C/);
    expect(overlaps(layout)).toEqual([]);
  });

  test('orders each column so that lines do not cross when an order without crossings exists', () => {
    // Listed so that the file's order crosses: x above y, but x leads to q, which is listed after p.
    const input: LayoutInput = {
      boxes: [box('s'), box('x'), box('y'), box('p'), box('q')],
      links: [link('s', 'x'), link('s', 'y', 1), link('x', 'q'), link('y', 'p')],
      first: 's',
    };
    const layout = layeredLayout(input);
    const y = (id: string) => layout.boxes.get(id)!.y;
    expect(Math.sign(y('x') - y('y'))).toBe(Math.sign(y('q') - y('p')));
  });

  test('counts the crossings of lines between two layers', () => {
    // 0 -> 3 and 1 -> 2 cross; 0 -> 2 crosses nothing.
    const layers = [[0, 1], [2, 3]];
    const pos = [0, 1, 0, 1];
    expect(countCrossings(layers, [[3], [2], [], []], pos)).toBe(1);
    expect(countCrossings(layers, [[2], [3], [], []], pos)).toBe(0);
  });

  test('places each box as near as it can to where it is wanted while keeping them apart in order', () => {
    expect(fitInOrder([0, 10, 100], [0, 50, 50])).toEqual([-20, 30, 100]);
    expect(fitInOrder([5, 200], [0, 50])).toEqual([5, 200]);
  });

  test('never draws a box or a label over another, for any story', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }))),
        ([n, pairs]) => {
          const boxes = Array.from({ length: n }, (_, i) => box(`n${i}`));
          const links = pairs.map(([f, t], k) => link(`n${f}`, `n${t}`, k));
          const layout = layeredLayout({ boxes, links, first: 'n0' });
          expect(overlaps(layout)).toEqual([]);
          expect(layout.links.size).toBe(links.length);
          for (const b of layout.boxes.values()) {
            expect(b.x).toBeGreaterThanOrEqual(0);
            expect(b.y).toBeGreaterThanOrEqual(0);
            expect(b.x + b.width).toBeLessThanOrEqual(layout.width);
            expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('gives the same picture every time for the same story', () => {
    const input: LayoutInput = { boxes: ['a', 'b', 'c', 'd', 'e'].map(box), links: [link('a', 'b'), link('a', 'c', 1), link('b', 'd'), link('c', 'd'), link('d', 'a'), link('c', 'e')], first: 'a' };
    const once = layeredLayout(input);
    const again = layeredLayout(input);
    expect([...again.boxes]).toEqual([...once.boxes]);
    expect([...again.links]).toEqual([...once.links]);
  });

  test('lays out a story with no choices as one box', () => {
    const layout = layeredLayout({ boxes: [box('only')], links: [] });
    expect(layout.boxes.get('only')).toMatchObject({ x: 24, y: 24, rank: 0 });
    expect(layout.width).toBe(248);
  });
});
