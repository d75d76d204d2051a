// SCORM export, the I/O edge: loads the course from the catalog, checks that every
// SCO's resume state fits the standard, gathers runtime, each SCO's data, media and the
// schema files, and writes a deterministic zip (sorted entries, one fixed time
// stamp, fixed compression) so the same course always gives the same bytes and an
// institution can diff two exports.

import { mkdir, readFile, readdir, realpath, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { ExportRequest } from '../../engine/api/studioApi';
import type { Course } from '../../engine/course/model';
import { findSvgScript } from '../../engine/course/svgScript';
import { buildManifest, type PackageLayout } from '../../engine/scorm/manifest';
import { courseDataScript, dataFile, launchFile, launchPage, PACKAGE_PATHS, scopedCourse, scopeMedia } from '../../engine/scorm/packageFiles';
import { scoModeProblem } from '../../engine/scorm/lmsProfiles';
import { scoScopes } from '../../engine/scorm/scope';
import { checkSuspendFit, SCORM12_REFLECTION_CHARS } from '../../engine/scorm/suspendFit';
import type { CourseCatalog } from './courseCatalog';
import { UserError } from './userError';

/** What an export reads from: the course library and the folders of built and shipped files. */
export interface ScormExportDeps {
  catalog: Pick<CourseCatalog, 'load' | 'rootOf'>;
  /** Folder of the built SCORM runtime (scorm.js and scorm.css), normally dist/scorm-runtime. */
  runtimeDir: string;
  /** Folder of the shipped schema files (scorm12/ and scorm2004-4th/), normally resources/scorm-xsd. */
  xsdDir: string;
}

/** What a finished export wrote. */
export interface ScormExportResult {
  outPath: string;
  bytes: number;
  warnings: string[];
}

/** Reports progress: steps done, steps in all, and what is happening as a sentence. */
export type ExportProgressCallback = (done: number, total: number, message: string) => void;

/** DOS time stamps start in 1980; local-time parts keep the bytes equal in every time zone. */
const FIXED_MTIME = new Date(2000, 0, 1, 0, 0, 0);
/** Already-compressed formats are stored, not deflated again. */
const STORED = /\.(png|jpe?g|gif|webp|mp3|mp4|m4a|webm|ogg|woff2?|zip|pdf)$/i;
const XSD_FOLDER = { scorm12: 'scorm12', scorm2004: 'scorm2004-4th' } as const;

/** Writes the SCORM package of a course to request.outPath. */
export async function exportScorm(
  request: ExportRequest & { outPath: string },
  deps: ScormExportDeps,
  onProgress: ExportProgressCallback = () => undefined,
): Promise<ScormExportResult> {
  const total = 5;
  onProgress(0, total, 'Loading the course.');
  const course = await deps.catalog.load(request.courseId);
  const root = await deps.catalog.rootOf(request.courseId);
  if (!course || !root) {
    throw new UserError('unknown-course', `There is no course "${request.courseId}" that loads without errors, so it cannot be exported.`);
  }
  const scopes = scoScopes(course, request.sco);
  const warnings = checkFit(course, request, scopes);
  const unplayable = request.lms ? scoModeProblem(request.lms, request.sco) : undefined;
  if (unplayable) warnings.unshift(`${unplayable.problem}: export it again as one activity for the whole course before uploading it to ${unplayable.lms.name}.`);

  onProgress(1, total, 'Gathering the player, course content and media.');
  const files = new Map<string, Uint8Array>();
  const text = (s: string) => new TextEncoder().encode(s);
  const layout: PackageLayout = { sharedFiles: [PACKAGE_PATHS.script, PACKAGE_PATHS.style], scos: [] };
  const media = new Set<string>();
  for (const scope of scopes) {
    const launch = launchFile(scope);
    const data = dataFile(scope);
    files.set(launch, text(launchPage(course, scope)));
    files.set(data, text(courseDataScript({ standard: request.standard, sco: scope, course: scopedCourse(course, scope) })));
    const scoMedia = scopeMedia(course, scope);
    for (const m of scoMedia) media.add(m);
    layout.scos.push({ scope, launch, files: [launch, data, ...scoMedia.map((m) => PACKAGE_PATHS.content + m)] });
  }
  // The files are read several at a time (a medium shared by SCOs once), not one after
  // another; the zip sorts its entries, so the order they arrive in does not matter.
  await readEach(['scorm.js', 'scorm.css'], async (name) => files.set(`runtime/${name}`, await readBuilt(path.join(deps.runtimeDir, name))));
  await readEach([...media], async (m) => files.set(PACKAGE_PATHS.content + m, await readMedia(root, m, course)));

  onProgress(2, total, 'Adding the official schema files.');
  const xsdRoot = path.join(deps.xsdDir, XSD_FOLDER[request.standard]);
  await readEach(await listFiles(xsdRoot), async (rel) => files.set(rel, await readFile(path.join(xsdRoot, rel))));

  onProgress(3, total, 'Writing the manifest.');
  files.set('imsmanifest.xml', text(buildManifest(course, request.standard, layout)));

  onProgress(4, total, 'Compressing the package.');
  const zip = zipEntries(files);
  await mkdir(path.dirname(request.outPath), { recursive: true });
  const temp = `${request.outPath}.partial`;
  await writeFile(temp, zip);
  await rename(temp, request.outPath);
  onProgress(total, total, `The package was written to ${request.outPath}.`);
  return { outPath: request.outPath, bytes: zip.byteLength, warnings };
}

/** Zips files with sorted names, one fixed time stamp and fixed compression, so output is reproducible. */
export function zipEntries(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort()) {
    const level = STORED.test(name) ? 0 : 6;
    entries[name] = [files.get(name)!, { level, mtime: FIXED_MTIME }];
  }
  return zipSync(entries, { level: 6, mtime: FIXED_MTIME });
}

function checkFit(course: Course, request: ExportRequest, scopes: ReturnType<typeof scoScopes>): string[] {
  const fits = checkSuspendFit(course, scopes, request.standard);
  const over = fits.filter((f) => !f.fits);
  if (over.length) {
    const worst = over.reduce((a, b) => (b.chars > a.chars ? b : a));
    const what = request.sco === 'course' ? `the course "${course.title}" as one SCO` : `the module "${scopes.find((s) => s.id === worst.scoId)?.title ?? worst.scoId}"`;
    const twelve = request.standard === 'scorm12';
    const advice = request.sco === 'course' ? `export one SCO per module${twelve ? ' or as SCORM 2004' : ''}` : twelve ? 'export as SCORM 2004 or split the module' : 'split the module';
    const allowed = twelve ? 'the 4,096 that SCORM 1.2 allows' : `the ${worst.limit.toLocaleString('en-GB')} a SCORM 2004 package keeps to so that Moodle can save it as the learner leaves`;
    throw new UserError(
      'suspend-data-too-large',
      `A complete play-through of ${what} needs ${worst.chars} characters of saved progress, more than ${allowed}, so nothing was exported; ${advice}.`,
    );
  }
  return request.standard === 'scorm12'
    ? [`SCORM 1.2 keeps room for about ${SCORM12_REFLECTION_CHARS} characters of each reflection; a learner who writes more is asked to shorten it.`]
    : [];
}

/** Files read at once: enough to keep the disk and the thread pool busy, few enough to stay far from the open-file limit. */
const READS_AT_ONCE = 16;

/** Runs `read` on every item, at most READS_AT_ONCE at a time; rejects with the first failure. */
async function readEach<T>(items: readonly T[], read: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await read(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, items.length) }, worker));
}

async function readBuilt(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch {
    throw new UserError('runtime-missing', `The SCORM player has not been built (${file} is missing); run "npm run build" and export again.`);
  }
}

/**
 * Reads one media file for the package. The pack was checked when it loaded, but the
 * files may have changed since, so the two checks that keep a package safe are made
 * again on the bytes that go into it: the file is the pack's own (not a link out of it),
 * and an SVG cannot run script when opened from the package.
 */
async function readMedia(root: string, rel: string, course: Course): Promise<Uint8Array> {
  const file = path.join(root, ...rel.split('/'));
  let bytes: Uint8Array;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!realFile.startsWith(realRoot + path.sep)) {
      throw new UserError(
        'media-outside',
        `The media file ${rel} of "${course.title}" is a link that leads outside the course pack, so nothing was exported; copy the file into the pack in place of the link and export again.`,
      );
    }
    bytes = await readFile(realFile);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('media-missing', `The media file ${rel} of "${course.title}" could not be read, so the package would be incomplete and was not written.`);
  }
  if (rel.toLowerCase().endsWith('.svg')) {
    const text = new TextDecoder().decode(bytes);
    const script = findSvgScript(text);
    if (script) {
      const line = text.slice(0, script.offset).split('\n').length;
      throw new UserError(
        'media-script',
        `The image ${rel} of "${course.title}" holds ${script.what} (line ${line}), which could run script when the image is opened from the package, so nothing was exported; remove it and export again.`,
      );
    }
  }
  return bytes;
}

/** Every file under a folder, as '/'-separated paths relative to it, sorted. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name);
    if ((await stat(full)).isDirectory()) out.push(...(await listFiles(full, `${prefix}${name}/`)));
    else if (name !== 'README.md') out.push(prefix + name);
  }
  return out;
}
