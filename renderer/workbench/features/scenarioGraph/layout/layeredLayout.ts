// A layered ("Sugiyama") layout for the Scenario Graph, left to right as a story reads:
// cycles broken by a depth-first walk from the start, columns by longest path, each
// choice's label given a place of its own in the column after its node (so labels
// never overlap nodes or each other), rows ordered by median sweeps that keep the
// fewest crossings found, and heights settled by repeated least-squares placement
// that pulls each box level with its neighbours while keeping boxes apart.
//
// It is written here rather than taken from dagre or elkjs because it is a few hundred
// lines against tens of kilobytes (elkjs is a compiled Java program of over a megabyte),
// needs no worker and no eval under the app's CSP, and lays out exactly what the graph
// draws: fixed-size boxes, one label per choice and loops on a node. Everything is pure
// and deterministic, so the same scenario always gets the same picture.

/** A box to place: a node, or a placeholder for a node a choice names but the file lacks. */
export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

/** A connection to route (a choice), with the size of its label. */
export interface LayoutLink {
  id: string;
  from: string;
  to: string;
  label: { width: number; height: number };
}

/** What to lay out; `first` (the start node) is placed first, at the left. */
export interface LayoutInput {
  boxes: readonly LayoutBox[];
  links: readonly LayoutLink[];
  first?: string;
}

/** A point in the drawing, in pixels from its top-left corner. */
export interface Point {
  x: number;
  y: number;
}

/** A placed box: its top-left corner, size, and column (0 at the left). */
export interface PlacedBox extends Point {
  width: number;
  height: number;
  rank: number;
}

/** A routed link: the points its line passes through, from its node to its target, and where its label sits. */
export interface RoutedLink {
  points: Point[];
  /** The label's box (top-left corner and size). */
  label: Point & { width: number; height: number };
  /** True when the link goes back towards the left (a choice that returns to an earlier point). */
  backward: boolean;
  /** True for a choice that leads back to its own node. */
  loop: boolean;
}

/** The laid-out drawing. */
export interface GraphLayout {
  width: number;
  height: number;
  boxes: Map<string, PlacedBox>;
  links: Map<string, RoutedLink>;
}

/** Spacing of the drawing, in pixels. */
export const SPACING = { margin: 24, columnGap: 28, rowGap: 22, lineGap: 10, loopGap: 14 } as const;

interface Vertex {
  layer: number;
  width: number;
  height: number;
  /** The box's index for a real vertex; -1 for a point on a link's way. */
  box: number;
  y: number;
}

const ORDER_SWEEPS = 16;
const PATIENCE = 4;
const PLACE_PASSES = 24;

/** Lays out boxes and links; links whose ends are not among the boxes are left out. */
export function layeredLayout(input: LayoutInput): GraphLayout {
  const boxes = input.boxes;
  const n = boxes.length;
  const indexOf = new Map<string, number>();
  boxes.forEach((b, i) => indexOf.set(b.id, i));
  const links = input.links.filter((l) => indexOf.has(l.from) && indexOf.has(l.to));
  const flow = links.filter((l) => l.from !== l.to);
  const loops = links.filter((l) => l.from === l.to);

  // A loop's label sits above its box, in room the box reserves.
  const loopRoom = new Array<number>(n).fill(0);
  for (const l of loops) {
    const i = indexOf.get(l.from)!;
    loopRoom[i] = loopRoom[i]! + l.label.height + SPACING.loopGap;
  }

  const from = flow.map((l) => indexOf.get(l.from)!);
  const to = flow.map((l) => indexOf.get(l.to)!);
  const reversed = breakCycles(n, from, to, input.first === undefined ? undefined : indexOf.get(input.first));
  const tail = flow.map((_, k) => (reversed[k] ? to[k]! : from[k]!));
  const head = flow.map((_, k) => (reversed[k] ? from[k]! : to[k]!));
  const rank = rankBoxes(n, tail, head);

  // Real vertices first (index = box index), then the points along each link.
  const vertices: Vertex[] = boxes.map((b, i) => ({ layer: 2 * rank[i]!, width: b.width, height: b.height + loopRoom[i]!, box: i, y: 0 }));
  const chains: number[][] = [];
  const labelAt: number[] = [];
  flow.forEach((link, k) => {
    const a = tail[k]!;
    const b = head[k]!;
    const chain = [a];
    // The label goes next to the node the choice belongs to.
    const labelLayer = reversed[k] ? 2 * rank[b]! - 1 : 2 * rank[a]! + 1;
    for (let layer = 2 * rank[a]! + 1; layer < 2 * rank[b]!; layer++) {
      const isLabel = layer === labelLayer;
      vertices.push({ layer, width: isLabel ? link.label.width : 0, height: isLabel ? link.label.height : SPACING.lineGap, box: -1, y: 0 });
      if (isLabel) labelAt[k] = vertices.length - 1;
      chain.push(vertices.length - 1);
    }
    chain.push(b);
    chains.push(chain);
  });

  const layerCount = vertices.reduce((m, v) => Math.max(m, v.layer + 1), 0);
  const up: number[][] = vertices.map(() => []);
  const down: number[][] = vertices.map(() => []);
  for (const chain of chains) {
    for (let i = 0; i + 1 < chain.length; i++) {
      down[chain[i]!]!.push(chain[i + 1]!);
      up[chain[i + 1]!]!.push(chain[i]!);
    }
  }

  const layers = orderLayers(vertices, layerCount, up, down, input.first === undefined ? undefined : indexOf.get(input.first));
  placeRows(vertices, layers, up, down);
  const columnX = placeColumns(vertices, layers);

  // Shift everything so the drawing starts at the margin.
  let top = Infinity;
  let bottom = -Infinity;
  for (const v of vertices) {
    top = Math.min(top, v.y - v.height / 2);
    bottom = Math.max(bottom, v.y + v.height / 2);
  }
  if (!Number.isFinite(top)) top = bottom = 0;
  const shift = SPACING.margin - top;
  for (const v of vertices) v.y += shift;

  const placed = new Map<string, PlacedBox>();
  boxes.forEach((b, i) => {
    const v = vertices[i]!;
    const room = loopRoom[i]!;
    placed.set(b.id, { x: columnX[v.layer]! - b.width / 2, y: v.y - v.height / 2 + room, width: b.width, height: b.height, rank: rank[i]! });
  });

  const routed = new Map<string, RoutedLink>();
  const ports = spreadPorts(vertices, chains, placed, boxes);
  flow.forEach((link, k) => {
    const chain = chains[k]!;
    const points: Point[] = [ports.out[k]!];
    for (const vi of chain.slice(1, -1)) {
      const v = vertices[vi]!;
      const x = columnX[v.layer]!;
      if (v.width > 0) points.push({ x: x - v.width / 2, y: v.y }, { x: x + v.width / 2, y: v.y });
      else points.push({ x, y: v.y });
    }
    points.push(ports.in[k]!);
    const lv = vertices[labelAt[k]!]!;
    const label = { x: columnX[lv.layer]! - lv.width / 2, y: lv.y - lv.height / 2, width: lv.width, height: lv.height };
    routed.set(link.id, { points: reversed[k] ? points.reverse() : points, label, backward: reversed[k]!, loop: false });
  });

  // Loops: out of the box's right side, over the top through the label, back in at the left.
  const stacked = new Array<number>(n).fill(0);
  for (const link of loops) {
    const i = indexOf.get(link.from)!;
    const box = placed.get(link.from)!;
    stacked[i] = stacked[i]! + link.label.height + SPACING.loopGap;
    const labelY = box.y - stacked[i]!;
    const width = Math.min(link.label.width, box.width);
    const label = { x: box.x + (box.width - width) / 2, y: labelY, width, height: link.label.height };
    const mid = labelY + link.label.height / 2;
    const points = [
      { x: box.x + box.width, y: box.y + 12 },
      { x: label.x + width, y: mid },
      { x: label.x, y: mid },
      { x: box.x, y: box.y + 12 },
    ];
    routed.set(link.id, { points, label, backward: false, loop: true });
  }

  const lastLayer = layers.length - 1;
  const width = lastLayer < 0 ? 2 * SPACING.margin : columnX[lastLayer]! + layerWidth(vertices, layers[lastLayer]!) / 2 + SPACING.margin;
  return { width, height: bottom - top + 2 * SPACING.margin, boxes: placed, links: routed };
}

/**
 * Which links to turn round so the rest has no cycle: a depth-first walk from `first`,
 * then from every box not yet reached in their order, turns each link that leads back
 * to a box still on the walk's path.
 */
export function breakCycles(n: number, from: readonly number[], to: readonly number[], first?: number): boolean[] {
  const out: number[][] = Array.from({ length: n }, () => []);
  from.forEach((f, k) => out[f]!.push(k));
  const reversed = new Array<boolean>(from.length).fill(false);
  const state = new Uint8Array(n); // 0 unseen, 1 on the path, 2 done
  const roots = first === undefined ? [] : [first];
  for (let i = 0; i < n; i++) roots.push(i);
  for (const root of roots) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [v, next] = top;
      if (next < out[v]!.length) {
        top[1]++;
        const k = out[v]![next]!;
        const w = to[k]!;
        if (state[w] === 1) reversed[k] = true;
        else if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }
  return reversed;
}

/** Columns by longest path from the boxes nothing leads to; such a box then moves right to just before its nearest successor. */
export function rankBoxes(n: number, tail: readonly number[], head: readonly number[]): number[] {
  const succ: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Array<number>(n).fill(0);
  tail.forEach((t, k) => {
    succ[t]!.push(head[k]!);
    indegree[head[k]!] = indegree[head[k]!]! + 1;
  });
  const order: number[] = [];
  const left = [...indegree];
  for (let i = 0; i < n; i++) if (left[i] === 0) order.push(i);
  for (let q = 0; q < order.length; q++) {
    for (const w of succ[order[q]!]!) if (--left[w]! === 0) order.push(w);
  }
  const rank = new Array<number>(n).fill(0);
  for (const v of order) for (const w of succ[v]!) rank[w] = Math.max(rank[w]!, rank[v]! + 1);
  for (let q = order.length - 1; q >= 0; q--) {
    const v = order[q]!;
    if (indegree[v] === 0 && succ[v]!.length > 0) rank[v] = Math.min(...succ[v]!.map((w) => rank[w]!)) - 1;
  }
  const lowest = Math.min(0, ...rank);
  return rank.map((r) => r - lowest);
}

/** The order of vertices in each layer, top to bottom, with as few crossings as the sweeps find. */
function orderLayers(vertices: readonly Vertex[], layerCount: number, up: number[][], down: number[][], first?: number): number[][] {
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  // Start from the order of the file (the start first); the first downward sweep then sorts each layer by its parents.
  const seeded = first === undefined ? vertices.map((_, i) => i) : [first, ...vertices.map((_, i) => i).filter((i) => i !== first)];
  for (const v of seeded) layers[vertices[v]!.layer]!.push(v);
  const pos = new Array<number>(vertices.length).fill(0);
  const index = () => layers.forEach((layer) => layer.forEach((v, i) => (pos[v] = i)));
  index();
  sweep(layers, 1, up, pos);
  index();

  let best = layers.map((l) => [...l]);
  let bestCrossings = countCrossings(layers, down, pos);
  // Sweeps stop early once several in a row have found nothing better.
  let sinceBetter = 0;
  for (let s = 0; s < ORDER_SWEEPS && bestCrossings > 0 && sinceBetter < PATIENCE; s++) {
    if (s % 2 === 0) sweep(layers, -1, down, pos);
    else sweep(layers, 1, up, pos);
    index();
    transpose(layers, up, down, pos);
    index();
    const crossings = countCrossings(layers, down, pos);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = layers.map((l) => [...l]);
      sinceBetter = 0;
    } else sinceBetter++;
  }
  return best;
}

/** Reorders each layer by the median position of its neighbours in the layer before it (dir 1: top to bottom of the columns, left to right). */
function sweep(layers: number[][], dir: 1 | -1, neighbours: number[][], pos: number[]): void {
  const startAt = dir === 1 ? 1 : layers.length - 2;
  for (let l = startAt; l >= 0 && l < layers.length; l += dir) {
    const layer = layers[l]!;
    const keyed = layer.map((v, i) => ({ v, i, key: median(neighbours[v]!.map((w) => pos[w]!)) }));
    // Vertices with no neighbour that way keep their place; the others are sorted into the remaining places.
    const movable = keyed.filter((k) => k.key >= 0).sort((a, b) => a.key - b.key || a.i - b.i);
    let m = 0;
    for (let i = 0; i < layer.length; i++) if (keyed[i]!.key >= 0) layer[i] = movable[m++]!.v;
    layer.forEach((v, i) => (pos[v] = i));
  }
}

function median(values: number[]): number {
  if (values.length === 0) return -1;
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 === 1 ? values[m]! : (values[m - 1]! + values[m]!) / 2;
}

/** Swaps neighbours in a layer wherever that removes crossings with both adjacent layers. */
function transpose(layers: number[][], up: number[][], down: number[][], pos: number[]): void {
  const crossingsOf = (u: number, v: number) => pairCrossings(up[u]!, up[v]!, pos) + pairCrossings(down[u]!, down[v]!, pos);
  for (const layer of layers) {
    for (let i = 0; i + 1 < layer.length; i++) {
      const u = layer[i]!;
      const v = layer[i + 1]!;
      if (crossingsOf(u, v) > crossingsOf(v, u)) {
        layer[i] = v;
        layer[i + 1] = u;
        pos[v] = i;
        pos[u] = i + 1;
      }
    }
  }
}

/** Crossings between the lines of u and those of v when u is above v. */
function pairCrossings(a: readonly number[], b: readonly number[], pos: readonly number[]): number {
  let c = 0;
  for (const x of a) for (const y of b) if (pos[x]! > pos[y]!) c++;
  return c;
}

/** Crossings of every pair of lines between adjacent layers, counted as inversions with a Fenwick tree. */
export function countCrossings(layers: readonly number[][], down: readonly number[][], pos: readonly number[]): number {
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const size = layers[l + 1]!.length;
    let count = 0;
    for (const v of layers[l]!) count += down[v]!.length;
    // Each line as one number (upper position, then lower), so a typed array sorts them numerically.
    const lines = new Float64Array(count);
    let k = 0;
    for (const v of layers[l]!) for (const w of down[v]!) lines[k++] = pos[v]! * (size + 1) + pos[w]!;
    lines.sort();
    const tree = new Int32Array(size + 1);
    for (let seen = 0; seen < count; seen++) {
      const lower = lines[seen]! % (size + 1);
      // Lines already seen that end below this one cross it.
      let atOrAbove = 0;
      for (let i = lower + 1; i > 0; i -= i & -i) atOrAbove += tree[i]!;
      total += seen - atOrAbove;
      for (let i = lower + 1; i <= size; i += i & -i) tree[i]!++;
    }
  }
  return total;
}

/** Vertical centres: each vertex pulled towards its neighbours, its layer kept in order and apart. */
function placeRows(vertices: Vertex[], layers: readonly number[][], up: number[][], down: number[][]): void {
  for (const layer of layers) {
    let y = 0;
    for (const v of layer) {
      vertices[v]!.y = y + vertices[v]!.height / 2;
      y += vertices[v]!.height + SPACING.rowGap;
    }
  }
  // Long lines are pulled straight harder than a box is pulled to a line (as in Gansner et al.'s layout).
  const weight = (a: number, b: number) => (vertices[a]!.box < 0 && vertices[b]!.box < 0 ? 8 : vertices[a]!.box < 0 || vertices[b]!.box < 0 ? 2 : 1);
  const neighbours = vertices.map((_, v) => [...up[v]!, ...down[v]!]);
  const weights = neighbours.map((list, v) => list.map((w) => weight(v, w)));
  // The gaps within a layer never change; only the positions do.
  const gaps = layers.map((layer) => layer.map((v, i) => (i === 0 ? 0 : gapBetween(vertices[layer[i - 1]!]!, vertices[v]!))));
  for (let pass = 0; pass < PLACE_PASSES; pass++) {
    const forward = pass % 2 === 0;
    // Passes stop once a whole one (after a first pair) moves nothing by half a pixel.
    let moved = 0;
    for (let k = 0; k < layers.length; k++) {
      const layer = layers[forward ? k : layers.length - 1 - k]!;
      const wanted = layer.map((v) => {
        let sum = 0;
        let total = 0;
        const list = neighbours[v]!;
        const c = weights[v]!;
        for (let i = 0; i < list.length; i++) {
          sum += c[i]! * vertices[list[i]!]!.y;
          total += c[i]!;
        }
        return total > 0 ? sum / total : vertices[v]!.y;
      });
      const placed = fitInOrder(wanted, gaps[forward ? k : layers.length - 1 - k]!);
      layer.forEach((v, i) => {
        moved = Math.max(moved, Math.abs(vertices[v]!.y - placed[i]!));
        vertices[v]!.y = placed[i]!;
      });
    }
    if (pass >= 2 && moved < 0.5) break;
  }
}

function gapBetween(a: Vertex, b: Vertex): number {
  const gap = a.box >= 0 && b.box >= 0 ? SPACING.rowGap : a.box < 0 && b.box < 0 && a.width === 0 && b.width === 0 ? 2 : SPACING.rowGap / 2;
  return (a.height + b.height) / 2 + gap;
}

/**
 * The positions nearest `wanted` (least squares) that keep each at least `gap[i]` below
 * the one before: pool-adjacent-violators on the positions less their running gaps.
 */
export function fitInOrder(wanted: readonly number[], gap: readonly number[]): number[] {
  const offset: number[] = [];
  let run = 0;
  for (let i = 0; i < wanted.length; i++) {
    run += i === 0 ? 0 : gap[i]!;
    offset.push(run);
  }
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < wanted.length; i++) {
    blocks.push({ sum: wanted[i]! - offset[i]!, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const before = blocks[blocks.length - 2]!;
      if (before.sum / before.count <= last.sum / last.count) break;
      before.sum += last.sum;
      before.count += last.count;
      blocks.pop();
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let j = 0; j < b.count; j++) out.push(b.sum / b.count + offset[out.length]!);
  return out;
}

function layerWidth(vertices: readonly Vertex[], layer: readonly number[]): number {
  return layer.reduce((m, v) => Math.max(m, vertices[v]!.width), 0);
}

/** The horizontal centre of each layer: each as wide as its widest vertex, a gap between. */
function placeColumns(vertices: readonly Vertex[], layers: readonly number[][]): number[] {
  const centres: number[] = [];
  let x = SPACING.margin;
  for (const layer of layers) {
    const w = layerWidth(vertices, layer);
    centres.push(x + w / 2);
    x += w + SPACING.columnGap;
  }
  return centres;
}

/**
 * Where each link leaves its box and enters the next: a box's links are spread down its
 * side in the order of where they go, so lines leave and arrive apart rather than from
 * one point.
 */
function spreadPorts(vertices: readonly Vertex[], chains: readonly number[][], placed: Map<string, PlacedBox>, boxes: readonly LayoutBox[]) {
  const out: Point[] = [];
  const into: Point[] = [];
  const sides = new Map<string, { k: number; towards: number; end: 'out' | 'in' }[]>();
  const add = (box: number, side: 'right' | 'left', k: number, towards: number, end: 'out' | 'in') => {
    const key = `${box}:${side}`;
    let list = sides.get(key);
    if (!list) sides.set(key, (list = []));
    list.push({ k, towards, end });
  };
  chains.forEach((chain, k) => {
    // In the layers' own direction: the chain runs from a box's right side to another's left side.
    add(chain[0]!, 'right', k, vertices[chain[1]!]!.y, 'out');
    add(chain[chain.length - 1]!, 'left', k, vertices[chain[chain.length - 2]!]!.y, 'in');
  });
  for (const [key, list] of sides) {
    const [boxText, side] = key.split(':') as [string, 'right' | 'left'];
    const box = placed.get(boxes[Number(boxText)]!.id)!;
    list.sort((a, b) => a.towards - b.towards || a.k - b.k);
    const span = Math.min(box.height * 0.6, (list.length - 1) * 10);
    list.forEach((entry, i) => {
      const y = box.y + box.height / 2 + (list.length === 1 ? 0 : -span / 2 + (span * i) / (list.length - 1));
      const point = { x: side === 'right' ? box.x + box.width : box.x, y };
      if (entry.end === 'out') out[entry.k] = point;
      else into[entry.k] = point;
    });
  }
  return { out, in: into };
}

/**
 * An SVG path along a routed link: curves that leave and arrive level, straight across
 * a label; a loop leaves to the right, runs back through its label above the box and
 * comes in from the left.
 */
export function pathThrough(link: Pick<RoutedLink, 'points' | 'loop'>): string {
  const points = link.points;
  if (points.length === 0) return '';
  const f = (v: number) => Math.round(v * 10) / 10;
  if (link.loop && points.length === 4) {
    const [a, b, c, d] = points as [Point, Point, Point, Point];
    const out = 28;
    return `M${f(a.x)},${f(a.y)} C${f(a.x + out)},${f(a.y)} ${f(b.x + out)},${f(b.y)} ${f(b.x)},${f(b.y)} L${f(c.x)},${f(c.y)} C${f(c.x - out)},${f(c.y)} ${f(d.x - out)},${f(d.y)} ${f(d.x)},${f(d.y)}`;
  }
  let d = `M${f(points[0]!.x)},${f(points[0]!.y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.y === b.y) d += ` L${f(b.x)},${f(b.y)}`;
    else {
      const bend = Math.max(Math.abs(b.x - a.x) / 2, 12) * (b.x >= a.x ? 1 : -1);
      d += ` C${f(a.x + bend)},${f(a.y)} ${f(b.x - bend)},${f(b.y)} ${f(b.x)},${f(b.y)}`;
    }
  }
  return d;
}
