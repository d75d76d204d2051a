// Which choices a learner sees at a node. Conditions are parsed once per distinct
// source text and kept, since the same few conditions are tested on every step.

import type { Choice, Scenario } from '../course/model';
import { evaluateCondition, parseCondition, type ParseConditionResult } from './conditions';

const MAX_CACHED = 10_000;
const parsed = new Map<string, ParseConditionResult>();

/** Parses a condition, remembering the result for the next time the same text is seen. */
export function parseConditionCached(src: string): ParseConditionResult {
  let result = parsed.get(src);
  if (result === undefined) {
    if (parsed.size >= MAX_CACHED) parsed.clear();
    result = parseCondition(src);
    parsed.set(src, result);
  }
  return result;
}

/** True when a choice may be taken with these values: no condition, or one that holds. */
export function choiceAllowed(choice: Pick<Choice, 'when'>, vars: Readonly<Record<string, number>>): boolean {
  if (choice.when === undefined) return true;
  const result = parseConditionCached(choice.when);
  // An invalid condition is reported when the pack loads; it never opens a choice.
  return result.ok && evaluateCondition(result.ast, vars);
}

/**
 * The choices shown at a node for these variable values, in file order: those whose
 * condition holds and whose target exists (the machine offers exactly these).
 */
export function availableChoices(scenario: Scenario, nodeId: string, vars: Readonly<Record<string, number>>): Choice[] {
  const node = Object.hasOwn(scenario.nodes, nodeId) ? scenario.nodes[nodeId] : undefined;
  if (!node || node.ending) return [];
  return node.choices.filter((choice) => Object.hasOwn(scenario.nodes, choice.to) && choiceAllowed(choice, vars));
}
