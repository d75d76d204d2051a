// Turns zod's validation issues into findings an author can act on: the place in the
// YAML, what was expected there, and for an unknown field the field they likely meant.

import { z } from 'zod';
import { didYouMean } from './didYouMean';
import { FAST_SHAPES } from './fastShapes';
import type { Finding, ValuePath, YamlSource } from './yamlSource';

/** Validates `value` against `schema`; returns the parsed data, or the findings positioned in `source`. */
export function validateShape<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: YamlSource,
  what: string,
): { data: z.infer<S>; findings: [] } | { data?: undefined; findings: Finding[] } {
  // A value the fast check vouches for is exactly what zod would return; zod runs
  // only when there may be something to report.
  const fast = FAST_SHAPES.get(schema)?.(value);
  if (fast !== undefined) return { data: fast as z.infer<S>, findings: [] };
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { data: result.data, findings: [] };
  const issues = result.error.issues;
  // A misspelt field is also a missing one; the did-you-mean already says both.
  const suggested = new Set(
    issues.flatMap((issue) => {
      if (issue.code !== 'unrecognized_keys') return [];
      const expected = fieldNames(schemaAt(schema, plainPath(issue.path)));
      return issue.keys.flatMap((key) => {
        const guess = didYouMean(key, expected);
        return guess ? [JSON.stringify([...plainPath(issue.path), guess])] : [];
      });
    }),
  );
  const findings = issues
    .filter((issue) => !(issue.code === 'invalid_type' && issue.input === undefined && suggested.has(JSON.stringify(plainPath(issue.path)))))
    .flatMap((issue) => issueFindings(issue, schema, source, what));
  return { findings };
}

function plainPath(path: readonly PropertyKey[]): Array<string | number> {
  return path.filter((p): p is string | number => typeof p !== 'symbol');
}

function issueFindings(issue: z.core.$ZodIssue, schema: z.ZodType, source: YamlSource, what: string): Finding[] {
  const path = plainPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const expected = fieldNames(schemaAt(schema, path));
    return issue.keys.map((key) => {
      const guess = didYouMean(key, expected);
      const hint = guess ? `did you mean \`${guess}\`? ` : '';
      return {
        ...source.locateKey([...path, key]),
        severity: 'error' as const,
        code: 'HCS006' as const,
        message: `unknown field \`${key}\` in ${placeName(path, what)}: ${hint}expected ${listFields(expected)}`,
      };
    });
  }
  return [{ ...source.locate(path), severity: 'error', code: 'HCS007', message: describeIssue(issue, path, what) }];
}

function describeIssue(issue: z.core.$ZodIssue, path: ValuePath, what: string): string {
  const field = fieldName(path, what);
  const input = 'input' in issue ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `missing required field \`${String(path[path.length - 1])}\` in ${placeName(path.slice(0, -1), what)}: expected ${typeName(issue.expected)}`;
      return `${field} should be ${typeName(issue.expected)}, but it is ${describeValue(input)}${typeHint(issue.expected, input, path)}`;
    case 'invalid_value': {
      const guess = typeof input === 'string' ? didYouMean(input, issue.values.map(String)) : undefined;
      return `${field} should be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}, but it is ${describeValue(input)}${guess ? `: did you mean \`${guess}\`?` : ''}`;
    }
    case 'invalid_format':
      if (issue.format === 'regex') return `${field} should be an id: lower-case letters, digits and hyphens, starting with a letter (for a variable: letters, digits and underscores), but it is ${describeValue(input)}`;
      return `${field} is not in the expected ${issue.format} format`;
    case 'too_small':
      if (issue.origin === 'array') return `${field} should have at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `${field} should not be empty`;
      return `${field} should be at least ${String(issue.minimum)}, but it is ${describeValue(input)}`;
    case 'too_big':
      if (issue.origin === 'string') return `${field} should be at most ${String(issue.maximum)} characters long`;
      if (issue.origin === 'array') return `${field} should have at most ${String(issue.maximum)} items`;
      return `${field} should be at most ${String(issue.maximum)}, but it is ${describeValue(input)}`;
    case 'invalid_key':
      return `${field} is not a valid name: ${issue.issues.map((i) => i.message).join('; ')}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/** What the author most likely meant by a value of the wrong type, when a usual slip explains it. */
function typeHint(expected: string, input: unknown, path: ValuePath): string {
  if (typeof input !== 'string') return '';
  // `-a.md` (no space after the dash) is text to YAML, not a list item.
  if (expected === 'array' && /^-\S/.test(input.trim())) return `: a list item needs a space after its dash, as in \`- ${input.trim().slice(1).split(/\s+-\s*/)[0]}\``;
  const number = /^\s*(-?\d+(?:\.\d+)?)\s*\S/.exec(input);
  const key = path[path.length - 1];
  if ((expected === 'number' || expected === 'int') && number) return typeof key === 'string' ? `: write the number alone, as in \`${key}: ${number[1]}\`` : `: write the number alone, as in \`${number[1]}\``;
  return '';
}

/** Walks a schema along a value path to the object schema found there. */
function schemaAt(schema: z.ZodType, path: ValuePath): z.ZodType {
  let current: z.ZodType = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject && typeof segment === 'string') current = current.shape[segment] as z.ZodType;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return current;
    current = unwrap(current);
  }
  return current;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

function fieldNames(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function listFields(fields: readonly string[]): string {
  if (fields.length === 0) return 'no fields here';
  return `one of ${fields.map((f) => `\`${f}\``).join(', ')}`;
}

/** Names the value at `path` the way an author would: `options` item 2 of question 1... kept short. */
function fieldName(path: ValuePath, what: string): string {
  if (path.length === 0) return `the ${what}`;
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `item ${last + 1} of \`${String(parent ?? what)}\``;
  }
  return `\`${last}\``;
}

function placeName(path: ValuePath, what: string): string {
  return path.length === 0 ? `the ${what}` : fieldName(path, what);
}

function typeName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping of fields';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 37)}..."` : `the text "${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
