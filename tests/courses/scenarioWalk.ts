// A breadth-first walk through a scenario's state machine, choice by choice, as a
// learner could play it: it proves which endings some sequence of choices reaches.
import { initialTransition, transition } from 'xstate';
import type { Scenario } from '../../engine/course/model';
import { availableChoices, createScenarioMachine, currentNodeId } from '../../engine/scenario/scenarioMachine';

/** Endings a walk reached, and any ending at which the machine did not finish. */
export interface WalkResult {
  endings: Set<string>;
  unfinished: string[];
  /** Every distinct way of arriving at an ending: the ending and the variables as the story ended. */
  arrivals: Array<{ nodeId: string; vars: Record<string, number> }>;
}

/**
 * Endings reached by a breadth-first search over (node, variables) through the machine.
 * A debrief reads only the variables at its ending, so these arrivals are every debrief a
 * learner can be shown.
 */
export function reachableEndings(scenario: Scenario): WalkResult {
  const machine = createScenarioMachine(scenario);
  const [first] = initialTransition(machine);
  const queue = [first];
  const seen = new Set<string>();
  const endings = new Set<string>();
  const unfinished: string[] = [];
  const arrivals: WalkResult['arrivals'] = [];
  while (queue.length > 0) {
    const snapshot = queue.shift()!;
    const nodeId = currentNodeId(snapshot);
    if (nodeId === undefined) throw new Error(`${scenario.file}: the machine left every node of the story`);
    const vars = snapshot.context.vars;
    // Variables are clamped to small ranges, so (node, variables) pairs are few.
    const key = `${nodeId} ${JSON.stringify(vars)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (scenario.nodes[nodeId]?.ending) {
      endings.add(nodeId);
      arrivals.push({ nodeId, vars: { ...vars } });
      if (snapshot.status !== 'done') unfinished.push(nodeId);
      continue;
    }
    for (const choice of availableChoices(scenario, nodeId, vars)) {
      const [next] = transition(machine, snapshot, { type: 'CHOOSE', choiceId: choice.id });
      queue.push(next);
    }
  }
  return { endings, unfinished, arrivals };
}
