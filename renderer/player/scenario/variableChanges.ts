// Turns a change in a scenario's variables into sentences for the live region, so a
// learner who cannot see the meters move still hears "Control went up by 1 to 6".
import type { VariableDef } from '../../../engine/course/model';

/** One variable that moved between two states of a play-through. */
export interface VariableChange {
  name: string;
  label: string;
  from: number;
  to: number;
}

/** Lists the declared variables whose value differs between `before` and `after`, in declaration order. */
export function variableChanges(
  variables: readonly VariableDef[],
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): VariableChange[] {
  const changes: VariableChange[] = [];
  for (const variable of variables) {
    const from = before[variable.name] ?? variable.initial;
    const to = after[variable.name] ?? variable.initial;
    if (from !== to) changes.push({ name: variable.name, label: variable.label, from, to });
  }
  return changes;
}

/** Says one change in words, e.g. "Control went up by 1 to 6". */
export function describeChange(change: VariableChange): string {
  const delta = change.to - change.from;
  return `${change.label} went ${delta > 0 ? 'up' : 'down'} by ${Math.abs(delta)} to ${change.to}`;
}
