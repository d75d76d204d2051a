// The drawing: each node's shape (start, point, ending of each kind, a missing node),
// the choices as arrows with their labels, and over them the nodes as buttons. Only the
// buttons are exposed to assistive technology, each named by what it shows (its kind,
// id, the start of its text and its marks, so the name holds the visible words) and
// described in full (text, choices, marks); the lines and labels say nothing the
// descriptions and the outline do not.

import { memo, useCallback, useRef, type KeyboardEvent } from 'react';
import type { ScenarioGraphNode } from '../../../../engine/scenario/scenarioGraph';
import { GRAPH_KEYS, nextNode, type GraphKey, type GraphNavigation } from './graphKeyboard';
import type { DrawnGraph, DrawnNode } from './graphModel';
import { MARKS_SHOWN } from './graphModel';
import { firstWords, nodeDescription, nodeKindWords } from './graphWords';
import { pathThrough, type GraphLayout, type PlacedBox } from './layout/layeredLayout';

/** Props of GraphCanvas. */
export interface GraphCanvasProps {
  drawn: DrawnGraph;
  layout: GraphLayout;
  navigation: GraphNavigation;
  /** The node that takes Tab focus (the selected one). */
  current: string | undefined;
  /** A unique prefix for element ids. */
  idPrefix: string;
  /** Arrow keys moved to a node: select it. */
  onMove(nodeId: string): void;
  /** A click or Enter on a node. */
  onActivate(nodeId: string): void;
}

/** The laid-out graph with keyboard navigation between its nodes. */
export const GraphCanvas = memo(function GraphCanvas({ drawn, layout, navigation, current, idPrefix, onMove, onActivate }: GraphCanvasProps) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (!(GRAPH_KEYS as readonly string[]).includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
      const next = nextNode(navigation, current, event.key as GraphKey);
      if (next === undefined) return;
      event.preventDefault();
      onMove(next);
      const button = buttons.current.get(next);
      button?.focus();
      button?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    },
    [navigation, current, onMove],
  );
  const focusable = current ?? navigation.order[0];

  return (
    <div className="sg-canvas" style={{ width: layout.width, height: layout.height }} onKeyDown={onKeyDown}>
      <svg className="sg-lines" width={layout.width} height={layout.height} aria-hidden="true" focusable="false">
        <defs>
          <marker id={`${idPrefix}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="sg-arrowhead" />
          </marker>
        </defs>
        {drawn.nodes.map((n) => {
          const box = layout.boxes.get(n.box);
          return box ? <NodeShape key={n.box} drawn={n} box={box} /> : null;
        })}
        {drawn.edges.map((e) => {
          const routed = layout.links.get(e.edge.id);
          if (!routed) return null;
          const marked = e.edge.marks.length > 0 || !e.edge.targetExists;
          return (
            <path
              key={e.edge.id}
              d={pathThrough(routed)}
              className={`sg-edge${marked ? ' sg-edge-marked' : ''}${routed.backward ? ' sg-edge-back' : ''}`}
              markerEnd={`url(#${idPrefix}-arrow)`}
            />
          );
        })}
      </svg>
      {drawn.edges.map((e) => {
        const label = layout.links.get(e.edge.id)?.label;
        if (!label) return null;
        const marked = e.edge.marks.length > 0 || !e.edge.targetExists;
        return (
          <div
            key={e.edge.id}
            className={`sg-label${marked ? ' sg-label-marked' : ''}`}
            aria-hidden="true"
            style={{ left: label.x, top: label.y, width: label.width, height: label.height }}
            data-edge={e.edge.id}
          >
            {e.lines.map((line, i) => (
              <span key={i} className={i === 0 ? 'sg-label-text' : line.startsWith('if ') ? 'sg-label-when' : 'sg-label-effects'}>
                {line}
              </span>
            ))}
          </div>
        );
      })}
      <div role="group" aria-label="Nodes" aria-describedby={`${idPrefix}-keys`}>
        {drawn.nodes.map((n) => {
          const box = layout.boxes.get(n.box);
          if (!box) return null;
          if (n.ghost) {
            return (
              <div key={n.box} className="sg-ghost" aria-hidden="true" style={place(box)}>
                <span className="sg-node-kind">Missing node</span>
                <span className="sg-node-id">{n.missing}</span>
              </div>
            );
          }
          const node = n.node;
          const descriptionId = `${idPrefix}-d-${drawn.nodes.indexOf(n)}`;
          return (
            <button
              key={n.box}
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(node.id, el);
                else buttons.current.delete(node.id);
              }}
              className={`sg-node${node.id === current ? ' sg-node-current' : ''}`}
              style={place(box)}
              tabIndex={node.id === focusable ? 0 : -1}
              data-node={node.id}
              data-kind={kindClass(node)}
              aria-describedby={descriptionId}
              onClick={() => onActivate(node.id)}
              onFocus={() => node.id !== current && onMove(node.id)}
            >
              <span className="sg-node-kind">
                <KindIcon node={node} />
                {nodeKindWords(node)}
              </span>
              <span className="sg-node-id">{node.id}</span>
              <span className="sg-node-text">{firstWords(node.ending ? node.ending.title : node.text, 90)}</span>
              {n.marks.slice(0, MARKS_SHOWN).map((m) => (
                <span key={m} className="sg-node-mark">
                  <span aria-hidden="true">⚠ </span>
                  {m}
                </span>
              ))}
              <span id={descriptionId} hidden>
                {nodeDescription(node, drawn.choicesOf.get(node.id) ?? [])}
              </span>
            </button>
          );
        })}
      </div>
    </div>
  );
});

function place(box: PlacedBox) {
  return { left: box.x, top: box.y, width: box.width, height: box.height };
}

/** The class naming a node's shape: start, ending kinds, or an ordinary point. */
export function kindClass(node: Pick<ScenarioGraphNode, 'start' | 'ending'>): string {
  if (node.ending) return node.start ? 'start-ending' : `ending-${node.ending.kind ?? 'unknown'}`;
  return node.start ? 'start' : 'point';
}

const CUT = 14;
const ENDING_ICONS = { positive: '✓', mixed: '◐', negative: '✕' } as const;

/** A node's outline: a stadium for the start, an octagon for an ending, a dashed box for a missing node. */
function NodeShape({ drawn, box }: { drawn: DrawnNode; box: PlacedBox }) {
  const { x, y, width: w, height: h } = box;
  if (drawn.ghost) return <rect className="sg-shape sg-shape-ghost" x={x} y={y} width={w} height={h} rx={4} />;
  const node = drawn.node;
  const marked = drawn.marks.length > 0 ? ' sg-shape-marked' : '';
  const kind = kindClass(node);
  if (node.ending) {
    const d = `M${x + CUT},${y} H${x + w - CUT} L${x + w},${y + CUT} V${y + h - CUT} L${x + w - CUT},${y + h} H${x + CUT} L${x},${y + h - CUT} V${y + CUT} Z`;
    return <path className={`sg-shape sg-shape-${kind}${marked}`} d={d} />;
  }
  return <rect className={`sg-shape sg-shape-${kind}${marked}`} x={x} y={y} width={w} height={h} rx={node.start ? 26 : 4} />;
}

function KindIcon({ node }: { node: Pick<ScenarioGraphNode, 'start' | 'ending'> }) {
  const icon = node.ending ? (node.ending.kind ? ENDING_ICONS[node.ending.kind] : '■') : node.start ? '▶' : '';
  if (!icon) return null;
  return (
    <span className="sg-kind-icon" aria-hidden="true">
      {icon}{' '}
    </span>
  );
}
