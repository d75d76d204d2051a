// The keys the course format allows at a place in a file, read from the JSON Schemas the
// engine publishes (the same ones `hcs schema --write` puts in schema/), for completion
// and hover in the source editor. The place is found by indentation, as YAML nests.
// The schemas are made from the engine's zod schemas, so zod and they load on the first
// completion or hover, not with the editor: opening a file stays quick.

import type { Text } from '@codemirror/state';

/** A key the schema allows, and what it is for. */
export interface SchemaKey {
  name: string;
  description?: string;
}

interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

let schemas: Record<string, JsonSchema> | undefined;
let loading: Promise<void> | undefined;

/** Loads the schemas (once); keysFor answers nothing until they are here. */
export function loadSchemas(): Promise<void> {
  loading ??= import('../../../../../engine/course/jsonSchemas').then((m) => {
    schemas = Object.fromEntries(Object.entries(m.generateJsonSchemas()).map(([file, text]) => [file, JSON.parse(text) as JsonSchema]));
  });
  return loading;
}

function schemaNamed(name: string): JsonSchema | undefined {
  return schemas?.[name];
}

/** The alternatives a schema stands for (anyOf, oneOf and allOf flattened). */
function variants(schema: JsonSchema): JsonSchema[] {
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  return nested.length ? [schema, ...nested.flatMap(variants)] : [schema];
}

/** The schema under a key (through lists, records and alternatives). */
function child(schema: JsonSchema, key: string | null): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const s of variants(schema)) {
    if (key === null) {
      if (s.items) out.push(s.items);
      continue;
    }
    const named = s.properties?.[key];
    if (named) out.push(named);
    else if (s.additionalProperties && typeof s.additionalProperties === 'object') out.push(s.additionalProperties);
  }
  return out;
}

/** Which schema a file (or the block of a lesson the line is in) follows, and the first line it covers. */
function rootFor(path: string, doc: Text, lineNumber: number): { schema: JsonSchema; firstLine: number } | undefined {
  if (/\.md$/i.test(path)) {
    // Front matter between the opening '---' and the next; quiz blocks between their fences.
    if (doc.line(1).text.trim() === '---') {
      for (let n = 2; n <= doc.lines; n++) {
        if (doc.line(n).text.trim() === '---') {
          if (lineNumber < n) return wrap('lesson-frontmatter.schema.json', 2);
          break;
        }
      }
    }
    for (let n = lineNumber - 1; n >= 1; n--) {
      const text = doc.line(n).text;
      if (/^```quiz\s*$/.test(text)) return wrap('quiz.schema.json', n + 1);
      if (/^```/.test(text)) return undefined;
    }
    return undefined;
  }
  if (!/\.ya?ml$/i.test(path)) return undefined;
  const name = path === 'course.yaml' ? 'course.schema.json' : /(^|\/)module\.ya?ml$/.test(path) ? 'module.schema.json' : 'scenario.schema.json';
  return wrap(name, 1);
}

function wrap(name: string, firstLine: number): { schema: JsonSchema; firstLine: number } | undefined {
  const schema = schemaNamed(name);
  return schema ? { schema, firstLine } : undefined;
}

/** The keys allowed at `indent` on line `lineNumber` of a file, with their descriptions. */
export function keysFor(path: string, doc: Text, lineNumber: number, indent: number): SchemaKey[] {
  const root = rootFor(path, doc, lineNumber);
  if (!root) return [];
  // Walk up to the parents: each line with less indentation that holds a key opens a level.
  const chain: Array<string | null> = [];
  // A key written after '- ' on its own line starts a new item of the list it is in: its parents are the list's.
  const own = /^(\s*)- /.exec(doc.line(lineNumber).text);
  const newItem = own !== null && (own[1] ?? '').length + 2 === indent;
  let limit = newItem ? (own[1] ?? '').length : indent;
  for (let n = lineNumber - 1; n >= root.firstLine && limit > 0; n--) {
    const text = doc.line(n).text;
    const m = /^(\s*)(- )?([A-Za-z0-9_-]+)?\s*:?/.exec(text);
    if (!m || text.trim() === '' || text.trim().startsWith('#')) continue;
    const lead = (m[1] ?? '').length;
    const keyAt = lead + (m[2] ? 2 : 0);
    const opens = Boolean(m[3]) && /:\s*(#.*)?$/.test(text);
    if (m[2]) {
      // '- key:' is an item of a list: below it sit the item's keys, or the value of its last key.
      if (keyAt < limit && opens) chain.unshift(null, m[3]!);
      else if (keyAt <= limit) chain.unshift(null);
      else continue;
      limit = lead;
    } else if (keyAt < limit && opens) {
      chain.unshift(m[3]!);
      limit = lead;
    }
  }
  if (newItem) chain.push(null);
  let level = [root.schema];
  for (const key of chain) level = level.flatMap((s) => child(s, key));
  const keys = new Map<string, SchemaKey>();
  for (const s of level.flatMap(variants)) {
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      if (!keys.has(name)) keys.set(name, { name, ...(prop.description ? { description: prop.description } : {}) });
    }
  }
  return [...keys.values()];
}
