// Where a YAML syntax error really is, and what the author most likely meant. The
// parser reports some errors where it noticed them rather than where they are: an
// unclosed `[` or quote at the next key's line (or past the end of the last line),
// an unquoted `: ` inside a value at the value's first letter. An author looks at the
// place they are sent to, so the place is moved to the cause and the message says the
// usual fix in the author's terms.

import { visit, type Document, type YAMLError } from 'yaml';

/** A syntax error's offset in the text and its sentence (without the "YAML syntax error" prefix). */
export interface PlacedYamlError {
  offset: number;
  message: string;
}

/** Places one of the parser's errors and words it for an author. */
export function placeYamlError(error: YAMLError, doc: Document.Parsed, text: string): PlacedYamlError {
  const at = error.pos[0];
  const raw = firstSentence(error.message);
  if (error.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(raw)) {
    const open = unclosed(doc, at, 'flow');
    if (open) {
      const list = open.char === '[';
      return {
        offset: open.offset,
        message: `the ${list ? 'list' : 'mapping'} opened with \`${open.char}\` here is never closed: end it with \`${list ? ']' : '}'}\` on the same line`,
      };
    }
  }
  if (error.code === 'MISSING_CHAR' && /quote/i.test(raw)) {
    const open = unclosed(doc, at, 'quote');
    if (open) return { offset: open.offset, message: `the text opened with ${open.char} here has no closing ${open.char}: end it with ${open.char} on the same line` };
  }
  const line = lineAt(text, at);
  if (error.code === 'TAB_AS_INDENT') return { offset: at, message: 'a tab is used for indentation, and YAML allows only spaces: indent with spaces' };
  if (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const glued = /^(\s*)([A-Za-z_][\w-]*):(?=[^\s:])/.exec(line.text);
    if (glued) return { offset: line.start + glued[1]!.length + glued[2]!.length, message: `a key needs a space after its colon: write \`${glued[2]}: ${line.text.slice(glued[0].length).trim()}\`` };
    const rest = line.text.slice(at - line.start);
    const colon = rest.indexOf(': ');
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && colon > 0) {
      return { offset: at + colon, message: `this value holds \`: \`, which YAML reads as the start of another key: put the whole value in quotes, e.g. "${rest.trim().replace(/"/g, '\\"')}"` };
    }
    const item = /^(\s*)- /.exec(line.text);
    const above = previousLine(text, line.start);
    const itemAbove = above === undefined ? null : /^(\s*)- /.exec(above);
    if (item && itemAbove && item[1]!.length !== itemAbove[1]!.length) {
      return { offset: line.start + item[1]!.length, message: 'this list item is indented differently from the item above it: line up its `-` with theirs' };
    }
    const below = nextLine(text, line.start + line.text.length);
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && below !== undefined && indentOf(below) > indentOf(line.text)) {
      return { offset: at, message: 'the line below is indented further than this line, so YAML reads it as part of this value: line it up with the keys above, or put a nested value on its own lines under a key with nothing after its colon' };
    }
  }
  return { offset: onTheLine(text, at), message: raw };
}

/** The first sentence of a parser message, without its own "at line x, column y". */
export function firstSentence(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * Moves an offset that points past the end of a line (at its line break, or at the end
 * of the text) back onto the last character written before it, so an editor's marker
 * sits on text the author can see.
 */
export function onTheLine(text: string, offset: number): number {
  let k = Math.min(offset, text.length);
  if (k < text.length && text[k] !== '\n' && text[k] !== '\r') return k;
  k--;
  while (k > 0 && /\s/.test(text[k]!)) k--;
  return Math.max(0, k);
}

interface Opening {
  offset: number;
  char: string;
}

/** The innermost flow collection or quoted text opened before `before` and never closed. */
function unclosed(doc: Document.Parsed, before: number, kind: 'flow' | 'quote'): Opening | undefined {
  let found: Opening | undefined;
  visit(doc, {
    Node(_key, node) {
      const token = (node as { srcToken?: CstToken }).srcToken;
      if (!token || token.offset >= before) return;
      if (kind === 'flow' && token.type === 'flow-collection' && token.start) {
        const close = token.start.source === '[' ? ']' : '}';
        if (!(token.end ?? []).some((t) => t.source === close) && (!found || token.offset > found.offset)) found = { offset: token.offset, char: token.start.source };
      }
      if (kind === 'quote' && (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && token.source !== undefined) {
        const quote = token.source[0]!;
        const closed = token.source.length > 1 && token.source.trimEnd().endsWith(quote);
        if (!closed && (!found || token.offset > found.offset)) found = { offset: token.offset, char: quote };
      }
    },
  });
  return found;
}

/** The parts of a concrete syntax token read here (the yaml package's CST, loosely typed). */
interface CstToken {
  type: string;
  offset: number;
  source?: string;
  start?: { source: string };
  end?: Array<{ source: string }>;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The nearest non-blank line before the line starting at `lineStart`. */
function previousLine(text: string, lineStart: number): string | undefined {
  const lines = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim() !== '' && lineStart > 0) return lines[i];
  return undefined;
}

/** The nearest non-blank line after the line ending at `lineEnd`. */
function nextLine(text: string, lineEnd: number): string | undefined {
  return text.slice(lineEnd + 1).split('\n').find((l) => l.trim() !== '');
}

function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, text: text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '') };
}
