// The shipped courses as an institution receives them: both standards, one SCO per
// module and one for the course, every manifest valid against the official schemas,
// and every module's complete play-through within SCORM 1.2's suspend_data limit.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import type { Course } from '../../../engine/course/model';
import { scoScopes } from '../../../engine/scorm/scope';
import { checkSuspendFit } from '../../../engine/scorm/suspendFit';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { exportScorm } from '../../../main/services/scormExport';
import { validateManifest } from '../../engine/scorm/validateManifest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SHIPPED = ['health-creation-ug', 'health-creation-pg'];
const courses = new Map<string, Course>();
let work: string;

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'dist/scorm-runtime/scorm.js'))) {
    spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), 'scorm'], { stdio: 'inherit' });
  }
  for (const name of SHIPPED) {
    const loaded = await loadCourse(createNodePackReader(path.join(repoRoot, 'courses', name)));
    if (!loaded.course) throw new Error(`courses/${name} does not load: ${loaded.diagnostics.find((d) => d.severity === 'error')?.message}`);
    courses.set(name, loaded.course);
  }
  work = await mkdtemp(path.join(tmpdir(), 'hcs-shipped-'));
});
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

describe('shipped courses as SCORM packages', () => {
  for (const name of SHIPPED) {
    for (const standard of ['scorm12', 'scorm2004'] as const) {
      for (const sco of ['module', 'course'] as const) {
        it(`${name} exports as ${standard} with one SCO per ${sco}, and its manifest validates`, async () => {
          const course = courses.get(name)!;
          const deps = {
            catalog: { load: async () => course, rootOf: async () => path.join(repoRoot, 'courses', name) },
            runtimeDir: path.join(repoRoot, 'dist/scorm-runtime'),
            xsdDir: path.join(repoRoot, 'resources/scorm-xsd'),
          };
          const outPath = path.join(work, `${name}-${standard}-${sco}.zip`);
          const fitsWhole = checkSuspendFit(course, scoScopes(course, 'course'))[0]!.fits;
          if (standard === 'scorm12' && sco === 'course' && !fitsWhole) {
            // A whole course rarely fits 4,096 characters; the export must say so rather than truncate later.
            await expect(exportScorm({ courseId: course.id, standard, sco, outPath }, deps)).rejects.toThrow(/more than the 4,096 that SCORM 1.2 allows/);
            return;
          }
          await exportScorm({ courseId: course.id, standard, sco, outPath }, deps);
          const files = unzipSync(new Uint8Array(await readFile(outPath)));
          const manifest = strFromU8(files['imsmanifest.xml']!);
          expect(validateManifest(manifest, standard)).toEqual({ valid: true, errors: [] });
          for (const [, href] of manifest.matchAll(/<file href="([^"]+)"/g)) expect(files[href!], href).toBeDefined();
          // The SCO plays each ending with the same debrief as the app: its path notes and missing features travel with it.
          const data = Object.entries(files).filter(([f]) => /\.js$/.test(f) && strFromU8(files[f]!).startsWith('globalThis.')).map(([, b]) => strFromU8(b)).join('\n');
          for (const ending of course.modules.flatMap((m) => m.scenarios.flatMap((sc) => Object.values(sc.nodes).flatMap((n) => (n.ending ? [n.ending] : []))))) {
            for (const note of ending.pathNotes) expect(data).toContain(JSON.stringify(note.text).slice(1, -1));
            if (ending.missing.length > 0) expect(data).toContain(JSON.stringify({ missing: ending.missing }).slice(1, -1));
          }
        });
      }
    }

    it(`${name}: a complete play-through of every module fits SCORM 1.2's 4,096 characters of suspend_data`, () => {
      const course = courses.get(name)!;
      const fits = checkSuspendFit(course, scoScopes(course, 'module'));
      const largest = fits.reduce((a, b) => (b.chars > a.chars ? b : a));
      expect(largest.chars, `module ${largest.scoId}`).toBeLessThanOrEqual(4096);
    });
  }
});
