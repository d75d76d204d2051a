// A YAML text parsed with its positions kept, so any path into the value can be
// turned back into the line and column an author sees in their editor.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { DiagnosticCode, Severity } from './diagnostics';
import { readPlainYaml } from './fastYaml';
import { complexKeyFindings, findDeepNesting, tooDeep } from './yamlHazards';
import { firstSentence, onTheLine, placeYamlError } from './yamlErrors';

/** A 1-based place in a file. */
export interface Position {
  line: number;
  column: number;
}

/** A diagnostic before the loader attaches its file. */
export interface Finding extends Position {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
}

/** A path into a parsed YAML value: keys and list indexes. */
export type ValuePath = ReadonlyArray<string | number>;

/** Where the text sits inside its file: lesson blocks start below the first line. */
export interface TextOrigin {
  /** Number of lines in the file before the text's first line. */
  lineOffset: number;
  /** Number of columns cut from the start of every line of the text. */
  columnOffset: number;
}

/** A parsed YAML text that can locate any path in its value. */
export interface YamlSource {
  /** The plain value, or undefined when the text could not be parsed. */
  value: unknown;
  /**
   * When the text has syntax errors: the value as far as the parser could still read
   * it, so the loader can find a module's lessons in a broken module.yaml. Never
   * trusted for more than that: the error may have cut it short or misread it.
   */
  partial?: unknown;
  /** Syntax problems and duplicate keys, positioned in the file. */
  findings: Finding[];
  /** Position of the value at `path`, or of its nearest existing ancestor. */
  locate(path: ValuePath): Position;
  /** Position of the key naming the value at `path` (for unknown fields). */
  locateKey(path: ValuePath): Position;
  /** Where the scalar at `path` starts (at its opening quote, if any) and whether it is quoted. */
  scalarAt(path: ValuePath): { start: number; quoted: boolean } | undefined;
  /** Position of a 0-based character offset of the text. */
  positionOf(offset: number): Position;
}

const NO_ORIGIN: TextOrigin = { lineOffset: 0, columnOffset: 0 };

/**
 * Parses YAML text, reporting syntax errors (HCS004) and duplicate keys (HCS005) at
 * their place. Plain course YAML is read by the fast reader, and the full parser runs
 * only when a position is asked for, which on a clean pack is never.
 */
export function parseYaml(text: string, origin: TextOrigin = NO_ORIGIN): YamlSource {
  const deep = findDeepNesting(text);
  if (deep !== undefined) return tooDeep(text, origin, deep);
  // The scan above counts every level a parser opens; should one still overflow (thrown,
  // or caught by the parser and reported as a syntax error), the text is reported as too
  // deep, in its own file, rather than crash the whole load or fill the list with noise.
  let source: YamlSource;
  try {
    source = parseShallow(text, origin);
  } catch (error) {
    if (error instanceof RangeError) return tooDeep(text, origin, 0);
    throw error;
  }
  const overflow = source.findings.find((f) => /call stack/i.test(f.message));
  return overflow ? tooDeep(text, origin, 0, overflow) : source;
}

function parseShallow(text: string, origin: TextOrigin): YamlSource {
  const fast = readPlainYaml(text);
  if (!fast) return parseFully(text, origin);
  let full: YamlSource | undefined;
  const positioned = () => (full ??= parseFully(text, origin));
  return {
    value: fast.value,
    findings: [],
    locate: (path) => positioned().locate(path),
    locateKey: (path) => positioned().locateKey(path),
    scalarAt: (path) => positioned().scalarAt(path),
    positionOf: (offset) => positioned().positionOf(offset),
  };
}

function parseFully(text: string, origin: TextOrigin): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, keepSourceTokens: true, prettyErrors: false, logLevel: 'error' });
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: line + origin.lineOffset, column: col + origin.columnOffset };
  };
  const findings: Finding[] = complexKeyFindings(doc, text, positionOf);
  let broken = findings.length > 0;
  for (const error of doc.errors) {
    const at = positionOf(onTheLine(text, error.pos[0]));
    if (error.code === 'DUPLICATE_KEY') {
      const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))![0].trim().replace(/^["']|["']$/g, '');
      findings.push({ ...at, severity: 'error', code: 'HCS005', message: `duplicate key \`${key}\`: a key may appear only once in a mapping, and this one would silently replace the earlier \`${key}\`` });
    } else {
      broken = true;
      const placed = placeYamlError(error, doc, text);
      const where = positionOf(placed.offset);
      // The parser often reports a cascade of errors from one mistake on one line; the
      // first names the mistake, and the rest would only be noise in the list.
      if (findings.some((f) => f.code === 'HCS004' && f.line === where.line)) continue;
      findings.push({ ...where, severity: 'error', code: 'HCS004', message: `YAML syntax error: ${placed.message}` });
    }
  }
  // A key read as a list only because of a syntax error on its line is that error, said once.
  const syntaxLines = new Set(findings.filter((f) => f.code === 'HCS004').map((f) => f.line));
  if (syntaxLines.size > 0) findings.splice(0, findings.length, ...findings.filter((f) => f.code !== 'HCS029' || !syntaxLines.has(f.line)));
  let value: unknown;
  let partial: unknown;
  try {
    const js = doc.toJS({ maxAliasCount: 100 });
    if (broken) partial = js;
    else value = js;
  } catch (error) {
    if (!broken) findings.push({ ...positionOf(0), severity: 'error', code: 'HCS004', message: `YAML error: ${firstSentence(String((error as Error).message))}` });
  }
  const nodeStart = (node: YamlNode | Pair | null | undefined): number =>
    node && 'range' in node && node.range ? node.range[0] : 0;
  return {
    value,
    ...(broken ? { partial } : {}),
    findings,
    positionOf,
    locate: (path) => positionOf(nodeStart(walk(doc, path).node)),
    locateKey: (path) => {
      const found = walk(doc, path);
      return positionOf(nodeStart(found.complete && found.key ? found.key : found.node));
    },
    scalarAt: (path) => {
      const found = walk(doc, path);
      if (!found.complete || !isScalar(found.node) || !found.node.range) return undefined;
      const quoted = found.node.type === 'QUOTE_DOUBLE' || found.node.type === 'QUOTE_SINGLE';
      return { start: found.node.range[0], quoted };
    },
  };
}

interface Walked {
  node: YamlNode | undefined;
  key: YamlNode | undefined;
  complete: boolean;
}

/** Follows a path through the document's nodes, stopping at the deepest one that exists. */
function walk(doc: Document.Parsed, path: ValuePath): Walked {
  let node = (doc.contents ?? undefined) as YamlNode | undefined;
  let key: YamlNode | undefined;
  for (const segment of path) {
    let next: YamlNode | undefined;
    let nextKey: YamlNode | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair) {
        nextKey = pair.key as YamlNode;
        // A key with no value (`title:`) has no value node; point at the key instead.
        next = (pair.value as YamlNode | null) ?? nextKey;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      next = (node.items[segment] as YamlNode | undefined) ?? undefined;
    }
    if (!next) return { node, key, complete: false };
    node = next;
    key = nextKey;
  }
  return { node, key, complete: true };
}
