// A scenario's variables: the 3Cs every story tracks plus any the author declares.
// Values always stay inside each variable's range, so effects can be written as
// plain nudges ("+1 control") without the author tracking the bounds.

import { THREE_CS, type Scenario, type VariableDef } from '../course/model';

/** Range and starting value of a 3Cs variable the scenario file leaves out. */
export const THREE_CS_DEFAULT = { initial: 5, min: 0, max: 10 } as const;

/** Every variable of a scenario: the 3Cs first (declared, or at their defaults), then the others in file order. */
export function scenarioVariables(scenario: Scenario): VariableDef[] {
  const declared = scenario.variables ?? [];
  const threeCs = THREE_CS.map(
    (name): VariableDef =>
      declared.find((v) => v.name === name) ?? { name, label: name[0]!.toUpperCase() + name.slice(1), ...THREE_CS_DEFAULT },
  );
  return [...threeCs, ...declared.filter((v) => !(THREE_CS as readonly string[]).includes(v.name))];
}

/** Clamps a value to a variable's range. */
export function clampToRange(value: number, def: Pick<VariableDef, 'min' | 'max'>): number {
  return Math.min(def.max, Math.max(def.min, value));
}

/** Starting values of every variable of a scenario, clamped to their ranges. */
export function initialVars(scenario: Scenario): Record<string, number> {
  const vars: Record<string, number> = {};
  for (const def of scenarioVariables(scenario)) vars[def.name] = clampToRange(def.initial, def);
  return vars;
}

/**
 * Adds a choice's effects to the variables and clamps each to its range. Effects on
 * names the scenario does not declare are ignored (the static checks report them).
 */
export function applyEffects(
  defs: readonly VariableDef[],
  vars: Readonly<Record<string, number>>,
  effects: Readonly<Record<string, number>>,
): Record<string, number> {
  const next = { ...vars };
  for (const def of defs) {
    const delta = effects[def.name];
    if (delta === undefined || !Number.isFinite(delta)) continue;
    next[def.name] = clampToRange((next[def.name] ?? def.initial) + delta, def);
  }
  return next;
}
