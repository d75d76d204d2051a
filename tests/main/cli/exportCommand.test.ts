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

  it('cuts a package for Open edX as one SCO for the course when --sco is not given', async () => {
    const out = path.join(work, 'edx.zip');
    const r = run(['courses/health-creation-ug', '--standard', 'scorm12', '--lms', 'openedx', '--out', out]);
    expect(await r.done).toBe(0);
    expect(r.out.join('')).toMatch(/one SCO for the whole course\.\n$/);
    expect(r.err.join('')).not.toMatch(/warning/);
  });

  it('warns, naming why, when asked for one SCO per module for Open edX', async () => {
    const r = run(['courses/health-creation-ug', '--standard', 'scorm2004', '--lms', 'openedx', '--sco', 'module', '--out', path.join(work, 'edx-modules.zip')]);
    expect(await r.done).toBe(0);
    expect(r.err.join('')).toContain(
      "hcs export: warning: Open edX's SCORM XBlock launches only the first SCO of a package and keeps one saved state for all of them, so learners would see only the first module and the modules would overwrite each other's progress; export with --sco course for Open edX (the SCORM XBlock).\n",
    );
  });

  it('refuses an LMS it does not know, listing those it does', async () => {
    await expect(run(['courses/health-creation-ug', '--standard', 'scorm12', '--lms', 'sakai', '--out', 'x.zip']).done).rejects.toThrow(
      /--lms must be generic, moodle, canvas, blackboard, brightspace or openedx, not "sakai"/,
    );
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
