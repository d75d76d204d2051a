// Which nodes a learner can actually reach, taking conditions into account. The
// search walks (node, values) states from the start. Only variables that some
// condition reads can change which choices open, so the state keeps just those:
// a story without conditions is a plain graph search, and one with a few guarded
// choices stays small. Past a cap the search falls back to tracking a range of
// values per node (see boundsReach.ts), which can only under-report problems,
// never invent them.

import type { Scenario } from '../course/model';
import { conditionVariables, type ConditionAst } from './conditions';
import { parseConditionCached } from './choices';
import { compileCondition } from './compiledCondition';
import { boundsReach } from './boundsReach';
import { initialVars, scenarioVariables } from './variables';

/**
 * Most (node, values) states explored before falling back to ranges per node. Most
 * authored stories stay under it and are searched exactly; past it the ranges still
 * find unreachable nodes and certain dead ends, losing only the warning for a node
 * stuck on some routes. A tangled story costs a millisecond or two before falling
 * back, so a pack of 100 scenarios of 50 nodes checks in well under a second.
 */
export const DEFAULT_STATE_CAP = 2_000;

/** What the search learned about one node. */
export interface NodeReach {
  reached: boolean;
  /** Some reachable state at this node has no choice open. */
  canStick: boolean;
  /** Every reachable state at this node has no choice open. */
  alwaysStuck: boolean;
  /** Choice ids leading to the first stuck state found, and the values there. */
  stuckExample?: { path: string[]; vars: Record<string, number> };
}

/** Result of the reachability search. */
export interface Reachability {
  /** True when values were followed exactly; false after falling back to ranges per node. */
  exact: boolean;
  states: number;
  nodes: Map<string, NodeReach>;
}

/** A choice prepared for the search: indices instead of names. */
export interface CompiledChoice {
  id: string;
  /** Index of the target node; -1 when it does not exist (reported elsewhere). */
  target: number;
  /** The condition as a function of the tracked values, or undefined when always open. */
  condition?: (values: number[]) => boolean;
  ast?: ConditionAst;
  /** Change to each tracked variable, by position (0 for none). */
  deltas: number[];
}

/** Explores a scenario from its start; the start must exist. */
export function exploreScenario(scenario: Scenario, cap = DEFAULT_STATE_CAP): Reachability {
  const ids = Object.keys(scenario.nodes);
  const index = new Map(ids.map((id, i) => [id, i]));
  const defs = scenarioVariables(scenario);
  const tracked = trackedVariables(scenario, new Set(defs.map((d) => d.name)));
  const trackedDefs = tracked.map((name) => defs.find((d) => d.name === name)!);
  const compiled = ids.map((id) => compileNode(scenario, id, index, tracked));
  const start = index.get(scenario.start);
  if (start === undefined) return { exact: true, states: 0, nodes: new Map() };

  const startVars = initialVars(scenario);
  const startValues = tracked.map((name) => startVars[name] ?? 0);
  const result = search(ids, compiled, trackedDefs, tracked, start, startValues, cap);
  return result ?? boundsReach(ids, compiled, trackedDefs, start, startValues);
}

function trackedVariables(scenario: Scenario, known: Set<string>): string[] {
  const names = new Set<string>();
  for (const node of Object.values(scenario.nodes)) {
    for (const choice of node.choices) {
      if (choice.when === undefined) continue;
      const parsed = parseConditionCached(choice.when);
      if (parsed.ok) for (const name of conditionVariables(parsed.ast)) if (known.has(name)) names.add(name);
    }
  }
  return [...names];
}

function compileNode(scenario: Scenario, id: string, index: Map<string, number>, tracked: string[]): CompiledChoice[] | undefined {
  const node = scenario.nodes[id]!;
  if (node.ending) return undefined;
  return node.choices.map((choice) => {
    const parsed = choice.when === undefined ? undefined : parseConditionCached(choice.when);
    const deltas = tracked.map((name) => {
      const delta = choice.effects?.[name];
      return delta !== undefined && Number.isFinite(delta) ? delta : 0;
    });
    return {
      id: choice.id,
      target: index.get(choice.to) ?? -1,
      // An invalid condition is reported on its own; treating it as open here keeps
      // one mistake from also showing up as a string of unreachable nodes.
      condition: parsed?.ok ? compileCondition(parsed.ast, tracked) : undefined,
      ast: parsed?.ok ? parsed.ast : undefined,
      deltas,
    };
  });
}

/**
 * How a state becomes a Set key. When every tracked value stays a whole number (whole-
 * number ranges and effects, the usual case) the key is one mixed-radix number over
 * the node and the values, `weights` giving each place; otherwise it is a string.
 */
function stateWeights(
  nodeCount: number,
  defs: { min: number; max: number; initial: number }[],
  compiled: (CompiledChoice[] | undefined)[],
): number[] | undefined {
  const integral =
    defs.every((d) => Number.isInteger(d.min) && Number.isInteger(d.max) && Number.isInteger(d.initial)) &&
    compiled.every((choices) => (choices ?? []).every((c) => c.deltas.every((delta) => Number.isInteger(delta))));
  let space = nodeCount;
  const weights = defs.map((d) => {
    const weight = space;
    space *= d.max - d.min + 1;
    return weight;
  });
  return integral && space <= Number.MAX_SAFE_INTEGER ? weights : undefined;
}

// The loop below runs for every state of every scenario of a pack, mostly before the
// JIT has warmed up, so it sticks to indexed loops and plain arithmetic.
function search(
  ids: string[],
  compiled: (CompiledChoice[] | undefined)[],
  defs: { name: string; min: number; max: number; initial: number }[],
  tracked: string[],
  start: number,
  startValues: number[],
  cap: number,
): Reachability | undefined {
  const width = tracked.length;
  const mins = defs.map((d) => d.min);
  const maxes = defs.map((d) => d.max);
  const weights = stateWeights(ids.length, defs, compiled);
  const keyOf = (node: number, values: number[]): number | string => {
    if (!weights) return `${node}|${values.join(',')}`;
    let key = node;
    for (let i = 0; i < width; i++) key += (values[i]! - mins[i]!) * weights[i]!;
    return key;
  };
  const seen = new Set<number | string>([keyOf(start, startValues)]);
  // States in discovery order: node, parent state, choice taken, and `width` values each.
  const nodeOf: number[] = [start];
  const parentOf: number[] = [-1];
  const choiceOf: string[] = [''];
  const flat: number[] = [...startValues];
  const total = new Array<number>(ids.length).fill(0);
  const stuck = new Array<number>(ids.length).fill(0);
  const firstStuck = new Array<number>(ids.length).fill(-1);
  const values = startValues.slice();
  const next = startValues.slice();

  for (let s = 0; s < nodeOf.length; s++) {
    const node = nodeOf[s]!;
    total[node]!++;
    const choices = compiled[node];
    if (!choices) continue;
    for (let i = 0; i < width; i++) values[i] = flat[s * width + i]!;
    let open = 0;
    for (let c = 0; c < choices.length; c++) {
      const choice = choices[c]!;
      if (choice.condition && !choice.condition(values)) continue;
      open++;
      if (choice.target < 0) continue;
      const deltas = choice.deltas;
      let key: number | string = choice.target;
      for (let i = 0; i < width; i++) {
        let v = values[i]! + deltas[i]!;
        v = v < mins[i]! ? mins[i]! : v > maxes[i]! ? maxes[i]! : v;
        next[i] = v;
        if (weights) key += (v - mins[i]!) * weights[i]!;
      }
      if (!weights) key = keyOf(choice.target, next);
      if (seen.has(key)) continue;
      if (seen.size >= cap) return undefined;
      seen.add(key);
      nodeOf.push(choice.target);
      parentOf.push(s);
      choiceOf.push(choice.id);
      for (let i = 0; i < width; i++) flat.push(next[i]!);
    }
    if (open === 0) {
      stuck[node]!++;
      if (firstStuck[node] === -1) firstStuck[node] = s;
    }
  }

  const nodes = new Map<string, NodeReach>();
  ids.forEach((id, i) => {
    const reach: NodeReach = { reached: total[i]! > 0, canStick: stuck[i]! > 0, alwaysStuck: total[i]! > 0 && stuck[i] === total[i] };
    const s = firstStuck[i]!;
    if (s >= 0) {
      const path: string[] = [];
      for (let at = s; parentOf[at]! >= 0; at = parentOf[at]!) path.unshift(choiceOf[at]!);
      const example: Record<string, number> = {};
      tracked.forEach((name, t) => (example[name] = flat[s * width + t]!));
      reach.stuckExample = { path, vars: example };
    }
    nodes.set(id, reach);
  });
  return { exact: true, states: nodeOf.length, nodes };
}
