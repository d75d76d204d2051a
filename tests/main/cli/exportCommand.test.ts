import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportCommand } from '../../../main/cli/exportCommand';
import type { CliIo } from '../../../main/cli/command';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hcs-export-cli-'));
  await mkdir(path.join(work, 'runtime'));
  await writeFile(path.join(work, 'runtime/scorm.js'), '/* player */');
  await writeFile(path.join(work, 'runtime/scorm.css'), '/* styles */');
});
afterAll(() => rm(work, { recursive: true, force: true }));

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd: repoRoot };
  const command = createExportCommand({ runtimeDir: path.join(work, 'runtime'), xsdDir: path.join(repoRoot, 'resources/scorm-xsd') });
  const parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  return { done: command.run({ positionals: parsed.positionals, values: parsed.values }, io), out, err };
}

describe('hcs export', () => {
  it('writes a SCORM 2004 package of a shipped course and says what it wrote', async () => {
    const out = path.join(work, 'ug.zip');
    const r = run(['courses/health-creation-ug', '--standard', 'scorm2004', '--out', out]);
    expect(await r.done).toBe(0);
    expect(r.out.join('')).toMatch(/^Wrote .*ug\.zip \(\d+ bytes\): .*SCORM 2004 4th Edition, \d+ SCOs, one per module\.\n$/);
    const files = unzipSync(new Uint8Array(await readFile(out)));
    expect(strFromU8(files['imsmanifest.xml']!)).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  });

  it('refuses an unknown standard with its usage', async () => {
    await expect(run(['courses/health-creation-ug', '--standard', 'scorm3', '--out', 'x.zip']).done).rejects.toThrow(
      /--standard must be scorm12 or scorm2004, not "scorm3"/,
    );
  });

  it('refuses a missing --out', async () => {
    await expect(run(['courses/health-creation-ug', '--standard', 'scorm12']).done).rejects.toThrow(/--out must name the zip file/);
  });

  it('exits 1 naming the pack when the pack has errors', async () => {
    const r = run([path.join(work, 'no-such-pack'), '--standard', 'scorm12', '--out', path.join(work, 'bad.zip')]);
    expect(await r.done).toBe(1);
    expect(r.err.join('')).toMatch(/has errors, so it was not exported/);
  });
});
