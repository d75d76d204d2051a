// The layering of docs/architecture.md is a lint rule, not a convention: these tests
// lint small files placed (virtually) in each part through ESLint's own API with the
// project's eslint.config.mjs, and check which imports the rule refuses.

import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layering errors ESLint reports for `code` saved as `file` (relative to the project root). */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('the engine imports nothing but itself and pure libraries', () => {
  it('refuses an import of main/ from the engine', async () => {
    const errors = await layeringErrors('engine/course/probe.ts', "import { main } from '../../main/cli';\nexport const probe = main;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('"../../main/cli"');
  });

  it('refuses a type-only import of main/ from the engine too', async () => {
    const errors = await layeringErrors('engine/api/probe.ts', "import type { Studio } from '../../main/studio';\nexport type Probe = Studio;\n");
    expect(errors).toHaveLength(1);
  });

  it('refuses an import of renderer/ from the engine', async () => {
    const errors = await layeringErrors('engine/progress/probe.ts', "export { getStudioApi } from '../../renderer/api/getStudioApi';\n");
    expect(errors).toHaveLength(1);
  });

  it.each(['node:fs', 'path', 'electron', 'react', 'lowdb', 'dompurify'])('refuses the environment module %s in the engine', async (source) => {
    const errors = await layeringErrors('engine/scorm/probe.ts', `import * as probe from '${source}';\nexport { probe };\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`"${source}"`);
  });

  it('refuses a dynamic import of main/ from the engine', async () => {
    const errors = await layeringErrors('engine/course/probe.ts', "export const load = () => import('../../main/cli');\n");
    expect(errors).toHaveLength(1);
  });

  it('accepts the engine importing itself and its pure libraries', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { createMachine } from 'xstate';",
      "import { parseDocument } from 'yaml';",
      "import { deflateSync } from 'fflate';",
      "import type { Course } from '../course/model';",
      'export const probe: unknown[] = [z, createMachine, parseDocument, deflateSync];',
      'export type Probe = Course;',
    ].join('\n');
    expect(await layeringErrors('engine/scorm/probe.ts', code)).toEqual([]);
  });
});

describe('main and the renderer never import each other', () => {
  it('refuses an import of renderer/ from main', async () => {
    expect(await layeringErrors('main/services/probe.ts', "export { createHttpApi } from '../../renderer/api/httpApi';\n")).toHaveLength(1);
  });

  it('refuses React in main', async () => {
    expect(await layeringErrors('main/probe.ts', "import { useState } from 'react';\nexport const probe = useState;\n")).toHaveLength(1);
  });

  it('refuses an import of main/ from the renderer', async () => {
    expect(await layeringErrors('renderer/workbench/probe.ts', "import { openStudio } from '../../main/studio';\nexport const probe = openStudio;\n")).toHaveLength(1);
  });

  it.each(['electron', 'node:path'])('refuses %s in the renderer', async (source) => {
    expect(await layeringErrors('renderer/api/probe.ts', `import * as probe from '${source}';\nexport { probe };\n`)).toHaveLength(1);
  });

  it('accepts main and the renderer importing the engine', async () => {
    const fromMain = "import { applyEvent } from '../engine/progress/rules';\nimport { readFile } from 'node:fs/promises';\nexport const probe = [applyEvent, readFile];\n";
    const fromRenderer = "import { channelOf } from '../../engine/api/studioApi';\nimport { useState } from 'react';\nexport const probe = [channelOf, useState];\n";
    expect(await layeringErrors('main/probe.ts', fromMain)).toEqual([]);
    expect(await layeringErrors('renderer/api/probe.ts', fromRenderer)).toEqual([]);
  });
});

describe('the engine names no browser global, even in a comment', () => {
  it('has no window., document., localStorage., sessionStorage. or navigator. anywhere in engine/', async () => {
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else if (/\.tsx?$/.test(entry.name)) {
          const lines = (await readFile(full, 'utf8')).split('\n');
          lines.forEach((line, i) => {
            if (/\b(window|document|localStorage|sessionStorage|navigator)\./.test(line)) offenders.push(`${path.relative(root, full)}:${i + 1}`);
          });
        }
      }
    };
    await walk(path.join(root, 'engine'));
    expect(offenders).toEqual([]);
  });
});

describe('the lint runs with the tests', () => {
  it('is part of npm test, after the type check', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toMatch(/npm run typecheck && npm run lint\b/);
    expect(pkg.scripts.lint).toMatch(/^eslint\b/);
    expect(pkg.scripts.typecheck).toBe('tsc -b');
  });
});
