// From the engine's graph data to what the view draws: a box per node (and a ghost box
// for each node a choice names but the file lacks), a label per choice, and their
// sizes. Sizes are fixed by what a box shows rather than measured, so the layout needs
// no page and gives the same picture every time.

import type { ScenarioGraph, ScenarioGraphEdge, ScenarioGraphNode } from '../../../../engine/scenario/scenarioGraph';
import { edgeLabelLines, markWords } from './graphWords';
import type { LayoutInput } from './layout/layeredLayout';

/** Width of a node's box, in pixels. */
export const NODE_WIDTH = 208;
/** Height of a node's box without marks: its kind, its id and two lines of its text. */
export const NODE_HEIGHT = 92;
/** Height each line of mark words adds. */
export const MARK_LINE = 20;
/** How many mark words a box shows; the rest are in its description. */
export const MARKS_SHOWN = 3;
const GHOST_WIDTH = 168;
const GHOST_HEIGHT = 56;
const LABEL_LINE = 15;
const LABEL_CHAR = 6.3;
const LABEL_MIN = 56;
const LABEL_MAX = 196;

/** A box of the drawing. */
export type DrawnNode =
  | { box: string; ghost: false; node: ScenarioGraphNode; marks: string[]; width: number; height: number }
  | { box: string; ghost: true; missing: string; width: number; height: number };

/** A choice of the drawing, between two boxes. */
export interface DrawnEdge {
  edge: ScenarioGraphEdge;
  from: string;
  to: string;
  lines: string[];
  width: number;
  height: number;
}

/** What to draw and what to lay out. */
export interface DrawnGraph {
  nodes: DrawnNode[];
  edges: DrawnEdge[];
  /** Each node's choices, by node id. */
  choicesOf: Map<string, ScenarioGraphEdge[]>;
  layout: LayoutInput;
}

/** The drawing of a scenario's graph. */
export function drawnGraph(graph: ScenarioGraph): DrawnGraph {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const nodes: DrawnNode[] = graph.nodes.map((node) => {
    const marks = markWords([...node.marks, ...graph.edges.filter((e) => e.from === node.id).flatMap((e) => e.marks)]);
    return { box: node.id, ghost: false, node, marks, width: NODE_WIDTH, height: NODE_HEIGHT + MARK_LINE * Math.min(marks.length, MARKS_SHOWN) };
  });
  const ghosts = new Map<string, string>();
  const ghostFor = (missing: string) => {
    let box = ghosts.get(missing);
    if (!box) {
      // A box id no node can have: node ids are YAML keys, never containing a line break.
      box = `\n${missing}`;
      while (ids.has(box)) box = `\n${box}`;
      ghosts.set(missing, box);
      nodes.push({ box, ghost: true, missing, width: GHOST_WIDTH, height: GHOST_HEIGHT });
    }
    return box;
  };
  const choicesOf = new Map<string, ScenarioGraphEdge[]>();
  const edges = graph.edges.map((edge): DrawnEdge => {
    choicesOf.set(edge.from, [...(choicesOf.get(edge.from) ?? []), edge]);
    const lines = edgeLabelLines(edge);
    const longest = Math.max(...lines.map((l) => l.length));
    return {
      edge,
      from: edge.from,
      to: ids.has(edge.to) ? edge.to : ghostFor(edge.to),
      lines,
      width: Math.round(Math.min(LABEL_MAX, Math.max(LABEL_MIN, longest * LABEL_CHAR + 14))),
      height: lines.length * LABEL_LINE + 8,
    };
  });
  return {
    nodes,
    edges,
    choicesOf,
    layout: {
      boxes: nodes.map((n) => ({ id: n.box, width: n.width, height: n.height })),
      links: edges.map((e) => ({ id: e.edge.id, from: e.from, to: e.to, label: { width: e.width, height: e.height } })),
      ...(graph.start && ids.has(graph.start) ? { first: graph.start } : {}),
    },
  };
}
