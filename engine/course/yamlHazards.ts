// What in a YAML text would harm the readers rather than merely be wrong: nesting too
// deep to read, and keys that are themselves lists or mappings.
//
// How deeply a text nests its lists and mappings is found before any parser reads it. Both YAML readers the loader uses descend one call per level, so a few thousand
// nested brackets overflow the stack; and the full parser's work grows with the square
// of the depth. No course file needs more than a handful of levels, so a text that
// passes MAX_YAML_NESTING is refused at the place it does, and never parsed.
//
// This is a small single pass over the text, not a YAML parser: it knows just enough
// (indentation, `- ` and `key: ` indicators, flow brackets, quotes, comments and block
// scalars) to count the levels the parser would open, without being fooled by brackets
// in prose or strings. Where it is unsure it counts a level more, never fewer.

/** Deepest nesting of lists and mappings a course YAML text may have. */
export const MAX_YAML_NESTING = 64;

import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import type { Finding, Position, TextOrigin, YamlSource } from './yamlSource';

interface Level {
  indent: number;
  kind: 'seq' | 'map';
}

/** Offset of the indicator that opens a level past `limit`, or undefined when the text stays within it. */
export function findDeepNesting(text: string, limit: number = MAX_YAML_NESTING): number | undefined {
  const block: Level[] = [];
  let flow = 0;
  // Set while inside a quoted scalar, which may run over several lines.
  let quote: '"' | "'" | undefined;
  // Set while inside a block scalar (| or >): lines indented more than this are text.
  let scalarIndent: number | undefined;
  // Inside a flow collection a `- ` or `? ` is an error, but the parser still opens a
  // block for each while it recovers: counted until the next `,` or bracket.
  let flowIndicators = 0;
  let previousOpensBlock = false;
  // As the parser's lexer keeps them: the column the line's content starts at, and the
  // indentation a quoted scalar's next line needs to go on (less ends it, as an error).
  let indentValue = 0;
  let indentNext = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let indent = 0;
    while (text.charCodeAt(lineStart + indent) === 32) indent++;
    const empty = lineStart + indent >= lineEnd || text[lineStart + indent] === '\r';
    if (quote !== undefined && !empty && ((indentNext > 0 && indent < indentNext) || /^(---|\.\.\.)(\s|$)/.test(text.slice(lineStart, lineStart + 4)))) {
      quote = undefined;
    }
    const blank = empty || (text[lineStart + indent] === '#' && quote === undefined);
    let k = lineStart + indent;
    if (quote === undefined && !blank) {
      indentValue = indent;
      if (indentNext > indentValue) indentNext = indentValue;
    }
    if (scalarIndent !== undefined) {
      if (blank || indent > scalarIndent) {
        lineStart = lineEnd + 1;
        continue;
      }
      scalarIndent = undefined;
    }
    if (quote === undefined && flow === 0 && !blank) {
      // Block structure: which collections this line closes, continues or opens.
      const isEntry = text[k] === '-' && (k + 1 === lineEnd || text[k + 1] === ' ' || text[k + 1] === '\r');
      const kind: Level['kind'] = isEntry ? 'seq' : 'map';
      while (block.length > 0 && block[block.length - 1]!.indent > indent) block.pop();
      const top = block[block.length - 1];
      if (top && top.indent === indent && top.kind !== kind) {
        // A list under `key:` may sit at the key's own indent: one level deeper; a key
        // after such a list closes it.
        if (kind === 'seq' && previousOpensBlock) block.push({ indent, kind });
        else if (kind === 'map' && top.kind === 'seq') block.pop();
      } else if (!top || top.indent < indent) {
        block.push({ indent, kind });
      }
      if (block.length + flow > limit) return k;
    }
    if (blank && quote === undefined) {
      lineStart = lineEnd + 1;
      continue;
    }

    // The line's tokens: only where a token may start can a bracket, quote or indicator mean anything.
    let tokenStart = quote === undefined;
    let opensBlock = false;
    for (; k < lineEnd; k++) {
      const c = text[k]!;
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') k++;
        else if (c === quote) {
          if (quote === "'" && text[k + 1] === "'") k++;
          else {
            // Anything right after a closing quote is a token of its own to the parser:
            // a bracket there opens a collection (in error, but still a level).
            quote = undefined;
            tokenStart = true;
          }
        }
        continue;
      }
      if (c === ' ' || c === '\r') {
        continue;
      }
      if (c === '#' && (k === lineStart || text[k - 1] === ' ')) break;
      if (flow > 0 && (c === ',' || c === ']' || c === '}')) {
        if (c !== ',') flow--;
        flowIndicators = 0;
        tokenStart = true;
        continue;
      }
      if (!tokenStart) {
        // Inside a plain scalar: only `: ` (a key ends) or, in flow, an indicator ends it.
        if (c === ':' && (k + 1 === lineEnd || text[k + 1] === ' ' || text[k + 1] === '\r' || (flow > 0 && (text[k + 1] === ',' || text[k + 1] === ']' || text[k + 1] === '}')))) {
          if (flow === 0) indentNext = indentValue + 1;
          tokenStart = true;
          opensBlock = true;
        } else if (flow > 0 && (c === '[' || c === '{')) {
          if (++flow + block.length + flowIndicators > limit) return k;
          tokenStart = true;
        }
        continue;
      }
      if (c === '[' || c === '{') {
        if (++flow + block.length + flowIndicators > limit) return k;
        continue;
      }
      if (c === '"' || c === "'") {
        quote = c;
        tokenStart = false;
        continue;
      }
      const next = text[k + 1];
      const spaced = k + 1 >= lineEnd || next === ' ' || next === '\r';
      if ((c === '-' || c === '?' || c === ':') && spaced) {
        if (flow === 0) {
          indentNext = indentValue + 1;
          if (c !== ':') {
            let after = k + 1;
            while (text[after] === ' ') after++;
            indentValue = after - lineStart;
          }
        }
        // An indicator after the line's first token opens a level of its own (`- - x`, `- a: b`).
        if (flow === 0 && k > lineStart + indent && c !== ':') {
          block.push({ indent: k - lineStart, kind: c === '-' ? 'seq' : 'map' });
          if (block.length > limit) return k;
        } else if (flow > 0 && c !== ':' && ++flowIndicators + flow + block.length > limit) {
          return k;
        }
        opensBlock = c === ':';
        continue;
      }
      if ((c === '|' || c === '>') && flow === 0) {
        scalarIndent = indent;
        break;
      }
      if (c === '&' || c === '!' || c === '*') {
        while (k + 1 < lineEnd && text[k + 1] !== ' ' && text[k + 1] !== ',' && text[k + 1] !== ']' && text[k + 1] !== '}') k++;
        continue;
      }
      // A plain scalar starts; if it is a key after an indicator on this line, it opens a mapping there.
      if (flow === 0 && k > lineStart + indent && isKeyAhead(text, k, lineEnd)) {
        block.push({ indent: k - lineStart, kind: 'map' });
        if (block.length > limit) return k;
      }
      tokenStart = false;
      opensBlock = false;
    }
    previousOpensBlock = opensBlock && tokenStart;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** True when the plain text starting at `from` is a key (`word: ...`) on this line. */
function isKeyAhead(text: string, from: number, lineEnd: number): boolean {
  for (let k = from; k < lineEnd; k++) {
    const c = text[k];
    if (c === '#' && text[k - 1] === ' ') return false;
    if (c === ':' && (k + 1 === lineEnd || text[k + 1] === ' ' || text[k + 1] === '\r')) return true;
  }
  return false;
}

/**
 * The parsed source of a text refused for its nesting: no value, one finding at the place
 * it went too deep (`offset` in the text, or `place` when the parser named it already).
 */
export function tooDeep(text: string, origin: TextOrigin, offset: number, place?: Position): YamlSource {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  const at: Position = place
    ? { line: place.line, column: place.column }
    : { line: line + origin.lineOffset, column: offset - lineStart + 1 + origin.columnOffset };
  const finding: Finding = {
    ...at,
    severity: 'error',
    code: 'HCS028',
    message: `lists and mappings are nested more than ${MAX_YAML_NESTING} levels deep here: no course file needs that many, so flatten this value`,
  };
  return { value: undefined, findings: [finding], locate: () => at, locateKey: () => at, scalarAt: () => undefined, positionOf: () => at };
}

/**
 * Keys that are lists or mappings (`[a]: b`, `? {a: 1}`), or aliases that may stand for one. A course file's keys are field
 * names; such a key would be turned into text with a warning printed on the console,
 * and then reported as an unknown field somewhere else.
 */
export function complexKeyFindings(doc: Document.Parsed, text: string, positionOf: (offset: number) => Position): Finding[] {
  const findings: Finding[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || pair.key === null || pair.key === undefined) return;
      // A tagged scalar (`!!binary`, `!!timestamp`) may be read as an object: no plain key either.
      if (isScalar(pair.key) && (typeof pair.key.value !== 'object' || pair.key.value === null)) return;
      const key = pair.key as { range?: [number, number, number] | null };
      const range = key.range ?? [0, 0];
      // A tag or anchor written before the key (`!!binary aGk=`) is where the key starts for the author.
      const lineStart = text.lastIndexOf('\n', range[0] - 1) + 1;
      const props = /^(\s*)(?:[!&]\S*\s+)+$/.exec(text.slice(lineStart, range[0]));
      const start = props ? lineStart + props[1]!.length : range[0];
      const written = text.slice(start, range[1]).trim().replace(/\s+/g, ' ');
      const shown = written.length > 40 ? `${written.slice(0, 37)}...` : written;
      const what = isSeq(pair.key) ? 'a list' : isMap(pair.key) ? 'a mapping' : isAlias(pair.key) ? 'an alias of another value' : 'a tagged value, not plain text';
      findings.push({
        ...positionOf(start),
        severity: 'error',
        code: 'HCS029',
        message: `the key \`${shown}\` is ${what}: a key must be plain text such as \`title\`, so write the key as a word`,
      });
    },
  });
  return findings;
}
