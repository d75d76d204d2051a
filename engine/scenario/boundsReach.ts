// The fallback when a scenario has too many (node, values) states to search one by
// one: each node keeps the lowest and highest value each variable can have there.
// A choice is followed unless its condition is false for every value in the ranges,
// so the answer over-approximates what learners can reach: a node it calls
// unreachable truly is, and a node it calls stuck truly is, but it cannot see a node
// that is stuck on some routes only.

import type { CompiledChoice, NodeReach, Reachability } from './reachability';
import { conditionOverRanges } from './compiledCondition';
import { clampToRange } from './variables';

/** Times a node's ranges may grow before they are widened to the variables' full ranges. */
const WIDEN_AFTER = 4;

/** Reachability over per-node value ranges; `defs` and `startValues` follow the tracked variables. */
export function boundsReach(
  ids: string[],
  compiled: (CompiledChoice[] | undefined)[],
  defs: { name: string; min: number; max: number }[],
  start: number,
  startValues: number[],
): Reachability {
  const tracked = defs.map((d) => d.name);
  const lo: (number[] | undefined)[] = new Array(ids.length).fill(undefined);
  const hi: (number[] | undefined)[] = new Array(ids.length).fill(undefined);
  const grown = new Array<number>(ids.length).fill(0);
  lo[start] = startValues.slice();
  hi[start] = startValues.slice();
  const queue = [start];
  const queued = new Set(queue);
  let steps = 0;

  while (queue.length > 0) {
    const node = queue.shift()!;
    queued.delete(node);
    steps++;
    const nodeLo = lo[node]!;
    const nodeHi = hi[node]!;
    for (const choice of compiled[node] ?? []) {
      if (choice.target < 0) continue;
      if (choice.ast && conditionOverRanges(choice.ast, tracked, nodeLo, nodeHi) === 'never') continue;
      const nextLo = nodeLo.slice();
      const nextHi = nodeHi.slice();
      choice.deltas.forEach((delta, i) => {
        nextLo[i] = clampToRange(nextLo[i]! + delta, defs[i]!);
        nextHi[i] = clampToRange(nextHi[i]! + delta, defs[i]!);
      });
      if (widen(choice.target, nextLo, nextHi)) {
        if (!queued.has(choice.target)) {
          queued.add(choice.target);
          queue.push(choice.target);
        }
      }
    }
  }

  /** Joins new ranges into a node's; true when they grew. */
  function widen(target: number, nextLo: number[], nextHi: number[]): boolean {
    const oldLo = lo[target];
    const oldHi = hi[target];
    if (!oldLo || !oldHi) {
      lo[target] = nextLo;
      hi[target] = nextHi;
      return true;
    }
    let changed = false;
    for (let i = 0; i < nextLo.length; i++) {
      if (nextLo[i]! < oldLo[i]!) {
        oldLo[i] = nextLo[i]!;
        changed = true;
      }
      if (nextHi[i]! > oldHi[i]!) {
        oldHi[i] = nextHi[i]!;
        changed = true;
      }
    }
    // Small steps (say +0.1 around a loop) would grow a range for ever; after a few
    // rounds the range is taken to be the whole of each variable's.
    if (changed && ++grown[target]! > WIDEN_AFTER) {
      defs.forEach((d, i) => ((oldLo[i] = d.min), (oldHi[i] = d.max)));
    }
    return changed;
  }

  const nodes = new Map<string, NodeReach>();
  ids.forEach((id, i) => {
    const reached = lo[i] !== undefined;
    const choices = compiled[i];
    const stuck =
      reached &&
      choices !== undefined &&
      choices.every((c) => c.ast !== undefined && conditionOverRanges(c.ast, tracked, lo[i]!, hi[i]!) === 'never');
    nodes.set(id, { reached, canStick: stuck, alwaysStuck: stuck });
  });
  return { exact: false, states: steps, nodes };
}
