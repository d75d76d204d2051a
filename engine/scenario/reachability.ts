// Which nodes a learner can actually reach, taking conditions into account. The
// search walks (node, values) states from the start. Only variables that some
// condition reads can change which choices open, so the state keeps just those:
// a story without conditions is a plain graph search, and one with a few guarded
// choices stays small. Past a cap the search gives up on values and falls back to
// the plain graph, which can only under-report problems, never invent them.

import type { Scenario } from '../course/model';
import { evaluateCondition, conditionVariables, type ConditionAst } from './conditions';
import { parseConditionCached } from './choices';
import { clampToRange, initialVars, scenarioVariables } from './variables';

/** Most (node, values) states explored before falling back to the plain graph. */
export const DEFAULT_STATE_CAP = 20_000;

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
  /** True when values were followed exactly; false after falling back to the plain graph. */
  exact: boolean;
  states: number;
  nodes: Map<string, NodeReach>;
}

interface CompiledChoice {
  id: string;
  /** Index of the target node; -1 when it does not exist (reported elsewhere). */
  target: number;
  condition?: ConditionAst;
  deltas: [index: number, delta: number][];
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
  return result ?? structural(ids, compiled, start);
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
    const deltas: [number, number][] = [];
    tracked.forEach((name, i) => {
      const delta = choice.effects?.[name];
      if (delta !== undefined && Number.isFinite(delta) && delta !== 0) deltas.push([i, delta]);
    });
    return {
      id: choice.id,
      target: index.get(choice.to) ?? -1,
      // An invalid condition is reported on its own; treating it as open here keeps
      // one mistake from also showing up as a string of unreachable nodes.
      condition: parsed?.ok ? parsed.ast : undefined,
      deltas,
    };
  });
}

function search(
  ids: string[],
  compiled: (CompiledChoice[] | undefined)[],
  defs: { name: string; min: number; max: number }[],
  tracked: string[],
  start: number,
  startValues: number[],
  cap: number,
): Reachability | undefined {
  const nodeOf: number[] = [start];
  const valuesOf: number[][] = [startValues];
  const parentOf: number[] = [-1];
  const choiceOf: string[] = [''];
  const seen = new Set<string>([`${start}|${startValues.join(',')}`]);
  const total = new Array<number>(ids.length).fill(0);
  const stuck = new Array<number>(ids.length).fill(0);
  const firstStuck = new Array<number>(ids.length).fill(-1);

  for (let s = 0; s < nodeOf.length; s++) {
    const node = nodeOf[s]!;
    const values = valuesOf[s]!;
    total[node]!++;
    const choices = compiled[node];
    if (!choices) continue;
    const vars: Record<string, number> = {};
    tracked.forEach((name, i) => (vars[name] = values[i]!));
    let open = 0;
    for (const choice of choices) {
      if (choice.condition && !evaluateCondition(choice.condition, vars)) continue;
      open++;
      if (choice.target < 0) continue;
      const next = values.slice();
      for (const [i, delta] of choice.deltas) next[i] = clampToRange(next[i]! + delta, defs[i]!);
      const key = `${choice.target}|${next.join(',')}`;
      if (seen.has(key)) continue;
      if (seen.size >= cap) return undefined;
      seen.add(key);
      nodeOf.push(choice.target);
      valuesOf.push(next);
      parentOf.push(s);
      choiceOf.push(choice.id);
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
      const vars: Record<string, number> = {};
      tracked.forEach((name, t) => (vars[name] = valuesOf[s]![t]!));
      reach.stuckExample = { path, vars };
    }
    nodes.set(id, reach);
  });
  return { exact: true, states: nodeOf.length, nodes };
}

function structural(ids: string[], compiled: (CompiledChoice[] | undefined)[], start: number): Reachability {
  const reached = new Array<boolean>(ids.length).fill(false);
  reached[start] = true;
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    for (const choice of compiled[queue[q]!] ?? []) {
      if (choice.target >= 0 && !reached[choice.target]) {
        reached[choice.target] = true;
        queue.push(choice.target);
      }
    }
  }
  const nodes = new Map<string, NodeReach>();
  ids.forEach((id, i) => {
    const empty = compiled[i]?.length === 0;
    nodes.set(id, { reached: reached[i]!, canStick: reached[i]! && empty, alwaysStuck: reached[i]! && empty });
  });
  return { exact: false, states: queue.length, nodes };
}
