// The Scenario Graph tab: one scenario file drawn as a map of its nodes and choices,
// redrawn when the file changes, with the selected node's details and Play from Here
// beside it and an outline of the whole story below. It is a chunk of its own, loaded
// only when an author opens a graph.

import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TabRef } from '../../../../engine/api/studioApi';
import type { ScenarioGraph } from '../../../../engine/scenario/scenarioGraph';
import { playFromHere } from '../../../../engine/scenario/playFromHere';
import { useServices } from '../../WorkbenchContext';
import { GraphCanvas } from './GraphCanvas';
import { graphNavigation } from './graphKeyboard';
import { drawnGraph } from './graphModel';
import { GraphOutline } from './GraphOutline';
import { GraphLegend } from './GraphLegend';
import { layeredLayout } from './layout/layeredLayout';
import { NodeDetails } from './NodeDetails';
import { openSource } from './openSource';
import { startPreview } from './previewStore';
import { useScenarioGraph } from './useScenarioGraph';

/** Name of the performance measure from a graph's arrival to its drawing on screen (read by the benchmark). */
export const DRAWN_MEASURE = 'scenario-graph-drawn';
const MIN_ZOOM = 0.4;
/** Below this a node's words are too small to read, so Fit scrolls instead. */
const MIN_FIT = 0.7;
const MAX_ZOOM = 1.5;

/** Name of the performance measure of the layout alone. */
export const LAYOUT_MEASURE = 'scenario-graph-layout';

/** The Scenario Graph of the scenario file a tab names. */
export function ScenarioGraphView({ tab }: { tab: TabRef }) {
  const services = useServices();
  const { courseId, itemId: file } = tab;
  const { result, error, arrivedAt } = useScenarioGraph(services.api, courseId, file);
  const idPrefix = useId().replace(/:/g, '');
  const graph = result?.graph;

  const drawing = useMemo(() => {
    if (!graph) return undefined;
    const started = performance.now();
    const drawn = drawnGraph(graph);
    const layout = layeredLayout(drawn.layout);
    const navigation = graphNavigation(layout, graph.nodes.map((n) => n.id), graph.edges, graph.start);
    performance.measure(LAYOUT_MEASURE, { start: started, end: performance.now() });
    return { drawn, layout, navigation };
  }, [graph]);

  const [selected, setSelected] = useState<string>();
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<{ width: number; height: number }>();
  const hasDrawing = drawing !== undefined;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setRoom({ width: el.clientWidth, height: parseFloat(getComputedStyle(el).maxHeight) || el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasDrawing]);
  // "Fit" shows the whole story when it can be read at that size; a larger one keeps the smallest readable zoom and scrolls.
  const fit = drawing && room ? Math.min(1, Math.max(MIN_FIT, Math.min((room.width - 4) / drawing.layout.width, (room.height - 4) / drawing.layout.height))) : 1;
  const scale = zoom === 'fit' ? fit : zoom;
  const current = graph && selected !== undefined && graph.nodes.some((n) => n.id === selected) ? selected : drawing?.navigation.order[0];

  useEffect(() => {
    if (arrivedAt === undefined || !drawing) return;
    // After the browser has painted the new drawing: the next frame, then the task after it.
    const frame = requestAnimationFrame(() => setTimeout(() => performance.measure(DRAWN_MEASURE, { start: arrivedAt, end: performance.now() })));
    return () => cancelAnimationFrame(frame);
  }, [drawing, arrivedAt]);

  const toSource = useCallback((line?: number, column?: number) => void openSource(services, { courseId, path: file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) }), [services, courseId, file]);
  const activate = useCallback(
    (nodeId: string) => {
      setSelected(nodeId);
      const node = graph?.nodes.find((n) => n.id === nodeId);
      if (node) toSource(node.line, node.column);
    },
    [graph, toSource],
  );

  const scenario = result?.scenario;
  const play = useCallback(
    (nodeId: string, values: Record<string, number>): string[] => {
      if (!scenario) return [notPlayableSentence(graph)];
      let started: ReturnType<typeof playFromHere>;
      try {
        started = playFromHere(scenario, nodeId, values);
      } catch {
        return [`The story cannot be started at ${nodeId} as it reads now: fix the problems marked on the graph first.`];
      }
      if (!started.ok) return started.problems;
      startPreview(courseId, file, { scenario, snapshot: started.snapshot, nodeId, values });
      void services.openTab({ courseId, kind: 'scenarioPreview', itemId: file });
      return [];
    },
    [scenario, graph, services, courseId, file],
  );

  const node = graph && current !== undefined ? graph.nodes.find((n) => n.id === current) : undefined;
  return (
    <section className="sg" aria-label="Scenario Graph" data-file={file}>
      <header className="sg-header">
        <h2>{graph?.title ?? file}</h2>
        <p className="sg-file">
          <code>{file}</code>
          {graph ? ` · ${summary(graph)}` : ''}
        </p>
        {error ? <p role="alert" className="sg-banner sg-banner-error">{error}</p> : null}
        {graph ? <Notes graph={graph} /> : null}
        <GraphLegend />
        {drawing ? (
          <div className="sg-zoom" role="group" aria-label="Zoom">
            <button type="button" className="wb-button" onClick={() => setZoom(Math.max(MIN_ZOOM, Math.round((scale - 0.1) * 10) / 10))} disabled={scale <= MIN_ZOOM}>
              Zoom out
            </button>
            <button type="button" className="wb-button" onClick={() => setZoom(Math.min(MAX_ZOOM, Math.round((scale + 0.1) * 10) / 10))} disabled={scale >= MAX_ZOOM}>
              Zoom in
            </button>
            <button type="button" className="wb-button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
              Fit
            </button>
            <span className="sg-zoom-level">{Math.round(scale * 100)}%</span>
          </div>
        ) : null}
      </header>
      {!graph && !error ? <p className="wb-loading">Drawing the graph…</p> : null}
      {graph && drawing ? (
        <>
          <div className="sg-body">
            <div className="sg-scroll" ref={scrollRef}>
              {graph.nodes.length === 0 ? (
                <p className="sg-empty">No nodes could be read from this file yet.</p>
              ) : (
                <div style={{ width: drawing.layout.width * scale, height: drawing.layout.height * scale }}>
                  <div className="sg-zoomed" style={{ transform: `scale(${scale})` }}>
                    <GraphCanvas drawn={drawing.drawn} layout={drawing.layout} navigation={drawing.navigation} current={current} idPrefix={idPrefix} onMove={setSelected} onActivate={activate} />
                  </div>
                </div>
              )}
            </div>
            {node ? (
              <NodeDetails
                node={node}
                choices={drawing.drawn.choicesOf.get(node.id) ?? []}
                scenario={scenario}
                notPlayable={notPlayableSentence(graph)}
                onOpenSource={toSource}
                onPlay={play}
              />
            ) : null}
          </div>
          <p id={`${idPrefix}-keys`} className="sg-keys">
            Arrow keys move between nodes (Right and Left follow the choices), Home and End go to the first and last; Enter opens the node’s source.
          </p>
          <GraphOutline graph={graph} order={drawing.navigation.order} choicesOf={drawing.drawn.choicesOf} />
        </>
      ) : null}
    </section>
  );
}

/** "7 nodes, 11 choices; 2 errors, 1 warning". */
function summary(graph: ScenarioGraph): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const errors = graph.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = graph.diagnostics.length - errors;
  const problems = errors + warnings === 0 ? 'no problems' : [errors ? count(errors, 'error', 'errors') : '', warnings ? count(warnings, 'warning', 'warnings') : ''].filter(Boolean).join(', ');
  return `${count(graph.nodes.length, 'node', 'nodes')}, ${count(graph.edges.length, 'choice', 'choices')}; ${problems}`;
}

/** Why the story cannot be played as it reads now. */
function notPlayableSentence(graph: ScenarioGraph | undefined): string {
  if (!graph || graph.readable === 'none') return 'Play from Here needs a scenario file that can be read: the Problems of the course say what is wrong.';
  if (graph.readable === 'partial') return 'Play from Here needs the whole file: it has YAML syntax errors, so only part of it could be read.';
  return 'Play from Here needs a start node: the scenario’s start names no node of it.';
}

/** What the graph cannot show, said before the drawing. */
function Notes({ graph }: { graph: ScenarioGraph }) {
  const notes: string[] = [];
  if (graph.readable === 'partial') notes.push('This file has YAML syntax errors: the graph shows what could be read, without the checks’ marks.');
  else if (graph.readable === 'none') notes.push('Nothing could be read from this file: the Problems of the course say why.');
  else if (!graph.reachabilityChecked) notes.push('Unreachable nodes and endings are not marked until the start and the conditions are fixed.');
  for (const m of graph.marks) notes.push(`${m.message} (line ${m.line}, column ${m.column})`);
  if (notes.length === 0) return null;
  return (
    <ul className="sg-banner" aria-label="About this graph">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
