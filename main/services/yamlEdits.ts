// Small edits to an author's YAML (adding a lesson to module.yaml's `lessons`, renaming
// a copied course) made as text insertions at the right place, not by re-printing the
// document: re-printing would re-wrap lines, re-quote values and drop the blank lines
// an author laid out, and their next diff would be full of changes they never made.
// Each edit is read back to check it did what was meant before it is used.

import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';

/** Why an edit could not be made, in a sentence for the author. */
export class YamlEditError extends Error {}

/** A value YAML reads back as itself without quotes: file and folder names as the templates make them. */
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

function parse(text: string, file: string): Document.Parsed {
  const doc = parseDocument(text, { keepSourceTokens: true, logLevel: 'error' });
  if (doc.errors.length > 0) throw new YamlEditError(`${file} has a YAML error on line ${lineOf(text, doc.errors[0]!.pos[0])}, so it was not changed: fix the error first (the Problems view lists it).`);
  if (!isMap(doc.contents)) throw new YamlEditError(`${file} is not a mapping of fields, so it was not changed: fix it first.`);
  return doc;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function topPair(doc: Document.Parsed, key: string): Pair<YamlNode, YamlNode | null> | undefined {
  return (doc.contents as { items: Array<Pair<YamlNode, YamlNode | null>> }).items.find((p) => isScalar(p.key) && p.key.value === key);
}

const scalar = (value: string) => (PLAIN.test(value) ? value : JSON.stringify(value));

/** `text` with `entry` added at the end of the top-level list `key` (created if absent), keeping everything else as written. */
export function appendToYamlList(text: string, key: string, entry: string, file: string): string {
  const doc = parse(text, file);
  const pair = topPair(doc, key);
  const value = pair?.value;
  let edited: string;
  if (!pair) {
    edited = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${key}:\n  - ${scalar(entry)}\n`;
  } else if (value === null || value === undefined || (isScalar(value) && value.value === null)) {
    // `key:` with nothing after it: the list goes on the lines below.
    const keyEnd = lineEnd(text, (pair.key as YamlNode).range![0]);
    edited = `${text.slice(0, keyEnd)}\n  - ${scalar(entry)}${text.slice(keyEnd)}`;
  } else if (isSeq(value) && value.flow) {
    const close = value.range![1] - 1;
    if (text[close] !== ']') throw new YamlEditError(`${file}'s \`${key}\` list does not end with ], so it was not changed: fix it first.`);
    const before = text.slice(0, close).trimEnd();
    edited = `${before}${before.endsWith('[') ? '' : ', '}${scalar(entry)}${text.slice(close)}`;
  } else if (isSeq(value)) {
    const last = value.items[value.items.length - 1] as YamlNode;
    const lineStart = text.lastIndexOf('\n', last.range![0]) + 1;
    const indent = /^\s*/.exec(text.slice(lineStart))![0];
    const end = lineEnd(text, last.range![1] > 0 ? last.range![1] - 1 : last.range![0]);
    edited = `${text.slice(0, end)}\n${indent}- ${scalar(entry)}${text.slice(end)}`;
  } else {
    throw new YamlEditError(`${file}'s \`${key}\` is not a list, so "${entry}" could not be added to it: make it a list first.`);
  }
  const check = parseDocument(edited, { logLevel: 'error' });
  const list = check.errors.length === 0 ? (check.toJS() as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list) || list[list.length - 1] !== entry) throw new YamlEditError(`"${entry}" could not be added to ${file}'s \`${key}\` list as it is written, so it was not changed: add it by hand.`);
  return edited;
}

/** `text` with the top-level field `key` set to `value` in place, keeping everything else as written. */
export function setYamlScalar(text: string, key: string, value: string, file: string): string {
  const doc = parse(text, file);
  const node = topPair(doc, key)?.value;
  if (!isScalar(node) || !node.range) throw new YamlEditError(`${file} has no \`${key}\` written as a single value, so it was not changed.`);
  const edited = `${text.slice(0, node.range[0])}${JSON.stringify(value)}${text.slice(node.range[1])}`;
  if ((parseDocument(edited).toJS() as Record<string, unknown>)[key] !== value) throw new YamlEditError(`\`${key}\` in ${file} could not be changed as it is written: change it by hand.`);
  return edited;
}

/** Offset of the line break ending the line that holds `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}
