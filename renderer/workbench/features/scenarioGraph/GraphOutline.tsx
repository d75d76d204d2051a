// The graph as text: every node in reading order with its kind, its problems and its
// choices, for screen readers and for anyone who would rather read than look.

import { memo, useId } from 'react';
import type { ScenarioGraph, ScenarioGraphEdge } from '../../../../engine/scenario/scenarioGraph';
import { choiceSentence, markSentence, markWords, nodeKindWords, firstWords } from './graphWords';

/** An outline of the nodes (in `order`) and their choices. */
export const GraphOutline = memo(function GraphOutline({ graph, order, choicesOf }: { graph: ScenarioGraph; order: readonly string[]; choicesOf: Map<string, ScenarioGraphEdge[]> }) {
  const headingId = useId();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const listed = [...order, ...graph.nodes.map((n) => n.id).filter((id) => !order.includes(id))];
  return (
    <details className="sg-outline">
      <summary id={headingId}>Outline of nodes and choices (text)</summary>
      {graph.marks.length > 0 ? (
        <ul aria-label="Problems of the whole scenario">
          {graph.marks.map((m, i) => (
            <li key={i}>{markSentence(m)}</li>
          ))}
        </ul>
      ) : null}
      <ol aria-labelledby={headingId}>
        {listed.map((id) => {
          const node = byId.get(id);
          if (!node) return null;
          const choices = choicesOf.get(id) ?? [];
          const words = markWords([...node.marks, ...choices.flatMap((c) => c.marks)]);
          return (
            <li key={id}>
              <strong>
                {nodeKindWords(node)}: {id}
              </strong>
              {words.length > 0 ? ` (${words.join(', ')})` : ''}
              {node.ending ? ` — “${node.ending.title}”` : node.text.trim() ? ` — ${firstWords(node.text, 120)}` : ''}
              {choices.length > 0 ? (
                <ul>
                  {choices.map((c) => (
                    <li key={c.id}>{choiceSentence(c)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </details>
  );
});
