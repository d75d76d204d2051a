// The Scenario Graph as data: a scenario file's nodes and choices, where each is
// written, and the static checks' findings marked on the node or choice they are
// about. It is built from the same reading of the file that the loader checks, so the
// graph and the Problems view never disagree, and it is built for a broken file too:
// an author fixing a story needs its map most when the story is broken. Layout and
// drawing are the workbench's; this holds only what to draw.

import type { Diagnostic, DiagnosticCode, Severity } from '../course/diagnostics';
import type { EndingKind } from '../course/model';
import { loadScenario, type ScenarioLoad } from '../course/scenarioLoader';
import { placeFindings, reachabilityIsSound, type PathFinding } from './scenarioChecks';

/** What a mark on the graph says is wrong, in words a view can show beside the shape. */
export type GraphMarkKind =
  | 'unreachable'
  | 'dead-end'
  | 'unreached-ending'
  | 'missing-target'
  | 'invalid-condition'
  | 'unknown-variable'
  | 'missing-start'
  | 'other';

/** One problem marked on a node, a choice or the graph, at its place in the file. */
export interface GraphMark {
  kind: GraphMarkKind;
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  line: number;
  column: number;
}

/** A node: the start, a point with choices, or an ending (with its kind, when the file names a valid one). */
export interface ScenarioGraphNode {
  id: string;
  start: boolean;
  ending?: { title: string; kind?: EndingKind };
  text: string;
  /** Where the node's key is written. */
  line: number;
  column: number;
  marks: GraphMark[];
}

/** A choice, drawn as an edge from its node to the node it leads to. */
export interface ScenarioGraphEdge {
  /** `<from>/<index>`: unique even where choice ids are repeated or invalid. */
  id: string;
  from: string;
  to: string;
  choiceId: string;
  text: string;
  /** The condition as written, when the choice has one. */
  when?: string;
  /** Changes to the 3Cs and other variables, as written. */
  effects: Record<string, number>;
  /** False for a choice to a node that does not exist (drawn to nowhere, and marked). */
  targetExists: boolean;
  line: number;
  column: number;
  marks: GraphMark[];
}

/** What a view needs to draw one scenario file. */
export interface ScenarioGraph {
  file: string;
  scenarioId?: string;
  title?: string;
  start?: string;
  nodes: ScenarioGraphNode[];
  edges: ScenarioGraphEdge[];
  /** Marks tied to no node or choice: a start that names no node. */
  marks: GraphMark[];
  /** Every diagnostic of the file, as the Problems view lists them. */
  diagnostics: Diagnostic[];
  /**
   * `whole`: the file was read and checked; `partial`: it has YAML syntax errors, so the
   * graph shows what could be read and carries no check's marks; `none`: not even its
   * nodes could be read.
   */
  readable: 'whole' | 'partial' | 'none';
  /** True when the checks that follow the whole story (unreachable nodes, endings, dead ends under conditions) ran. */
  reachabilityChecked: boolean;
}

const MARK_KINDS: Partial<Record<DiagnosticCode, GraphMarkKind>> = {
  HCS009: 'missing-start',
  HCS015: 'invalid-condition',
  HCS016: 'unknown-variable',
  HCS017: 'missing-target',
  HCS018: 'unreachable',
  HCS019: 'dead-end',
  HCS020: 'unreached-ending',
};

const ENDING_KINDS: readonly string[] = ['positive', 'mixed', 'negative'];

/** The graph of scenario text `text` in pack file `file`. */
export function scenarioGraphOf(text: string, file: string): ScenarioGraph {
  return scenarioGraph(loadScenario(text, file), file);
}

/** The graph of a scenario file as the loader read it (from loadScenario, or a PackSession). */
export function scenarioGraph(load: ScenarioLoad, file: string): ScenarioGraph {
  const reading = load.reading;
  const graph: ScenarioGraph = { file, nodes: [], edges: [], marks: [], diagnostics: load.diagnostics, readable: 'none', reachabilityChecked: false };
  if (!reading) return graph;
  const { model, source, checks } = reading;
  const rawNodes = ((reading.value as { nodes?: Record<string, { ending?: { kind?: unknown } } | null> } | null)?.nodes ?? {}) as Record<string, { ending?: { kind?: unknown } } | null>;
  graph.readable = reading.whole ? 'whole' : 'partial';
  if (model.id) graph.scenarioId = model.id;
  if (model.title) graph.title = model.title;
  const startExists = Object.hasOwn(model.nodes, model.start);
  if (model.start) graph.start = model.start;
  graph.reachabilityChecked = reading.whole && startExists && reachabilityIsSound(model, reading.uncertainty);

  const nodes = new Map<string, ScenarioGraphNode>();
  for (const node of Object.values(model.nodes)) {
    const kind = rawNodes[node.id]?.ending?.kind;
    const place = source.locateKey(['nodes', node.id]);
    const shown: ScenarioGraphNode = {
      id: node.id,
      start: node.id === model.start,
      ...(node.ending ? { ending: { title: node.ending.title, ...(typeof kind === 'string' && ENDING_KINDS.includes(kind) ? { kind: kind as EndingKind } : {}) } } : {}),
      text: node.text,
      line: place.line,
      column: place.column,
      marks: [],
    };
    nodes.set(node.id, shown);
    graph.nodes.push(shown);
    node.choices.forEach((choice, i) => {
      const at = source.locate(['nodes', node.id, 'choices', i]);
      graph.edges.push({
        id: `${node.id}/${i}`,
        from: node.id,
        to: choice.to,
        choiceId: choice.id,
        text: choice.text,
        ...(choice.when !== undefined ? { when: choice.when } : {}),
        effects: { ...choice.effects },
        targetExists: Object.hasOwn(model.nodes, choice.to),
        line: at.line,
        column: at.column,
        marks: [],
      });
    });
  }

  // The checks' findings go on what they are about, found by their path into the file.
  const placed = placeFindings(checks, load.locate);
  const edgeIndex = new Map(graph.edges.map((e) => [e.id, e]));
  const marked = new Set<string>();
  checks.forEach((finding: PathFinding, i) => {
    const position = placed[i]!;
    const mark: GraphMark = { kind: MARK_KINDS[finding.code] ?? 'other', code: finding.code, severity: finding.severity, message: finding.message, line: position.line, column: position.column };
    marked.add(`${mark.line}:${mark.column}:${mark.code}:${mark.message}`);
    const [top, nodeId, part, index] = finding.path;
    const edge = top === 'nodes' && part === 'choices' ? edgeIndex.get(`${String(nodeId)}/${String(index)}`) : undefined;
    const node = top === 'nodes' ? nodes.get(String(nodeId)) : undefined;
    if (edge) edge.marks.push(mark);
    else if (node) node.marks.push(mark);
    else graph.marks.push(mark);
  });

  // Every other problem of the file is marked on the node whose lines hold it, so a
  // node with a broken ending or a misspelt field shows that it needs attention.
  const byLine = [...graph.nodes].sort((a, b) => a.line - b.line);
  const nodesEnd = blockEnd(reading.text, source.locateKey(['nodes']).line);
  for (const d of load.diagnostics) {
    if (marked.has(`${d.line}:${d.column}:${d.code}:${d.message}`)) continue;
    const owner = d.line < nodesEnd ? byLine.filter((n) => n.line <= d.line).pop() : undefined;
    const mark: GraphMark = { kind: 'other', code: d.code, severity: d.severity, message: d.message, line: d.line, column: d.column };
    (owner?.marks ?? graph.marks).push(mark);
  }
  return graph;
}

/** The first line after the block whose key is on `keyLine` (1-based): the next line indented no further than the key. */
function blockEnd(text: string, keyLine: number): number {
  const lines = text.split('\n');
  const key = lines[keyLine - 1] ?? '';
  const indent = key.length - key.trimStart().length;
  for (let i = keyLine; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (line.length - line.trimStart().length <= indent) return i + 1;
  }
  return lines.length + 1;
}
