// Beside the graph: the selected node in words, its problems with their places, its
// choices, a button to its source, and Play from Here with the values the author sets.

import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Scenario } from '../../../../engine/course/model';
import type { GraphMark, ScenarioGraphEdge, ScenarioGraphNode } from '../../../../engine/scenario/scenarioGraph';
import { scenarioVariables, initialVars } from '../../../../engine/scenario/variables';
import { choiceSentence, firstWords, markSentence, nodeKindWords } from './graphWords';

/** Props of NodeDetails. */
export interface NodeDetailsProps {
  node: ScenarioGraphNode;
  choices: readonly ScenarioGraphEdge[];
  /** The story as it reads, when it can be played. */
  scenario: Scenario | undefined;
  /** Why it cannot be played, when it cannot. */
  notPlayable: string;
  onOpenSource(line: number, column: number): void;
  /** Starts the preview; answers the sentences saying why it could not, or nothing. */
  onPlay(nodeId: string, values: Record<string, number>): string[];
}

/** The details of one node and Play from Here. */
export function NodeDetails({ node, choices, scenario, notPlayable, onOpenSource, onPlay }: NodeDetailsProps) {
  const headingId = useId();
  const marks: GraphMark[] = [...node.marks, ...choices.flatMap((c) => c.marks)];
  return (
    <aside className="sg-details" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {nodeKindWords(node)}: <code>{node.id}</code>
      </h3>
      {node.ending ? <p>Ending “{node.ending.title}”{node.ending.kind ? `, ${node.ending.kind}` : ', with no valid kind'}.</p> : null}
      {node.text.trim() ? <p className="sg-details-text">{firstWords(node.text, 280)}</p> : null}
      <button type="button" className="wb-button" onClick={() => onOpenSource(node.line, node.column)}>
        Edit Source (line {node.line})
      </button>
      {marks.length > 0 ? (
        <>
          <h4>Problems</h4>
          <ul className="sg-details-marks">
            {marks.map((m, i) => (
              <li key={i}>
                <button type="button" className="sg-link" onClick={() => onOpenSource(m.line, m.column)}>
                  {markSentence(m)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {!node.ending ? (
        <>
          <h4>Choices</h4>
          {choices.length === 0 ? <p>No choices.</p> : <ul className="sg-details-choices">{choices.map((c) => <li key={c.id}>{choiceSentence(c)}</li>)}</ul>}
        </>
      ) : null}
      <PlayFromHere nodeId={node.id} scenario={scenario} notPlayable={notPlayable} onPlay={onPlay} />
    </aside>
  );
}

/** The values to start from, one field per variable (the 3Cs and the scenario's own), and the button. */
function PlayFromHere({ nodeId, scenario, notPlayable, onPlay }: { nodeId: string; scenario: Scenario | undefined; notPlayable: string; onPlay: NodeDetailsProps['onPlay'] }) {
  const headingId = useId();
  const variables = useMemo(() => (scenario ? scenarioVariables(scenario) : []), [scenario]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const starting = useMemo(() => (scenario ? initialVars(scenario) : {}), [scenario]);
  useEffect(() => setProblems([]), [scenario, nodeId]);

  if (!scenario) {
    return (
      <section className="sg-play" aria-labelledby={headingId}>
        <h4 id={headingId}>Play from Here</h4>
        <p>{notPlayable}</p>
      </section>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen: Record<string, number> = {};
    const unreadable: string[] = [];
    for (const v of variables) {
      const text = values[v.name];
      if (text === undefined) continue;
      const value = text.trim() === '' ? Number.NaN : Number(text);
      if (Number.isNaN(value)) unreadable.push(`${v.label} (${v.name}) must be a number between ${v.min} and ${v.max}.`);
      else chosen[v.name] = value;
    }
    setProblems(unreadable.length > 0 ? unreadable : onPlay(nodeId, chosen));
  };
  return (
    <form className="sg-play" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h4 id={headingId}>Play from Here</h4>
      <p>Starts a preview at {nodeId} with these values. Nothing is recorded as progress.</p>
      <div className="sg-play-fields">
        {variables.map((v) => (
          <label key={v.name} className="sg-play-field">
            <span>
              {v.label} ({v.min}–{v.max})
            </span>
            <input
              type="number"
              inputMode="numeric"
              min={v.min}
              max={v.max}
              step="any"
              value={values[v.name] ?? String(starting[v.name] ?? v.min)}
              onChange={(e) => setValues((old) => ({ ...old, [v.name]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      {problems.length > 0 ? (
        <ul className="sg-play-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="wb-button wb-button-primary">
        Play from Here
      </button>
    </form>
  );
}
