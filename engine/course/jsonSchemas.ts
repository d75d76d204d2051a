// JSON Schema for editors, generated from the same zod schemas the loader uses.

import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from './schema';

/** The text of every published JSON Schema file, keyed by file name; stable so a drift test can compare it. */
export function generateJsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
    files[name] = `${JSON.stringify({ $id: `https://health-creation.studio/schema/${name}`, ...json }, null, 2)}\n`;
  }
  return files;
}
