// `hcs` as an educator uses it: installed with `npm install -g .` (what `npm link`
// does too: a link to this folder), then run from folders that have nothing to do with
// the project. A course started there must validate, keep resolving its JSON Schema
// after the folder moves, and export to SCORM straight away.

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let binDir: string;

beforeAll(() => {
  // The bundled CLI and player, as `npm install` leaves them.
  execFileSync(process.execPath, ['scripts/build.mjs', 'cli', 'scorm'], { cwd: ROOT, stdio: 'pipe' });
  work = mkdtempSync(path.join(tmpdir(), 'hcs-installed-'));
  const prefix = path.join(work, 'global');
  execFileSync(npm, ['install', '--global', ROOT, '--prefix', prefix, '--offline', '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd: work,
    stdio: 'pipe',
    timeout: 120_000,
  });
  binDir = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the installed `hcs` in `cwd`, found on PATH as a user's shell finds it. */
function hcs(cwd: string, ...args: string[]) {
  const run = spawnSync('hcs', args, {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env['PATH'] ?? ''}` },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every `$schema=` reference in the YAML files under `dir`, resolved from the file that makes it. */
function schemaReferences(dir: string): Array<{ file: string; target: string }> {
  const found: Array<{ file: string; target: string }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const ref = /\$schema=(\S+)/.exec(readFileSync(file, 'utf8'))?.[1];
    if (ref) found.push({ file: path.relative(dir, file), target: path.resolve(path.dirname(file), ref) });
  }
  return found;
}

describe('hcs installed globally, used outside the project', () => {
  it('starts a course that validates, whose schema references resolve inside the course folder', () => {
    const home = path.join(work, 'home');
    mkdirSync(home);
    const made = hcs(home, 'new', 'course', 'my-course');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('created my-course/schema/course.schema.json\n');

    const refs = schemaReferences(path.join(home, 'my-course'));
    expect(refs.map((r) => r.file).sort()).toEqual(['course.yaml', path.join('modules', 'first-module', 'module.yaml')]);
    for (const ref of refs) {
      expect(existsSync(ref.target), `${ref.file} points at ${ref.target}`).toBe(true);
      expect(ref.target.startsWith(path.join(home, 'my-course') + path.sep)).toBe(true);
    }
    expect(hcs(home, 'validate', 'my-course')).toMatchObject({ code: 0, stdout: 'Checked 1 course pack: 0 errors, 0 warnings.\n' });
    // Inside the course folder itself: no npm project around it, and hcs still answers.
    expect(hcs(path.join(home, 'my-course'), 'validate', '.')).toMatchObject({ code: 0, stdout: 'Checked 1 course pack: 0 errors, 0 warnings.\n' });
  });

  it('adds modules and scenarios that point at the course’s own schema copy', () => {
    const home = path.join(work, 'home');
    expect(hcs(home, 'new', 'module', 'my-course/modules/second').code).toBe(0);
    expect(hcs(home, 'new', 'scenario', 'my-course/modules/second/meeting').code).toBe(0);
    for (const ref of schemaReferences(path.join(home, 'my-course/modules/second'))) {
      expect(path.dirname(ref.target)).toBe(path.join(home, 'my-course', 'schema'));
      expect(existsSync(ref.target)).toBe(true);
    }
  });

  it('keeps the schema references working after the course folder moves, and exports it as SCORM', () => {
    const moved = path.join(work, 'shared-drive', 'courses');
    mkdirSync(moved, { recursive: true });
    cpSync(path.join(work, 'home', 'my-course'), path.join(moved, 'my-course'), { recursive: true });
    rmSync(path.join(work, 'home', 'my-course'), { recursive: true });
    for (const ref of schemaReferences(path.join(moved, 'my-course'))) expect(existsSync(ref.target), ref.file).toBe(true);

    const exported = hcs(moved, 'export', 'my-course', '--standard', 'scorm12', '--out', 'my-course.zip');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Wrote my-course\.zip \(\d+ bytes\): My course, SCORM 1\.2, one SCO, one per module\.\n$/);
    const zip = unzipSync(readFileSync(path.join(moved, 'my-course.zip')));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['imsmanifest.xml', 'runtime/scorm.js', 'sco-first-module.html']));
  });

  it('writes the JSON Schemas into any folder with hcs schema --write <dir>', () => {
    const run = hcs(work, 'schema', '--write', 'editor-schemas');
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(work, 'editor-schemas')).sort()).toEqual(readdirSync(path.join(ROOT, 'schema')).sort());
  });
});

describe('hcs where npm install did not build it', () => {
  it('builds the command line tool and the SCORM player on first use, saying so in one line', () => {
    // A checkout as `npm install --ignore-scripts` leaves it: sources, no dist/.
    const app = path.join(work, 'unbuilt-app');
    mkdirSync(path.join(app, 'bin'), { recursive: true });
    mkdirSync(path.join(app, 'scripts'));
    cpSync(path.join(ROOT, 'bin', 'hcs.mjs'), path.join(app, 'bin', 'hcs.mjs'));
    cpSync(path.join(ROOT, 'scripts', 'build.mjs'), path.join(app, 'scripts', 'build.mjs'));
    for (const shared of ['engine', 'main', 'renderer', 'resources', 'node_modules', 'package.json']) {
      symlinkSync(path.join(ROOT, shared), path.join(app, shared));
    }
    const run = spawnSync(
      process.execPath,
      [path.join(app, 'bin', 'hcs.mjs'), 'export', path.join(ROOT, 'courses', 'sample'), '--standard', 'scorm2004', '--out', 'sample.zip'],
      { cwd: work, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.stderr.split('\n')[0]).toBe('hcs: building the command line tool and the SCORM player first (once; npm install normally does this).');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(app, 'dist', 'scorm-runtime', 'scorm.js'))).toBe(true);
    expect(Object.keys(unzipSync(readFileSync(path.join(work, 'sample.zip'))))).toContain('imsmanifest.xml');

    // Built once: the next run says nothing of building.
    const again = spawnSync(process.execPath, [path.join(app, 'bin', 'hcs.mjs'), 'validate', path.join(ROOT, 'courses', 'sample')], { cwd: work, encoding: 'utf8' });
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
  });
});
