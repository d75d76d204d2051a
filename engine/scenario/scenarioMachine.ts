// A scenario compiled to an XState v5 machine: one state per node (keyed by the
// node's id), one CHOOSE event, a guard per choice from its condition, an assign
// action from its effects, and final states for endings. Guards and actions are
// named and parametrised, so the definition is plain data and a snapshot holds only
// the node, the values and the path: getPersistedSnapshot gives JSON that restores
// exactly, and a snapshot from before an edit can be checked against the new story.

import { assign, createActor, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';
import type { Scenario } from '../course/model';
import { choiceAllowed } from './choices';
import { applyEffects, clampToRange, initialVars, scenarioVariables } from './variables';

export { initialVars } from './variables';
export { availableChoices } from './choices';

/** What a play-through carries: the variables' values and the choice ids made so far. */
export interface ScenarioContext {
  vars: Record<string, number>;
  path: string[];
}

/** The one event a scenario takes: the learner picks a choice at the current node. */
export interface ChooseEvent {
  type: 'CHOOSE';
  choiceId: string;
}

/** Builds the XState machine of a scenario; its `start` must name a node. */
export function createScenarioMachine(scenario: Scenario) {
  if (!Object.hasOwn(scenario.nodes, scenario.start)) {
    throw new Error(`Scenario '${scenario.id}' starts at node '${scenario.start}', which does not exist.`);
  }
  const defs = scenarioVariables(scenario);
  const states = Object.fromEntries(
    Object.values(scenario.nodes).map((node) => {
      if (node.ending) return [node.id, { type: 'final' as const }];
      const transitions = node.choices
        // A choice to an unknown node is reported when the pack loads; it is never offered.
        .filter((choice) => Object.hasOwn(scenario.nodes, choice.to))
        .map((choice) => ({
          target: choice.to,
          guard: { type: 'choiceAllowed' as const, params: { choiceId: choice.id, when: choice.when } },
          actions: { type: 'applyChoice' as const, params: { choiceId: choice.id, effects: choice.effects ?? {} } },
        }));
      return [node.id, { on: { CHOOSE: transitions } }];
    }),
  );

  return setup({
    types: {
      context: {} as ScenarioContext,
      events: {} as ChooseEvent,
    },
    guards: {
      choiceAllowed: ({ context, event }, params: { choiceId: string; when?: string }) =>
        event.choiceId === params.choiceId && choiceAllowed(params, context.vars),
    },
    actions: {
      applyChoice: assign(({ context }, params: { choiceId: string; effects: Record<string, number> }) => ({
        vars: applyEffects(defs, context.vars, params.effects),
        path: [...context.path, params.choiceId],
      })),
    },
  }).createMachine({
    id: `scenario-${scenario.id}`,
    context: () => ({ vars: initialVars(scenario), path: [] }),
    initial: scenario.start,
    states,
  });
}

/** The machine type of a compiled scenario. */
export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
/** A running play-through. */
export type ScenarioActor = ActorRefFrom<ScenarioMachine>;
/** A snapshot of a play-through. */
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;

/** The node a snapshot (live or persisted) is at, or undefined when it names none. */
export function currentNodeId(snapshot: unknown): string | undefined {
  if (typeof snapshot !== 'object' || snapshot === null) return undefined;
  const value = (snapshot as { value?: unknown }).value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Starts a play-through, resumed from a persisted snapshot when it still fits the
 * scenario, else from the start. A snapshot from before an edit keeps its values
 * for variables that still exist; one at a node that no longer exists starts over.
 */
export function restoreScenarioActor(scenario: Scenario, persisted?: unknown): ScenarioActor {
  const { snapshot } = resumePoint(scenario, persisted);
  return createActor(machineFor(scenario), snapshot ? { snapshot } : {}).start();
}

/** Where a saved play-through resumes: its snapshot when it still fits the scenario, else none and a sentence saying why the story starts again. */
export interface ResumePoint {
  snapshot?: ScenarioSnapshot;
  /** Why the saved place could not be used (the story starts from its beginning), for the learner. */
  restarted?: string;
}

/**
 * Checks a saved play-through against the scenario as it is now: an author may have
 * renamed or removed the node the learner had reached since it was saved. A snapshot
 * that no longer fits is never handed to XState (which would throw for a node it does
 * not know); the story starts again, and the sentence says why.
 */
export function resumePoint(scenario: Scenario, persisted: unknown): ResumePoint {
  if (persisted === undefined || persisted === null) return {};
  const nodeId = currentNodeId(persisted);
  const snapshot = sanitize(scenario, persisted);
  if (!snapshot) {
    if (nodeId !== undefined && !Object.hasOwn(scenario.nodes, nodeId)) {
      return { restarted: `"${scenario.title}" has changed since you were last here: the part of the story you had reached ("${nodeId}") is no longer in it, so the story starts again from the beginning.` };
    }
    return { restarted: `Your place in "${scenario.title}" could not be read back, so the story starts again from the beginning.` };
  }
  try {
    createActor(machineFor(scenario), { snapshot }).start().stop();
  } catch {
    return { restarted: `Your place in "${scenario.title}" no longer fits the story as it is now written, so the story starts again from the beginning.` };
  }
  return { snapshot };
}

// A machine is immutable, so one per scenario object serves every play-through of it.
const machines = new WeakMap<Scenario, ScenarioMachine>();

function machineFor(scenario: Scenario): ScenarioMachine {
  let machine = machines.get(scenario);
  if (!machine) {
    machine = createScenarioMachine(scenario);
    machines.set(scenario, machine);
  }
  return machine;
}

/** A persisted snapshot rebuilt from its node, values and path alone, or undefined if it does not fit. */
function sanitize(scenario: Scenario, persisted: unknown) {
  const nodeId = currentNodeId(persisted);
  if (nodeId === undefined || !Object.hasOwn(scenario.nodes, nodeId)) return undefined;
  const context = (persisted as { context?: unknown }).context;
  if (typeof context !== 'object' || context === null) return undefined;
  const { vars, path } = context as { vars?: unknown; path?: unknown };
  if (!Array.isArray(path) || !path.every((id) => typeof id === 'string')) return undefined;
  if (typeof vars !== 'object' || vars === null) return undefined;
  const restored = initialVars(scenario);
  for (const def of scenarioVariables(scenario)) {
    const value = (vars as Record<string, unknown>)[def.name];
    if (typeof value === 'number' && Number.isFinite(value)) restored[def.name] = clampToRange(value, def);
  }
  const done = scenario.nodes[nodeId]!.ending !== undefined;
  return {
    status: done ? ('done' as const) : ('active' as const),
    value: nodeId,
    context: { vars: restored, path: [...(path as string[])] },
    children: {},
    historyValue: {},
    output: undefined,
    error: undefined,
  } as unknown as ScenarioSnapshot;
}
