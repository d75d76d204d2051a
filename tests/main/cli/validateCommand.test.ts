// `hcs validate`: tsc-style lines, a summary, exit 1 on errors.

import { cp, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../tempDir';
import { runHcs } from './captureIo';

const ROOT = path.resolve(__dirname, '../../..');
const BROKEN = 'tests/main/cli/fixtures/broken-pack';

test('a clean pack prints a summary and exits 0', async () => {
  const run = await runHcs(['validate', 'courses/sample'], ROOT);
  expect(run).toEqual({ code: 0, stdout: 'Checked 1 course pack: 0 errors, 0 warnings.\n', stderr: '' });
});

test('a broken pack prints each problem as path-as-given:line:col and exits 1', async () => {
  const run = await runHcs(['validate', `${BROKEN}/`], ROOT);
  expect(run.code).toBe(1);
  expect(run.stdout.split('\n')).toEqual([
    `${BROKEN}/course.yaml:2:1: error HCS006: unknown field \`titel\` in the course: did you mean \`title\`? expected one of \`id\`, \`title\`, \`version\`, \`summary\`, \`level\`, \`credits\`, \`studyHours\`, \`language\`, \`authors\`, \`outcomes\`, \`modules\`, \`references\`, \`glossary\`, \`listed\``,
    'Checked 1 course pack: 1 error, 0 warnings.',
    '',
  ]);
});

test('several packs are checked together and any error fails the run', async () => {
  const run = await runHcs(['validate', 'courses/sample', BROKEN], ROOT);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('Checked 2 course packs: 1 error, 0 warnings.');
});

test('a path with no pack says course.yaml is missing', async () => {
  const run = await runHcs(['validate', 'no/such/folder'], ROOT);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('no/such/folder/course.yaml:1:1: error HCS001: course.yaml not found');
});

test('--json gives the diagnostics of each pack for tools', async () => {
  const run = await runHcs(['validate', '--json', 'courses/sample', BROKEN], ROOT);
  const report = JSON.parse(run.stdout) as { packs: Array<{ pack: string; ok: boolean; diagnostics: Array<{ code: string; line: number }> }>; errors: number };
  expect(report.errors).toBe(1);
  expect(report.packs.map((p) => [p.pack, p.ok])).toEqual([
    ['courses/sample', true],
    [BROKEN, false],
  ]);
  expect(report.packs[1]?.diagnostics[0]).toMatchObject({ file: 'course.yaml', line: 2, column: 1, code: 'HCS006' });
});

test('validate without a pack is a usage error', async () => {
  const run = await runHcs(['validate'], ROOT);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe('hcs validate: validate needs at least one course pack folder\nusage: hcs validate <pack>... [--json]\n');
});

test('an image that is a link out of the pack fails validation at the link, and nothing of its target is printed', async () => {
  const dir = await tempDir();
  const pack = path.join(dir, 'pack');
  await cp(path.join(ROOT, 'tests/engine/course/fixtures/base'), pack, { recursive: true });
  await writeFile(path.join(dir, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
  await rm(path.join(pack, 'modules/intro/media/pic.svg'));
  await symlink(path.join(dir, 'passwd'), path.join(pack, 'modules/intro/media/pic.svg'));
  const run = await runHcs(['validate', pack], ROOT);
  expect(run.code).toBe(1);
  expect(run.stdout.split('\n')).toEqual([
    `${pack}/modules/intro/media/pic.svg:1:1: error HCS032: this image, shown by modules/intro/01-start.md, is a link that leads outside the course pack: a pack must hold its own files, so copy the file into the pack in place of the link`,
    'Checked 1 course pack: 1 error, 0 warnings.',
    '',
  ]);
  expect(run.stdout + run.stderr).not.toContain('root:x');
});
