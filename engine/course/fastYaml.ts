// A fast reader for the plain YAML that course files are made of: block mappings and
// sequences, one-line scalars, one-line flow lists and maps, and literal (|) and
// folded (>) blocks. The full `yaml` parser costs about a millisecond per small
// document, which across thousands of quiz blocks was most of a large pack's load
// time. Anything this reader is not sure of (anchors, tags, multi-line plain text,
// duplicate keys, numbers other than plain decimals, tabs...) makes it give up, and the
// full parser reads the text instead, so it only ever speeds up what both read alike;
// tests/engine/course/fastYaml.test.ts holds it to that.

/** Thrown inside the reader to give the text to the full parser. */
class GiveUp extends Error {}

const SAFE_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
const SAFE_FLOAT = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
// A Map, not an object: a plain `__proto__` must not look up the prototype.
const BOOLS = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);
// Keys the full parser would read as null or a boolean, or that would touch a prototype;
// one Set lookup, since this runs for every key of every file.
const RESERVED_KEYS = new Set(['__proto__', ...NULLS, ...BOOLS.keys(), ...Object.getOwnPropertyNames(Object.prototype)]);
// Plain scalars starting with these mean something else in YAML (or might).
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
// Every plain text YAML's core schema reads as a number; only SAFE_INT/SAFE_FLOAT are read here.
const YAML_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

interface Line {
  indent: number;
  text: string;
}

/** The value of `text` when it is plain course YAML, or undefined when the full parser must read it. */
export function readPlainYaml(text: string): { value: unknown } | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  try {
    const raws = text.split('\n');
    const lines: Line[] = new Array(raws.length);
    for (let n = 0; n < raws.length; n++) {
      const raw = raws[n]!;
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      // Document markers and directives, checked here rather than by a regex over the whole text.
      if (indent === 0 && (raw.charCodeAt(0) === 37 || raw.startsWith('---') || raw.startsWith('...'))) return undefined;
      lines[n] = { indent, text: indent === 0 ? raw : raw.slice(indent) };
    }
    const reader = new BlockReader(lines);
    const value = reader.document();
    return { value };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

/** Index of the colon ending a `key:` (letters, digits, _ and -, starting with a letter or _) that opens `text`, or -1. */
function keyEnd(text: string): number {
  const first = text.charCodeAt(0);
  if (!(first === 95 || (first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return -1;
  for (let k = 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 58) {
      const next = text.charCodeAt(k + 1);
      return k + 1 === text.length || next === 32 ? k : -1;
    }
    const keyChar = c === 95 || c === 45 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!keyChar) return -1;
  }
  return -1;
}

class BlockReader {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  document(): unknown {
    this.skipBlank();
    if (this.i >= this.lines.length) return null;
    const first = this.lines[this.i]!;
    if (first.indent !== 0) throw new GiveUp();
    const value = this.block(0);
    this.skipBlank();
    if (this.i < this.lines.length) throw new GiveUp();
    return value;
  }

  private skipBlank(): void {
    while (this.i < this.lines.length) {
      const t = this.lines[this.i]!.text;
      if (t === '' || t.startsWith('#')) this.i++;
      else break;
    }
  }

  /** A block collection whose entries start at exactly `indent`. */
  private block(indent: number): unknown {
    const line = this.lines[this.i]!;
    return line.text === '-' || line.text.startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) return map;
      const line = this.lines[this.i]!;
      if (line.indent < indent) return map;
      if (line.indent > indent) throw new GiveUp();
      const colon = keyEnd(line.text);
      if (colon < 0) throw new GiveUp();
      const key = line.text.slice(0, colon);
      if (RESERVED_KEYS.has(key) || Object.hasOwn(map, key)) throw new GiveUp();
      this.i++;
      let from = colon + 1;
      while (line.text.charCodeAt(from) === 32) from++;
      map[key] = this.valueAfterKey(line.text.slice(from), indent, true);
    }
  }

  private sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (;;) {
      this.skipBlank();
      if (this.i >= this.lines.length) return list;
      const line = this.lines[this.i]!;
      if (line.indent < indent) return list;
      if (line.indent > indent || !(line.text === '-' || line.text.startsWith('- '))) {
        if (line.indent === indent) return list; // a key of the enclosing mapping, written at the same indent
        throw new GiveUp();
      }
      const rest = line.text.slice(1).trimStart();
      const itemIndent = indent + (line.text.length - rest.length);
      if (rest === '' || rest.startsWith('#')) {
        this.i++;
        list.push(this.nestedOrNull(indent, false));
      } else if (keyEnd(rest) > 0) {
        // `- key: value` starts a mapping whose keys line up with `key`.
        this.lines[this.i] = { indent: itemIndent, text: rest };
        list.push(this.mapping(itemIndent));
      } else if (rest.startsWith('- ')) {
        throw new GiveUp();
      } else {
        this.i++;
        list.push(this.inlineValue(rest, indent));
      }
    }
  }

  /** The value after `key:` on the same line, or the block below it. */
  private valueAfterKey(rest: string, indent: number, sequenceMayAlign: boolean): unknown {
    if (rest === '' || rest.startsWith('#')) return this.nestedOrNull(indent, sequenceMayAlign);
    if (rest[0] === '|' || rest[0] === '>') return this.blockScalar(rest, indent);
    return this.inlineValue(rest, indent);
  }

  /** A block nested under a key or dash, or null when nothing is nested. */
  private nestedOrNull(indent: number, sequenceMayAlign: boolean): unknown {
    this.skipBlank();
    const next = this.lines[this.i];
    if (!next) return null;
    if (next.indent > indent) return this.block(next.indent);
    if (sequenceMayAlign && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) return this.sequence(indent);
    return null;
  }

  /** A one-line value; the next line must not continue it. */
  private inlineValue(text: string, indent: number): unknown {
    const value = scalarOrFlow(text);
    const next = this.lines[this.i];
    if (next && next.indent > indent && next.text !== '' && !next.text.startsWith('#')) throw new GiveUp();
    return value;
  }

  /** A literal (`|`, `|-`) or folded (`>`, `>-`) block scalar, its lines more indented than the key. */
  private blockScalar(header: string, indent: number): string {
    const mode = header.replace(/\s+#.*$/, '').trimEnd();
    if (mode !== '|' && mode !== '|-' && mode !== '>' && mode !== '>-') throw new GiveUp();
    const folded = mode[0] === '>';
    const body: string[] = [];
    let contentIndent = -1;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.text === '') {
        // Spaces beyond the block's indent on a blank line are content; leave those to the full parser.
        if (line.indent > (contentIndent < 0 ? 0 : contentIndent)) throw new GiveUp();
        body.push('');
        this.i++;
        continue;
      }
      if (line.indent <= indent) break;
      if (contentIndent < 0) contentIndent = line.indent;
      if (line.indent < contentIndent || (folded && line.indent > contentIndent)) throw new GiveUp();
      body.push(' '.repeat(line.indent - contentIndent) + line.text);
      this.i++;
    }
    // Blank lines belong to the block only if more text follows; trailing ones are clipped.
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    if (body.length === 0) throw new GiveUp();
    const text = folded ? fold(body) : body.join('\n');
    return mode.length === 1 ? `${text}\n` : text;
  }
}

/** Folds lines as `>` does: one line break between text becomes a space; n blank lines become n breaks. */
function fold(lines: readonly string[]): string {
  let out = '';
  let blanks = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      blanks++;
      continue;
    }
    if (!started) out += '\n'.repeat(blanks);
    else out += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    out += line;
    blanks = 0;
    started = true;
  }
  return out;
}

/** A scalar or one-line flow collection, with any trailing comment removed. */
function scalarOrFlow(text: string): unknown {
  if (text[0] === '[' || text[0] === '{') {
    const [value, end] = flow(text, 0);
    if (!isCommentOrEnd(text.slice(end))) throw new GiveUp();
    return value;
  }
  if (text[0] === '"' || text[0] === "'") {
    const [value, end] = quoted(text, 0);
    if (!isCommentOrEnd(text.slice(end))) throw new GiveUp();
    return value;
  }
  return plain(stripComment(text));
}

function isCommentOrEnd(rest: string): boolean {
  return rest.trim() === '' || /^\s+#/.test(rest);
}

function stripComment(text: string): string {
  // Most values hold no `#` at all, and indexOf is far cheaper than the regex.
  const hash = text.includes('#') ? text.search(/\s#/) : -1;
  return (hash < 0 ? text : text.slice(0, hash)).trimEnd();
}

/** A plain scalar: null, true/false, a simple number, or text. */
function plain(text: string): unknown {
  const first = text.charCodeAt(0);
  // Most values are prose starting with a letter: settle those with the fewest checks.
  if (((first >= 97 && first <= 122) || (first >= 65 && first <= 90)) && text.length > 5) {
    if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) throw new GiveUp();
    return text;
  }
  if (NULLS.has(text)) return null;
  const bool = BOOLS.get(text);
  if (bool !== undefined) return bool;
  if (SAFE_INT.test(text) || SAFE_FLOAT.test(text)) return Number(text);
  if (INDICATOR_START.test(text) && !/^-[^\s-]/.test(text)) throw new GiveUp();
  if (YAML_NUMBER.test(text) || text.includes(': ') || text.endsWith(':') || text.includes(' #')) throw new GiveUp();
  return text;
}

/** A one-line quoted scalar starting at `at`; returns the value and the index after it. */
function quoted(text: string, at: number): [string, number] {
  const quote = text[at]!;
  let out = '';
  let k = at + 1;
  while (k < text.length) {
    const c = text[k]!;
    if (c === quote) {
      if (quote === "'" && text[k + 1] === "'") {
        out += "'";
        k += 2;
        continue;
      }
      return [out, k + 1];
    }
    if (c === '\\' && quote === '"') {
      const e = text[k + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t' };
      if (e === undefined || !(e in simple)) throw new GiveUp();
      out += simple[e];
      k += 2;
      continue;
    }
    out += c;
    k++;
  }
  throw new GiveUp();
}

/** A one-line flow list or map of scalars (nested flow is left to the full parser). */
function flow(text: string, at: number): [unknown, number] {
  const open = text[at]!;
  const close = open === '[' ? ']' : '}';
  const list: unknown[] = [];
  const map: Record<string, unknown> = {};
  let k = at + 1;
  const skip = () => {
    while (text[k] === ' ') k++;
  };
  skip();
  if (text[k] === close) return [open === '[' ? list : map, k + 1];
  for (;;) {
    skip();
    let key: string | undefined;
    if (open === '{') {
      const m = /^([A-Za-z0-9_][A-Za-z0-9_-]*): +/.exec(text.slice(k));
      if (!m) throw new GiveUp();
      key = m[1]!;
      if (Object.hasOwn(map, key) || key === '__proto__') throw new GiveUp();
      k += m[0].length;
    }
    let value: unknown;
    const c = text[k];
    if (c === '"' || c === "'") [value, k] = quoted(text, k);
    else if (c === '[' || c === '{') throw new GiveUp();
    else {
      const m = /^[^,[\]{}]*/.exec(text.slice(k))!;
      const raw = m[0].trimEnd();
      if (raw === '' || raw.includes('#') || raw.includes(':') || raw.includes('"') || raw.includes("'")) throw new GiveUp();
      value = plain(raw);
      k += m[0].length;
    }
    if (key !== undefined) map[key] = value;
    else list.push(value);
    skip();
    if (text[k] === ',') {
      k++;
      skip();
      if (text[k] === close) throw new GiveUp();
      continue;
    }
    if (text[k] === close) return [open === '[' ? list : map, k + 1];
    throw new GiveUp();
  }
}
