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
export function checkScenario(scenario: Scenario, locate: Locate): ScenarioFinding[] {
  const findings: ScenarioFinding[] = [];
  const at = (path: Path, severity: ScenarioFinding['severity'], code: ScenarioFinding['code'], message: string, offset = 0) => {
    const position = locate(path);
    const column = position.column + (position.quoted ? 1 : 0) + offset;
    findings.push({ line: position.line, column, severity, code, message });
  };

  const nodeIds = Object.keys(scenario.nodes);
  const variables = scenarioVariables(scenario).map((v) => v.name);
  const known = new Set(variables);
  const startExists = Object.hasOwn(scenario.nodes, scenario.start);
  if (!startExists) {
    at(['start'], 'error', 'HCS009', `start names node '${scenario.start}', which is not one of this scenario's nodes${didYouMean(scenario.start, nodeIds)}`);
  }

  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    node.choices.forEach((choice, i) => {
      const choicePath: Path = ['nodes', nodeId, 'choices', i];
      if (!Object.hasOwn(scenario.nodes, choice.to)) {
        at([...choicePath, 'to'], 'error', 'HCS017', `choice '${choice.id}' goes to node '${choice.to}', which does not exist${didYouMean(choice.to, nodeIds)}`);
      }
      for (const name of Object.keys(choice.effects ?? {})) {
        if (!known.has(name)) {
          at([...choicePath, 'effects', name], 'error', 'HCS016', `choice '${choice.id}' changes '${name}', which is not a variable of this scenario${variableHint(name, variables)}`);
        }
      }
      if (choice.when !== undefined) checkCondition(`choice '${choice.id}'`, choice.when, [...choicePath, 'when'], known, variables, at);
    });
    if (node.ending) checkEnding(nodeId, node.ending, known, variables, at);
  }

  if (startExists) checkReachability(scenario, at);
  return findings;
}

type At = (path: Path, severity: ScenarioFinding['severity'], code: ScenarioFinding['code'], message: string, offset?: number) => void;

function variableHint(name: string, variables: string[]): string {
  const suggestion = didYouMean(name, variables);
  return suggestion || `; declare it under variables, or use one of: ${variables.join(', ')}`;
}

/** Checks one condition; `subject` names its owner in messages, e.g. "choice 'ask'". */
function checkCondition(subject: string, when: string, path: Path, known: Set<string>, variables: string[], at: At): void {
  const parsed = parseConditionCached(when);
  if (!parsed.ok) {
    at(path, 'error', 'HCS015', `the condition of ${subject} is invalid: ${parsed.message}`, parsed.offset);
    return;
  }
  for (const ref of conditionVariableRefs(parsed.ast)) {
    if (!known.has(ref.name)) {
      at(path, 'error', 'HCS016', `the condition of ${subject} reads '${ref.name}', which is not a variable of this scenario${variableHint(ref.name, variables)}`, ref.offset);
    }
  }
}

/** An ending's path notes need valid conditions, and no feature can be both at play and missing. */
function checkEnding(nodeId: string, ending: Ending, known: Set<string>, variables: string[], at: At): void {
  ending.pathNotes.forEach((note, i) => {
    checkCondition(`path note ${i + 1} of ending '${nodeId}'`, note.when, ['nodes', nodeId, 'ending', 'pathNotes', i, 'when'], known, variables, at);
  });
  ending.missing.forEach((feature, i) => {
    if (ending.features.includes(feature)) {
      at(['nodes', nodeId, 'ending', 'missing', i], 'error', 'HCS008', `ending '${nodeId}' lists '${feature}' under both features and missing: a feature was either at play on the way here or missing`);
    }
  });
}

function checkReachability(scenario: Scenario, at: At): void {
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
    if (node.choices.length === 0) {
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
