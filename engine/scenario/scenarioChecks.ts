// Static checks on a scenario, run when a pack loads, so an author learns about a
// broken story before a learner gets stuck in it. Each finding points at the place
// in the scenario YAML to fix, through the loader's `locate` callback.

import type { Diagnostic } from '../course/diagnostics';
import type { Ending, Scenario } from '../course/model';
import { conditionVariableRefs } from './conditions';
import { parseConditionCached } from './choices';
import { exploreScenario, type NodeReach } from './reachability';
import { didYouMean } from './suggest';
import { scenarioVariables } from './variables';

/** A diagnostic about one scenario; the loader adds the file. */
export type ScenarioFinding = Omit<Diagnostic, 'file'>;

/** A 1-based line and column in the scenario YAML. */
export interface SourcePosition {
  line: number;
  column: number;
  /**
   * True when the value there is a quoted scalar (`when: "a > 1"`), whose text starts
   * one column after the quote. Optional: without it the value is taken as plain.
   */
  quoted?: boolean;
}

/**
 * Position of a path into the scenario YAML, e.g. ['nodes', 'waiting-room', 'choices', 0, 'to'].
 * For a path ending at a mapping key the loader may point at the key or its value.
 */
export type Locate = (path: ReadonlyArray<string | number>) => SourcePosition;

type Path = (string | number)[];

/** A finding placed by its path into the scenario file (and an offset inside a condition), before positions are known. */
export interface PathFinding extends Omit<ScenarioFinding, 'line' | 'column'> {
  path: Path;
  /** 0-based offset inside the value at `path` (a condition's text); 0 elsewhere. */
  offset: number;
}

/**
 * What could not be read of a scenario file with errors, so the checks that depend on
 * it are skipped rather than reporting something false: a node whose choices may
 * be incomplete might lead anywhere, and a variable whose declaration or starting
 * value is unreadable might open any condition.
 */
export interface ScenarioUncertainty {
  /** Nodes whose choices could not all be read. */
  nodes: ReadonlySet<string>;
  /** The `variables` mapping could not be read, so an unknown name may be declared after all. */
  variableNames: boolean;
  /** Some starting value or range could not be read. */
  variableValues: boolean;
  /** `start` could not be read. */
  start: boolean;
}

/** Nothing uncertain: the scenario was read in full. */
export const CERTAIN: ScenarioUncertainty = { nodes: new Set(), variableNames: false, variableValues: false, start: false };

/**
 * Runs every static check on a scenario: a `start` that names no node (HCS009), choices
 * to unknown nodes (HCS017), unknown variables in effects and conditions (HCS016),
 * invalid conditions of choices and of endings' path notes (HCS015), a feature an ending
 * lists as both at play and missing (HCS008), unreachable nodes (HCS018, a warning), dead ends (HCS019)
 * and endings no path reaches (HCS020).
 *
 * A position inside a condition is the column of the `when` value, plus one for an
 * opening quote, plus the 0-based offset in the condition text; that is exact for a
 * condition written on one line, as conditions are.
 */
export function checkScenario(scenario: Scenario, locate: Locate, uncertainty: ScenarioUncertainty = CERTAIN): ScenarioFinding[] {
  return placeFindings(scenarioFindings(scenario, uncertainty), locate);
}

/** Findings by path placed at their line and column. */
export function placeFindings(findings: readonly PathFinding[], locate: Locate): ScenarioFinding[] {
  return findings.map(({ path, offset, ...finding }) => {
    const position = locate(path);
    return { line: position.line, column: position.column + (position.quoted ? 1 : 0) + offset, ...finding };
  });
}

/** The static checks' findings by path into the scenario file, for the loader and the scenario graph alike. */
export function scenarioFindings(scenario: Scenario, uncertainty: ScenarioUncertainty = CERTAIN): PathFinding[] {
  const findings: PathFinding[] = [];
  const at: At = (path, severity, code, message, offset = 0) => void findings.push({ path, offset, severity, code, message });

  const nodeIds = Object.keys(scenario.nodes);
  const variables = scenarioVariables(scenario).map((v) => v.name);
  // With the declarations unreadable, any name may be declared: none is called unknown.
  const known = uncertainty.variableNames ? undefined : new Set(variables);
  const startExists = Object.hasOwn(scenario.nodes, scenario.start);
  if (!startExists && !uncertainty.start) {
    at(['start'], 'error', 'HCS009', `start names node '${scenario.start}', which is not one of this scenario's nodes${didYouMean(scenario.start, nodeIds)}`);
  }

  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    node.choices.forEach((choice, i) => {
      const choicePath: Path = ['nodes', nodeId, 'choices', i];
      if (!Object.hasOwn(scenario.nodes, choice.to)) {
        at([...choicePath, 'to'], 'error', 'HCS017', `choice '${choice.id}' goes to node '${choice.to}', which does not exist${didYouMean(choice.to, nodeIds)}`);
      }
      for (const name of Object.keys(choice.effects ?? {})) {
        if (known && !known.has(name)) {
          at([...choicePath, 'effects', name], 'error', 'HCS016', `choice '${choice.id}' changes '${name}', which is not a variable of this scenario${variableHint(name, variables)}`);
        }
      }
      if (choice.when !== undefined) checkCondition(`choice '${choice.id}'`, choice.when, [...choicePath, 'when'], known, variables, at);
    });
    if (node.ending) checkEnding(nodeId, node.ending, known, variables, at);
  }

  if (startExists && reachabilityIsSound(scenario, uncertainty)) checkReachability(scenario, uncertainty, at);
  else if (startExists) deadEndsWithoutChoices(scenario, uncertainty, at);
  return findings;
}

type At = (path: Path, severity: ScenarioFinding['severity'], code: ScenarioFinding['code'], message: string, offset?: number) => void;

function variableHint(name: string, variables: string[]): string {
  const suggestion = didYouMean(name, variables);
  return suggestion || `; declare it under variables, or use one of: ${variables.join(', ')}`;
}

/** Checks one condition; `subject` names its owner in messages, e.g. "choice 'ask'". Unknown names are not judged when `known` is undefined. */
function checkCondition(subject: string, when: string, path: Path, known: Set<string> | undefined, variables: string[], at: At): void {
  const parsed = parseConditionCached(when);
  if (!parsed.ok) {
    at(path, 'error', 'HCS015', `the condition of ${subject} is invalid: ${parsed.message}`, parsed.offset);
    return;
  }
  if (!known) return;
  for (const ref of conditionVariableRefs(parsed.ast)) {
    if (!known.has(ref.name)) {
      at(path, 'error', 'HCS016', `the condition of ${subject} reads '${ref.name}', which is not a variable of this scenario${variableHint(ref.name, variables)}`, ref.offset);
    }
  }
}

/** An ending's path notes need valid conditions, and no feature can be both at play and missing. */
function checkEnding(nodeId: string, ending: Ending, known: Set<string> | undefined, variables: string[], at: At): void {
  ending.pathNotes.forEach((note, i) => {
    checkCondition(`path note ${i + 1} of ending '${nodeId}'`, note.when, ['nodes', nodeId, 'ending', 'pathNotes', i, 'when'], known, variables, at);
  });
  ending.missing.forEach((feature, i) => {
    if (ending.features.includes(feature)) {
      at(['nodes', nodeId, 'ending', 'missing', i], 'error', 'HCS008', `ending '${nodeId}' lists '${feature}' under both features and missing: a feature was either at play on the way here or missing`);
    }
  });
}

/**
 * True when what could not be read cannot change which nodes learners reach: no node
 * whose choices are uncertain can be reached even ignoring every condition (the most
 * a learner could ever reach), and no condition depends on values that are uncertain.
 */
export function reachabilityIsSound(scenario: Scenario, uncertainty: ScenarioUncertainty): boolean {
  const hasConditions = Object.values(scenario.nodes).some((node) => node.choices.some((c) => c.when !== undefined));
  if ((uncertainty.variableValues || uncertainty.variableNames) && hasConditions) return false;
  if (uncertainty.nodes.size === 0) return true;
  const seen = new Set([scenario.start]);
  const queue = [scenario.start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (uncertainty.nodes.has(id)) return false;
    for (const choice of scenario.nodes[id]?.choices ?? []) {
      if (Object.hasOwn(scenario.nodes, choice.to) && !seen.has(choice.to)) {
        seen.add(choice.to);
        queue.push(choice.to);
      }
    }
  }
  return true;
}

/** The one dead-end check that needs no search: a node with no choices and no ending. */
function deadEndsWithoutChoices(scenario: Scenario, uncertainty: ScenarioUncertainty, at: At): void {
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    if (!node.ending && node.choices.length === 0 && !uncertainty.nodes.has(nodeId)) {
      at(['nodes', nodeId], 'error', 'HCS019', `node '${nodeId}' is a dead end: it has no choices and no ending; add a choice onward or an ending`);
    }
  }
}

function checkReachability(scenario: Scenario, uncertainty: ScenarioUncertainty, at: At): void {
  const reach = exploreScenario(scenario);
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const info: NodeReach | undefined = reach.nodes.get(nodeId);
    const path: Path = ['nodes', nodeId];
    if (node.ending) {
      if (!info?.reached) {
        at(path, 'error', 'HCS020', `ending '${nodeId}' is never reached: no sequence of choices from '${scenario.start}' leads to it`);
      }
      continue;
    }
    // An unreachable node whose choices are uncertain is still unreachable; whether it is a dead end is not known.
    const choicesKnown = !uncertainty.nodes.has(nodeId);
    if (choicesKnown && node.choices.length === 0) {
      at(path, 'error', 'HCS019', `node '${nodeId}' is a dead end: it has no choices and no ending; add a choice onward or an ending`);
    } else if (info?.alwaysStuck) {
      at(path, 'error', 'HCS019', `node '${nodeId}' is a dead end: none of its choices is ever open when the story reaches it${example(info)}`);
    } else if (info?.canStick) {
      at(path, 'warning', 'HCS019', `node '${nodeId}' can be a dead end: none of its choices is open${example(info)}`);
    }
    if (!info?.reached) {
      at(path, 'warning', 'HCS018', `node '${nodeId}' is unreachable: no sequence of choices from '${scenario.start}' leads to it`);
    }
  }
}

function example(info: NodeReach): string {
  if (!info.stuckExample) return '';
  const { path, vars } = info.stuckExample;
  const route = path.length === 0 ? 'at the start' : `after choosing ${path.join(', ')}`;
  const values = Object.entries(vars).map(([name, value]) => `${name} = ${value}`).join(', ');
  return ` (${route}${values ? `, with ${values}` : ''})`;
}
