// "Play from Here": an author starts a scenario at any node with the variable values
// they choose, to try a branch without clicking through the story to reach it. The
// result is an ordinary persisted snapshot of the scenario machine, the same shape a
// learner's play-through is saved in, so the player resumes it as it resumes any
// other (restoreScenarioActor) and nothing in the player needs to know. Values are
// checked against the variables' declared ranges rather than clamped: an author who
// asks for trust 12 on a 0-10 scale should be told, not silently given 10.

import { createActor } from 'xstate';
import type { Scenario } from '../course/model';
import { createScenarioMachine } from './scenarioMachine';
import { didYouMean } from './suggest';
import { initialVars, scenarioVariables } from './variables';

/** A snapshot to resume from, or the sentences saying why the request cannot be played. */
export type PlayFromHereResult = { ok: true; snapshot: unknown } | { ok: false; problems: string[] };

/**
 * A persisted snapshot of `scenario` at node `nodeId`, with `values` for any variables
 * the author sets (the others at their starting values) and no choices made yet.
 * It is a preview: the player should not record it as the learner's progress.
 */
export function playFromHere(scenario: Scenario, nodeId: string, values: Readonly<Record<string, number>> = {}): PlayFromHereResult {
  const problems: string[] = [];
  const nodeIds = Object.keys(scenario.nodes);
  if (!Object.hasOwn(scenario.nodes, nodeId)) problems.push(`Scenario '${scenario.id}' has no node '${nodeId}'${didYouMean(nodeId, nodeIds)}: choose one of its nodes to play from.`);
  if (!Object.hasOwn(scenario.nodes, scenario.start)) problems.push(`Scenario '${scenario.id}' starts at node '${scenario.start}', which does not exist: fix its start before playing it.`);
  const defs = scenarioVariables(scenario);
  const vars = initialVars(scenario);
  for (const [name, value] of Object.entries(values)) {
    const def = defs.find((d) => d.name === name);
    if (!def) {
      problems.push(`Scenario '${scenario.id}' has no variable '${name}'${didYouMean(name, defs.map((d) => d.name))}: set one of ${defs.map((d) => d.name).join(', ')}.`);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(`${def.label} (${name}) must be a number between ${def.min} and ${def.max}.`);
    } else if (value < def.min || value > def.max) {
      problems.push(`${def.label} (${name}) must be between ${def.min} and ${def.max}, but it is ${value}.`);
    } else vars[name] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  const machine = createScenarioMachine(scenario);
  // resolveState builds the snapshot XState itself would hold at that node, status
  // included (an ending is a final state, so playing from one shows it as done).
  const actor = createActor(machine, { snapshot: machine.resolveState({ value: nodeId, context: { vars, path: [] } }) });
  const snapshot = actor.getPersistedSnapshot();
  return { ok: true, snapshot: JSON.parse(JSON.stringify(snapshot)) as unknown };
}
