import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../../../engine/course/model';
import { exportScorm, type ScormExportDeps } from '../../../main/services/scormExport';
import { fakeScormCourse } from '../../engine/scorm/fakeScormCourse';
import { validateManifest } from '../../engine/scorm/validateManifest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let work: string;
let deps: ScormExportDeps;

function depsFor(course: Course, root: string, runtimeDir: string): ScormExportDeps {
  return {
    catalog: {
      load: async (id) => (id === course.id ? course : undefined),
      rootOf: async (id) => (id === course.id ? root : undefined),
    },
    runtimeDir,
    xsdDir: path.join(repoRoot, 'resources/scorm-xsd'),
  };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hcs-export-'));
  await mkdir(path.join(work, 'pack/modules/m1/media'), { recursive: true });
  await mkdir(path.join(work, 'pack/modules/m2/media'), { recursive: true });
  await writeFile(path.join(work, 'pack/modules/m1/media/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(work, 'pack/modules/m2/media/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await mkdir(path.join(work, 'runtime'));
  await writeFile(path.join(work, 'runtime/scorm.js'), 'console.log("player")');
  await writeFile(path.join(work, 'runtime/scorm.css'), 'body{}');
  deps = depsFor(fakeScormCourse(), path.join(work, 'pack'), path.join(work, 'runtime'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const request = (standard: 'scorm12' | 'scorm2004', sco: 'module' | 'course', name: string) => ({
  courseId: 'fake-course',
  standard,
  sco,
  outPath: path.join(work, 'out', name),
});

async function unzip(file: string) {
  return unzipSync(new Uint8Array(await readFile(file)));
}

describe('exportScorm', () => {
  for (const standard of ['scorm12', 'scorm2004'] as const) {
    for (const sco of ['module', 'course'] as const) {
      it(`writes a ${standard} package with one SCO per ${sco} whose manifest validates and lists exactly the zipped files`, async () => {
        const result = await exportScorm(request(standard, sco, `${standard}-${sco}.zip`), deps);
        const files = await unzip(result.outPath);
        const manifest = strFromU8(files['imsmanifest.xml']!);
        expect(validateManifest(manifest, standard)).toEqual({ valid: true, errors: [] });
        const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]!);
        for (const href of listed) expect(Object.keys(files)).toContain(href);
        const launches = [...manifest.matchAll(/scorm[tT]ype="sco" href="([^"]+)"/g)].map((m) => m[1]);
        expect(launches).toEqual(sco === 'module' ? ['sco-module-1.html', 'sco-module-2.html'] : ['sco-fake-course.html']);
        const schemaFiles = [...manifest.matchAll(/ (\S+\.xsd)/g)].map((m) => m[1]!);
        for (const xsd of schemaFiles) expect(Object.keys(files)).toContain(xsd);
        expect(result.bytes).toBe((await readFile(result.outPath)).byteLength);
      });
    }
  }

  it('warns, naming why, when a package for Open edX is cut into one SCO per module, and not when it is one for the course', async () => {
    const perModule = await exportScorm({ ...request('scorm2004', 'module', 'edx-modules.zip'), lms: 'openedx' }, deps);
    expect(perModule.warnings[0]).toBe(
      "Open edX's SCORM XBlock launches only the first SCO of a package and keeps one saved state for all of them, so learners would see only the first module and the modules would overwrite each other's progress: export it again as one activity for the whole course before uploading it to Open edX (the SCORM XBlock).",
    );
    const whole = await exportScorm({ ...request('scorm2004', 'course', 'edx-course.zip'), lms: 'openedx' }, deps);
    expect(whole.warnings.filter((w) => w.includes('Open edX'))).toEqual([]);
    const moodle = await exportScorm({ ...request('scorm2004', 'module', 'moodle-modules.zip'), lms: 'moodle' }, deps);
    expect(moodle.warnings.filter((w) => w.includes('SCO'))).toEqual([]);
  });

  it('gives a byte-identical zip for the same course', async () => {
    const a = await exportScorm(request('scorm2004', 'module', 'a.zip'), deps);
    const b = await exportScorm(request('scorm2004', 'module', 'b.zip'), deps);
    expect(Buffer.compare(await readFile(a.outPath), await readFile(b.outPath))).toBe(0);
  });

  it('puts the media of each module under content/ with its exact name and lists it in that SCO', async () => {
    const result = await exportScorm(request('scorm12', 'module', 'media.zip'), deps);
    const files = await unzip(result.outPath);
    expect(strFromU8(files['content/modules/m1/media/chart.svg']!)).toContain('<svg');
    const manifest = strFromU8(files['imsmanifest.xml']!);
    const m1 = manifest.slice(manifest.indexOf('<resource identifier="RES-module-1"'), manifest.indexOf('<resource identifier="RES-module-2"'));
    expect(m1).toContain('<file href="content/modules/m1/media/chart.svg"/>');
  });

  it('ships a launch page that loads the course data and the runtime by relative paths', async () => {
    const files = await unzip((await exportScorm(request('scorm12', 'module', 'launch.zip'), deps)).outPath);
    const page = strFromU8(files['sco-module-1.html']!);
    expect(page).toContain('<script src="content/sco-module-1.js"></script>');
    expect(page.indexOf('content/sco-module-1.js')).toBeLessThan(page.indexOf('runtime/scorm.js'));
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    const data = strFromU8(files['content/sco-module-1.js']!);
    expect(data).toMatch(/^globalThis\.hcsScormPackage = \{/);
    expect(data).toContain('"id":"module-1"');
    expect(data).not.toContain('"id":"module-2"');
  });

  it('reports each step to the progress callback, ending at the total', async () => {
    const steps: [number, number, string][] = [];
    await exportScorm(request('scorm2004', 'course', 'progress.zip'), deps, (d, t, m) => steps.push([d, t, m]));
    expect(steps[0]).toEqual([0, 5, 'Loading the course.']);
    expect(steps.at(-1)?.[0]).toBe(5);
  });

  it('refuses a SCORM 1.2 export whose module state could not fit suspend_data, and writes nothing', async () => {
    const big = fakeScormCourse();
    for (let i = 0; i < 40; i++) big.modules[0]!.lessons[0]!.blocks.push({ kind: 'reflection', reflection: { id: `r-${i}`, prompt: 'More?' } });
    const bigDeps = depsFor(big, path.join(work, 'pack'), path.join(work, 'runtime'));
    const req = request('scorm12', 'module', 'big.zip');
    await expect(exportScorm(req, bigDeps)).rejects.toThrow(/module "Module 1" needs \d+ characters of saved progress, more than the 4,096 that SCORM 1.2 allows/);
    await expect(readFile(req.outPath)).rejects.toThrow();
    await expect(exportScorm(request('scorm2004', 'module', 'big2004.zip'), bigDeps)).resolves.toMatchObject({ warnings: [] });
  });

  it('says the runtime must be built when it is missing', async () => {
    const noRuntime = { ...deps, runtimeDir: path.join(work, 'nowhere') };
    await expect(exportScorm(request('scorm12', 'module', 'x.zip'), noRuntime)).rejects.toThrow(/has not been built .* run "npm run build"/);
  });

  it('says which media file is missing', async () => {
    const course = fakeScormCourse();
    course.modules[1]!.lessons[0]!.media = ['modules/m2/media/gone.png'];
    await expect(exportScorm(request('scorm12', 'module', 'y.zip'), depsFor(course, path.join(work, 'pack'), path.join(work, 'runtime')))).rejects.toThrow(
      /media file modules\/m2\/media\/gone\.png of "Health Creation & Practice" could not be read/,
    );
  });

  it('says when the course does not exist', async () => {
    await expect(exportScorm({ ...request('scorm12', 'module', 'z.zip'), courseId: 'nope' }, deps)).rejects.toThrow(/no course "nope"/);
  });

  it('refuses media that is a link out of the pack, even one made after the course was checked, and writes nothing', async () => {
    const pack = path.join(work, 'linked-pack');
    await mkdir(path.join(pack, 'modules/m1/media'), { recursive: true });
    await mkdir(path.join(pack, 'modules/m2/media'), { recursive: true });
    await writeFile(path.join(work, 'secret.txt'), 'root:x:0:0:private');
    await writeFile(path.join(pack, 'modules/m1/media/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await symlink(path.join(work, 'secret.txt'), path.join(pack, 'modules/m2/media/chart.svg'));
    const req = request('scorm2004', 'module', 'linked.zip');
    await expect(exportScorm(req, depsFor(fakeScormCourse(), pack, path.join(work, 'runtime')))).rejects.toThrow(
      'The media file modules/m2/media/chart.svg of "Health Creation & Practice" is a link that leads outside the course pack, so nothing was exported; copy the file into the pack in place of the link and export again.',
    );
    await expect(readFile(req.outPath)).rejects.toThrow();
  });

  it('refuses an SVG that could run script when opened from the package, naming it and its line', async () => {
    const pack = path.join(work, 'scripted-pack');
    await mkdir(path.join(pack, 'modules/m1/media'), { recursive: true });
    await mkdir(path.join(pack, 'modules/m2/media'), { recursive: true });
    await writeFile(path.join(pack, 'modules/m1/media/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(pack, 'modules/m2/media/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n<script>parent.API.LMSSetValue("cmi.core.score.raw", "100")</script>\n</svg>');
    const req = request('scorm12', 'module', 'scripted.zip');
    await expect(exportScorm(req, depsFor(fakeScormCourse(), pack, path.join(work, 'runtime')))).rejects.toThrow(
      'The image modules/m2/media/chart.svg of "Health Creation & Practice" holds a <script> element (line 2), which could run script when the image is opened from the package, so nothing was exported; remove it and export again.',
    );
    await expect(readFile(req.outPath)).rejects.toThrow();
  });

  it('gives every page of the package a CSP that allows the player and nothing more', async () => {
    const files = await unzip((await exportScorm(request('scorm2004', 'module', 'csp.zip'), deps)).outPath);
    const page = strFromU8(files['sco-module-1.html']!);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page);
    expect(meta).not.toBeNull();
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<script'));
    const policy = new Map(meta![1]!.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
    expect(meta![1]).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
