// Reading one text file of a pack: size limit first (so a huge file is never read
// whole), then strict UTF-8, so a file saved in another encoding is named rather
// than shown to learners as mojibake.

import type { Diagnostic } from './diagnostics';
import { MAX_LESSON_BYTES, type PackReader } from './packReader';

/** What reading a pack file gave: its text, nothing there, or a problem already reported. */
export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'problem'; diagnostic: Diagnostic };

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
// TextDecoder is in every runtime the engine meets (Node, Chromium, an LMS's browser),
// but the engine compiles without DOM or Node types, so it is looked up, typed here.
const StrictDecoder = (globalThis as unknown as { TextDecoder: new (label: string, options: { fatal: boolean }) => Utf8Decoder }).TextDecoder;
const decoder = new StrictDecoder('utf-8', { fatal: true });

/** Reads `path` as UTF-8 text, refusing files over MAX_LESSON_BYTES without reading them. */
export async function readPackText(reader: PackReader, path: string): Promise<ReadOutcome> {
  let entry;
  try {
    entry = await reader.stat(path);
  } catch {
    entry = undefined;
  }
  if (entry?.outside) {
    return problem(path, 1, 1, 'HCS032', 'this path is a link that leads outside the course pack: a pack must hold its own files, so copy the file into the pack in place of the link');
  }
  if (!entry || entry.kind !== 'file') return { kind: 'missing' };
  if (entry.size > MAX_LESSON_BYTES) {
    const mb = (entry.size / (1024 * 1024)).toFixed(1);
    return problem(path, 1, 1, 'HCS003', `file is ${mb} MB, over the 5 MB limit for a file in a course pack: split it into smaller lessons and keep large media out of the text`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await reader.readFile(path);
  } catch (error) {
    return problem(path, 1, 1, 'HCS001', `file could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = bytePosition(bytes, offset);
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return problem(path, line, column, 'HCS002', `file is not valid UTF-8: byte 0x${byte} at byte offset ${offset} is not part of a UTF-8 character; save the file with UTF-8 encoding`);
  }
  const control = CONTROL.exec(text);
  if (control) {
    const before = text.slice(0, control.index);
    const line = before.split('\n').length;
    const column = control.index - before.lastIndexOf('\n');
    const code = control[0].charCodeAt(0);
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}${code === 0 ? ' (NUL)' : ''}`;
    return problem(path, line, column, 'HCS030', `the control character ${name} is in the text here: it is invisible and breaks tools that read the file, so delete it (the file may be damaged)`);
  }
  return { kind: 'text', text };
}

// Characters no course text means to hold: C0 controls other than tab, line feed and
// carriage return, and DEL. A NUL in particular is a sign of a damaged file.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f]/;

function problem(file: string, line: number, column: number, code: Diagnostic['code'], message: string): ReadOutcome {
  return { kind: 'problem', diagnostic: { file, line, column, severity: 'error', code, message } };
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return bytes.length;
}

/** Line and column (1-based, counting characters of the valid prefix) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const prefix = decoder.decode(bytes.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}
