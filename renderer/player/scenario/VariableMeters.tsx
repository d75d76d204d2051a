// The 3Cs (and any variables the author declares) as labelled meters with their
// numbers, and a polite live region that says what the last choice changed.
import { useEffect, useId, useRef, useState } from 'react';
import type { VariableDef } from '../../../engine/course/model';
import { describeChange, variableChanges, type VariableChange } from './variableChanges';

/** Props of VariableMeters. */
export interface VariableMetersProps {
  variables: readonly VariableDef[];
  vars: Readonly<Record<string, number>>;
  /** Whose 3Cs the story follows. */
  focus: string;
}

/** Renders one meter per variable and announces each change in words. */
export function VariableMeters({ variables, vars, focus }: VariableMetersProps) {
  const headingId = useId();
  const previous = useRef(vars);
  const [changes, setChanges] = useState<VariableChange[]>([]);

  useEffect(() => {
    if (previous.current === vars) return;
    const found = variableChanges(variables, previous.current, vars);
    previous.current = vars;
    setChanges(found);
  }, [variables, vars]);

  const changedNames = new Set(changes.map((c) => c.name));
  return (
    <section className="hcs-meters" aria-labelledby={headingId}>
      <h2 id={headingId}>Control, contact and confidence</h2>
      <p className="hcs-meters-focus">For {focus}.</p>
      <ul>
        {variables.map((variable) => {
          const value = vars[variable.name] ?? variable.initial;
          const change = changes.find((c) => c.name === variable.name);
          return (
            <li key={variable.name} data-variable={variable.name} data-changed={changedNames.has(variable.name) || undefined}>
              <Meter variable={variable} value={value} />
              {change && (
                <span className="hcs-meter-change">
                  <span aria-hidden="true">{change.to > change.from ? '▲' : '▼'} </span>
                  {change.to > change.from ? 'up' : 'down'} {Math.abs(change.to - change.from)}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <p className="hcs-meters-news" role="status" aria-live="polite">
        {changes.length === 0 ? '' : `${changes.map(describeChange).join('. ')}.`}
      </p>
    </section>
  );
}

/** One labelled bar with its value as text. */
function Meter({ variable, value }: { variable: VariableDef; value: number }) {
  const labelId = useId();
  const span = variable.max - variable.min;
  const percent = span > 0 ? ((value - variable.min) / span) * 100 : 0;
  return (
    <div className="hcs-meter">
      <span id={labelId} className="hcs-meter-label">
        {variable.label}
      </span>
      <span
        className="hcs-meter-bar"
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={variable.min}
        aria-valuemax={variable.max}
        aria-valuenow={value}
        aria-valuetext={`${value} out of ${variable.max}`}
      >
        <span className="hcs-meter-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="hcs-meter-value">
        {value}
        <span className="hcs-meter-max"> / {variable.max}</span>
      </span>
    </div>
  );
}
