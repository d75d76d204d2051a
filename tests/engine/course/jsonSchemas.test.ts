// The committed JSON Schema must be exactly what the engine's schema generates, or
// editors would check course files against rules the loader no longer has.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { generateJsonSchemas } from '../../../engine/course/jsonSchemas';

const SCHEMA_DIR = path.resolve(__dirname, '../../../schema');

test('the committed schema/ files match what the code generates (run "npm run schema" after changing engine/course/schema.ts)', () => {
  const generated = generateJsonSchemas();
  expect(readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort()).toEqual(Object.keys(generated).sort());
  for (const [name, text] of Object.entries(generated)) expect(readFileSync(path.join(SCHEMA_DIR, name), 'utf8'), name).toBe(text);
});

test('the course schema refuses unknown fields and names the id pattern, as the loader does', () => {
  const course = JSON.parse(generateJsonSchemas()['course.schema.json']!) as { additionalProperties: boolean; properties: { id: { pattern: string } }; required: string[] };
  expect(course.additionalProperties).toBe(false);
  expect(course.properties.id.pattern).toBe('^[a-z][a-z0-9-]*$');
  expect(course.required).toEqual(expect.arrayContaining(['id', 'title', 'level', 'outcomes', 'modules']));
});
