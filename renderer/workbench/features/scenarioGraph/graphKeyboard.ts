// Moving between the Scenario Graph's nodes by keyboard. Right and Left follow the
// choices (to the nearest node a choice of this one leads to, or back to the nearest
// node whose choice leads here), Up and Down move through the column, and where there
// is no such node each goes to the nearest node that way on the page. Home and End go
// to the first and last nodes in reading order (the start first). Kept apart from the
// view so it can be tested without a page.

import type { GraphLayout } from './layout/layeredLayout';

/** A key the graph answers. */
export type GraphKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/** The keys, for telling them from others. */
export const GRAPH_KEYS: readonly GraphKey[] = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

interface Spot {
  x: number;
  y: number;
  rank: number;
}

/** What moving needs: where each node is, what leads where, and the reading order. */
export interface GraphNavigation {
  /** Node ids in reading order: the start, then column by column, top to bottom. */
  order: string[];
  spots: Map<string, Spot>;
  successors: Map<string, string[]>;
  predecessors: Map<string, string[]>;
}

/** The navigation of laid-out nodes `nodeIds` (ghost boxes are left out) joined by `links`. */
export function graphNavigation(layout: GraphLayout, nodeIds: readonly string[], links: readonly { from: string; to: string }[], start?: string): GraphNavigation {
  const spots = new Map<string, Spot>();
  for (const id of nodeIds) {
    const box = layout.boxes.get(id);
    if (box) spots.set(id, { x: box.x + box.width / 2, y: box.y + box.height / 2, rank: box.rank });
  }
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const { from, to } of links) {
    if (from === to || !spots.has(from) || !spots.has(to)) continue;
    successors.set(from, [...new Set([...(successors.get(from) ?? []), to])]);
    predecessors.set(to, [...new Set([...(predecessors.get(to) ?? []), from])]);
  }
  const order = [...spots.keys()].sort((a, b) => {
    if (a === start) return -1;
    if (b === start) return 1;
    const sa = spots.get(a)!;
    const sb = spots.get(b)!;
    return sa.rank - sb.rank || sa.y - sb.y;
  });
  return { order, spots, successors, predecessors };
}

/** The node a key moves to from `current` (the first in reading order when nothing is current); `current` itself when there is nowhere to go. */
export function nextNode(nav: GraphNavigation, current: string | undefined, key: GraphKey): string | undefined {
  const here = current === undefined ? undefined : nav.spots.get(current);
  if (key === 'Home' || !here || current === undefined) return key === 'End' ? nav.order[nav.order.length - 1] : nav.order[0];
  if (key === 'End') return nav.order[nav.order.length - 1];
  const others = (ids: Iterable<string>) => [...ids].filter((id) => id !== current).map((id) => ({ id, at: nav.spots.get(id)! }));
  const nearest = (candidates: { id: string; at: Spot }[], cost: (at: Spot) => number) =>
    candidates.reduce<{ id: string; cost: number } | undefined>((best, c) => {
      const value = cost(c.at);
      return !best || value < best.cost || (value === best.cost && c.at.y < nav.spots.get(best.id)!.y) ? { id: c.id, cost: value } : best;
    }, undefined)?.id;
  const along = (linked: string[] | undefined, forward: (at: Spot) => boolean) => {
    const all = others(linked ?? []);
    const ahead = all.filter((c) => forward(c.at));
    return nearest(ahead.length > 0 ? ahead : all, (at) => Math.abs(at.y - here.y) + Math.abs(at.x - here.x) / 1000);
  };
  const everyone = others(nav.spots.keys());
  switch (key) {
    case 'ArrowRight':
      return along(nav.successors.get(current), (at) => at.x > here.x) ?? nearest(everyone.filter((c) => c.at.x > here.x), (at) => at.x - here.x + 3 * Math.abs(at.y - here.y)) ?? current;
    case 'ArrowLeft':
      return along(nav.predecessors.get(current), (at) => at.x < here.x) ?? nearest(everyone.filter((c) => c.at.x < here.x), (at) => here.x - at.x + 3 * Math.abs(at.y - here.y)) ?? current;
    case 'ArrowDown':
      return (
        nearest(everyone.filter((c) => c.at.rank === here.rank && c.at.y > here.y), (at) => at.y - here.y) ??
        nearest(everyone.filter((c) => c.at.y > here.y), (at) => at.y - here.y + 2 * Math.abs(at.x - here.x)) ??
        current
      );
    case 'ArrowUp':
      return (
        nearest(everyone.filter((c) => c.at.rank === here.rank && c.at.y < here.y), (at) => here.y - at.y) ??
        nearest(everyone.filter((c) => c.at.y < here.y), (at) => here.y - at.y + 2 * Math.abs(at.x - here.x)) ??
        current
      );
  }
}
