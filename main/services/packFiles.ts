// The files of one course pack, for the workbench's Author view and source editors:
// list them, read one with a version stamp, write it back only if nobody changed it
// meanwhile, and create, rename and delete files and folders, including New Module,
// New Lesson and New Scenario from the templates `hcs new` uses. Every path goes
// through packPaths.ts (only real files inside the pack's real folder) and every write
// through atomicWrite.ts (never half-written). Usable without Electron: the Studio API
// wraps it later, and tests drive it on temp folders.
//
// A version is a hash of the file's bytes rather than its modification time: a time can
// stay the same across two quick writes and changes when a file is merely touched,
// while the hash changes exactly when the text does, so "someone else changed this"
// is never missed and never cried wolf.

import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { PackFileText, PackTreeEntry, PackWriteOutcome } from '../../engine/api/studioApi';
import { MAX_LESSON_BYTES } from '../../engine/course/packReader';
import { lessonMarkdown, moduleYaml, scenarioYaml } from '../templates/courseTemplates';
import { FIRST_LESSON, firstLesson, MAX_LESSON_ID, SCENARIO_SUFFIX, schemaDirFor, schemaFor, toId } from '../templates/newItems';
import { isAtomicTemp, writeFileAtomic } from './atomicWrite';
import { foldName, locate, pathParts, unsafeName, type PackLocation } from './packPaths';
import { UserError } from './userError';
import { appendToYamlList, YamlEditError } from './yamlEdits';

export type { PackFileText, PackTreeEntry } from '../../engine/api/studioApi';

/** What a write did: wrote the file, or found it changed on disk since the version the edit started from. */
export type WriteOutcome = PackWriteOutcome;

/** What a New Module, New Lesson or New Scenario made: files created, files changed, and the one to open. */
export interface CreatedItems {
  created: string[];
  changed: string[];
  open: string;
}

/** The files of one pack. */
export interface PackFileService {
  /** The pack's real folder. */
  readonly root: string;
  /** True for a course installed with the app: every change is refused with a sentence offering a copy. */
  readonly readOnly: boolean;
  tree(): Promise<PackTreeEntry>;
  read(path: string): Promise<PackFileText>;
  /** Writes `text` if the file is still at `baseVersion` (null: the file must not exist yet); else reports a conflict. */
  write(path: string, text: string, baseVersion: string | null): Promise<WriteOutcome>;
  createFolder(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  newModule(title: string): Promise<CreatedItems>;
  newLesson(moduleFolder: string, title: string): Promise<CreatedItems>;
  newScenario(moduleFolder: string, title: string): Promise<CreatedItems>;
}

/** How a pack is opened. */
export interface PackFileOptions {
  /** A course installed with the app (see isReadOnlyPack). */
  readOnly?: boolean;
  /** Where Save a Copy puts copies, named in the read-only sentence. */
  documentsDir?: string;
  /** The schema folder new files' `$schema` points at; by default the nearest schema/ above them, else a copy made in the pack. */
  schemaDir?: string;
}

/** Folders never listed: version control's own, and installed tools. */
const HIDDEN = new Set(['.git', '.hg', '.svn', 'node_modules']);
const MAX_TREE_ENTRIES = 20_000;

/** A version stamp of some bytes. */
export function versionOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True when `folder` is one of, or inside one of, `readOnlyRoots` (the courses installed with the app), comparing real paths. */
export async function isReadOnlyPack(folder: string, readOnlyRoots: readonly string[]): Promise<boolean> {
  const real = await realpath(folder).catch(() => path.resolve(folder));
  for (const root of readOnlyRoots) {
    const realRoot = await realpath(root).catch(() => path.resolve(root));
    if (real === realRoot || real.startsWith(realRoot + path.sep)) return true;
  }
  return false;
}

/** Opens the pack in `folder` (the folder holding course.yaml). */
export async function openPackFiles(folder: string, options: PackFileOptions = {}): Promise<PackFileService> {
  let root: string;
  try {
    root = await realpath(folder);
  } catch {
    throw new UserError('not-found', `The course folder ${folder} could not be found: it may have been moved or deleted; open it again from its new place.`);
  }
  const readOnly = options.readOnly ?? false;
  const name = path.basename(root);
  let queue: Promise<unknown> = Promise.resolve();
  // Changes run one at a time, so two saves from the workbench never interleave.
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  /** Runs one step on `relative`; a file system error becomes a sentence saying what could not be done and what to check. */
  const step = async <T>(verb: string, relative: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UserError || !(error instanceof Error) || !('code' in error)) throw error;
      throw new UserError('file-system', `"${relative}" could not be ${verb} (${error.message}): check that the course folder is there and can be written, and that no other program holds the file, then try again.`);
    }
  };
  const writable = () => {
    if (!readOnly) return;
    const where = options.documentsDir ? ` (${path.join(options.documentsDir, 'Health Creation Studio', 'Courses')})` : '';
    throw new UserError('read-only', `"${name}" is a course installed with Health Creation Studio and stays as shipped, so it cannot be changed here: use Save a Copy to put your own copy in your documents${where}, then edit the copy.`);
  };

  const readText = async (location: PackLocation): Promise<PackFileText> => {
    if (!location.exists) throw new UserError('not-found', `"${location.relative}" is not in the course pack: it may have been renamed or deleted; refresh the Files view.`);
    if (location.kind === 'folder') throw new UserError('not-a-file', `"${location.relative}" is a folder, not a file: open a file inside it.`);
    const size = (await lstat(location.absolute)).size;
    if (size > MAX_LESSON_BYTES) throw new UserError('too-large', `"${location.relative}" is ${(size / 1024 / 1024).toFixed(1)} MB, over the 5 MB a course file may be: split it, or keep large media out of the text.`);
    const bytes = await readFile(location.absolute);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UserError('not-text', `"${location.relative}" is not UTF-8 text (an image or other media, or text saved in another encoding), so it cannot be edited here: save text files as UTF-8.`);
    }
    return { path: location.relative, text, version: versionOf(bytes) };
  };

  const onDisk = async (location: PackLocation): Promise<PackFileText | undefined> => (location.exists ? readText(location) : undefined);

  const writeNow = async (relative: string, text: string, baseVersion: string | null): Promise<WriteOutcome> => {
    const location = await locate(root, relative, baseVersion === null);
    if (location.kind === 'folder') throw new UserError('not-a-file', `"${relative}" is a folder, so it cannot be written as a file: choose another name.`);
    const disk = await onDisk(location);
    if ((disk?.version ?? null) !== baseVersion) return conflict(relative, disk, baseVersion);
    if (!location.exists) await mkdir(path.dirname(location.absolute), { recursive: true });
    try {
      await writeFileAtomic(location.absolute, text, { create: !location.exists });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return conflict(relative, await onDisk(await locate(root, relative)), baseVersion);
      throw new UserError('write-failed', `"${relative}" could not be saved (${(error as Error).message}): check that the disk has space and the folder can be written, then save again.`);
    }
    return { kind: 'written', path: relative, version: versionOf(text) };
  };

  const tree = async (): Promise<PackTreeEntry> => {
    let count = 0;
    const walk = async (dir: string, relative: string): Promise<PackTreeEntry[]> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      const shown: PackTreeEntry[] = [];
      for (const entry of entries) {
        if (HIDDEN.has(entry.name) || isAtomicTemp(entry.name) || ++count > MAX_TREE_ENTRIES) continue;
        const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.isSymbolicLink()) shown.push({ name: entry.name, path: child, kind: 'link' });
        else if (entry.isDirectory()) shown.push({ name: entry.name, path: child, kind: 'folder', children: await walk(path.join(dir, entry.name), child) });
        else if (entry.isFile()) shown.push({ name: entry.name, path: child, kind: 'file' });
      }
      // Folders first, then files, each in the order people read names.
      return shown.sort((a, b) => Number(b.kind === 'folder') - Number(a.kind === 'folder') || a.name.localeCompare(b.name, undefined, { numeric: true }));
    };
    return { name, path: '', kind: 'folder', children: await walk(root, '') };
  };

  /** Creates `files` (none may exist yet) and then writes `changes` at their versions, undoing the creations if a change cannot be made. */
  const createItems = async (files: Record<string, string>, changes: Array<{ file: PackFileText; text: string }>, open: string): Promise<CreatedItems> => {
    const created: string[] = [];
    try {
      for (const [relative, text] of Object.entries(files)) {
        const outcome = await writeNow(relative, text, null);
        if (outcome.kind === 'conflict') throw new UserError('exists', `"${relative}" already exists, so nothing was added: choose another name.`);
        created.push(relative);
      }
      for (const { file, text } of changes) {
        const outcome = await writeNow(file.path, text, file.version);
        if (outcome.kind === 'conflict') throw new UserError('conflict', `"${file.path}" changed on disk meanwhile, so nothing was added: save or reload it, then try again.`);
      }
    } catch (error) {
      for (const relative of created.reverse()) await rm(path.join(root, ...relative.split('/')), { force: true });
      throw error;
    }
    return { created: Object.keys(files), changed: changes.map((c) => c.file.path), open };
  };

  const read = (relative: string) => step('read', relative, async () => readText(await locate(root, relative)));
  /** The `$schema` reference for a new file in pack folder `folder`, and the schema files to create with it when the pack has none (as `hcs new` does). */
  const schemaOf = (folder: string): { schemaDir?: string; files: Record<string, string> } => {
    const absolute = path.join(root, ...folder.split('/').filter(Boolean));
    const found = options.schemaDir !== undefined ? { dir: options.schemaDir, files: {} } : schemaFor(absolute, root);
    const files = Object.fromEntries(Object.entries(found.files).map(([file, text]) => [path.relative(root, file).split(path.sep).join('/'), text]));
    return { ...withSchema(schemaDirFor(absolute, found.dir)), files };
  };

  return {
    root,
    readOnly,
    tree,
    read,
    async write(relative, text, baseVersion) {
      writable();
      return serial(() => step('saved', relative, () => writeNow(relative, text, baseVersion)));
    },
    async createFolder(relative) {
      writable();
      return serial(() => step('created', relative, async () => {
        const location = await locate(root, relative, true);
        if (location.exists) throw new UserError('exists', `"${relative}" already exists: choose another name.`);
        await mkdir(location.absolute, { recursive: true });
      }));
    },
    async rename(from, to) {
      writable();
      return serial(() => step('renamed', from, async () => {
        const source = await locate(root, from);
        if (!source.exists) throw new UserError('not-found', `"${from}" is not in the course pack: it may already have been renamed or deleted; refresh the Files view.`);
        if (to === from) return;
        if (to.startsWith(`${from}/`)) throw new UserError('outside-pack', `"${from}" cannot be moved inside itself: choose a place outside it.`);
        const caseOnly = foldName(to) === foldName(from);
        if (caseOnly) {
          // Only the letter case of the name changes. On a case-insensitive disk the new
          // name is the old file, so it goes by way of a temporary name.
          const toParts = pathParts(to);
          const newName = toParts[toParts.length - 1]!;
          if (path.posix.dirname(to) !== path.posix.dirname(from)) throw new UserError('case-clash', `"${to}" differs from "${from}" only in the letter case of its folders: rename the folder itself.`);
          const why = unsafeName(newName);
          if (why) throw new UserError('unsafe-name', `"${to}" ${why}: choose a name of letters, digits, hyphens and dots that every computer accepts.`);
          const staged = `${source.absolute}.hcs-rename-${process.pid}`;
          await rename(source.absolute, staged);
          await rename(staged, path.join(path.dirname(source.absolute), newName));
          return;
        }
        const target = await locate(root, to, true);
        if (target.exists) throw new UserError('exists', `"${to}" already exists, so "${from}" was not renamed: choose another name, or delete "${to}" first.`);
        await mkdir(path.dirname(target.absolute), { recursive: true });
        await rename(source.absolute, target.absolute);
      }));
    },
    async remove(relative) {
      writable();
      return serial(() => step('deleted', relative, async () => {
        const location = await locate(root, relative);
        if (!location.exists) throw new UserError('not-found', `"${relative}" is not in the course pack: it may already have been deleted; refresh the Files view.`);
        await rm(location.absolute, { recursive: location.kind === 'folder', force: false });
      }));
    },
    async newModule(title) {
      writable();
      const clean = cleanTitle(title, 'module');
      return serial(async () => {
        const course = await read('course.yaml');
        const value = readYaml(course);
        const entries = Array.isArray(value['modules']) ? value['modules'].filter((m): m is string => typeof m === 'string') : [];
        const parent = commonParent(entries);
        const ids = await idsInPack(root);
        const id = uniqueId(toId(clean), ids);
        const folder = await freeName(root, parent, toId(clean), '');
        const outcome = firstId(value['outcomes']);
        const { files: schemaFiles, ...schema } = schemaOf(folder);
        const files = {
          [`${folder}/module.yaml`]: moduleYaml({ id, title: clean, ...schema }, FIRST_LESSON, outcome ? [outcome] : []),
          [`${folder}/${FIRST_LESSON}`]: lessonMarkdown(firstLesson(id, `${id.slice(0, 36)}-o1`)),
          ...schemaFiles,
        };
        return createItems(files, [{ file: course, text: edit(() => appendToYamlList(course.text, 'modules', folder, 'course.yaml')) }], `${folder}/module.yaml`);
      });
    },
    async newLesson(moduleFolder, title) {
      writable();
      const clean = cleanTitle(title, 'lesson');
      return serial(async () => {
        const module = await read(`${moduleFolder}/module.yaml`);
        const value = readYaml(module);
        const lessons = Array.isArray(value['lessons']) ? value['lessons'].filter((l): l is string => typeof l === 'string') : [];
        const moduleId = typeof value['id'] === 'string' ? value['id'] : toId(path.posix.basename(moduleFolder));
        const ids = await idsInPack(root);
        const id = uniqueId(toId(`${moduleId}-${toId(clean)}`, MAX_LESSON_ID), ids, MAX_LESSON_ID);
        const file = await freeName(root, moduleFolder, `${lessonNumber(lessons)}${toId(clean)}`, '.md');
        const outcome = firstId(value['outcomes']);
        const text = lessonMarkdown({ id, title: clean, outcomes: outcome ? [outcome] : [] });
        const entry = file.slice(moduleFolder.length + 1);
        return createItems({ [file]: text }, [{ file: module, text: edit(() => appendToYamlList(module.text, 'lessons', entry, module.path)) }], file);
      });
    },
    async newScenario(moduleFolder, title) {
      writable();
      const clean = cleanTitle(title, 'scenario');
      return serial(async () => {
        const module = await read(`${moduleFolder}/module.yaml`);
        readYaml(module);
        const ids = await idsInPack(root);
        const id = uniqueId(toId(clean), ids);
        const file = await freeName(root, moduleFolder, toId(clean), SCENARIO_SUFFIX);
        const { files: schemaFiles, ...schema } = schemaOf(moduleFolder);
        const text = scenarioYaml({ id, title: clean, ...schema });
        const entry = file.slice(moduleFolder.length + 1);
        return createItems({ [file]: text, ...schemaFiles }, [{ file: module, text: edit(() => appendToYamlList(module.text, 'scenarios', entry, module.path)) }], file);
      });
    },
  };
}

function conflict(relative: string, disk: PackFileText | undefined, baseVersion: string | null): WriteOutcome {
  const message =
    baseVersion === null
      ? `"${relative}" already exists on disk: open it to edit it, or choose another name.`
      : disk
        ? `"${relative}" was changed on disk since you opened it (by another editor, or git): keep your version, take the one on disk, or compare the two.`
        : `"${relative}" was deleted on disk since you opened it: keep your version to save it again, or close it.`;
  return { kind: 'conflict', path: relative, ...(disk ? { disk: { text: disk.text, version: disk.version } } : {}), message };
}

function withSchema(schemaDir: string | undefined): { schemaDir?: string } {
  return schemaDir === undefined ? {} : { schemaDir };
}

/** A title fit for a template: one line, trimmed, not empty. */
function cleanTitle(title: string, what: string): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new UserError('no-title', `A new ${what} needs a title: type one, such as "Listening well".`);
  if (clean.length > 200) throw new UserError('no-title', `The ${what}'s title is ${clean.length} characters long: keep it under 200.`);
  return clean;
}

/** The parsed fields of a YAML file the service is about to extend, or a sentence saying to fix it first. */
function readYaml(file: PackFileText): Record<string, unknown> {
  const doc = parseDocument(file.text, { logLevel: 'error' });
  const value: unknown = doc.errors.length === 0 ? doc.toJS() : undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError('list-edit', `${file.path} has errors, so nothing was added to it: fix it first (the Problems view lists them).`);
  }
  return value as Record<string, unknown>;
}

function edit(make: () => string): string {
  try {
    return make();
  } catch (error) {
    if (error instanceof YamlEditError) throw new UserError('list-edit', error.message);
    throw error;
  }
}

function firstId(list: unknown): string | undefined {
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  const id = first !== null && typeof first === 'object' ? (first as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** The folder the existing modules share (e.g. `modules`), where a new one goes; the pack root if they share none. */
function commonParent(entries: readonly string[]): string {
  const parents = new Set(entries.map((e) => path.posix.dirname(e.replace(/\/+$/, ''))));
  const [only] = parents;
  return parents.size === 1 && only !== undefined && only !== '.' ? only : entries.length === 0 ? 'modules' : '';
}

/** `NN-` for a lesson after lessons numbered so (01-intro.md, 02-...), else nothing. */
function lessonNumber(lessons: readonly string[]): string {
  const numbers = lessons.map((l) => /^(\d+)-/.exec(path.posix.basename(l)));
  if (numbers.length === 0 || numbers.some((m) => !m)) return lessons.length === 0 ? '01-' : '';
  const width = numbers[0]![1]!.length;
  const next = Math.max(...numbers.map((m) => Number(m![1]))) + 1;
  return `${String(next).padStart(width, '0')}-`;
}

/** `folder/slug+suffix`, or with -2, -3... until no name in the folder clashes with it (letter case ignored). */
async function freeName(root: string, folder: string, slug: string, suffix: string): Promise<string> {
  const names = new Set((await readdir(path.join(root, ...folder.split('/').filter(Boolean))).catch(() => [] as string[])).map(foldName));
  for (let n = 1; ; n++) {
    const name = `${slug}${n === 1 ? '' : `-${n}`}${suffix}`;
    if (!names.has(foldName(name))) return folder === '' ? name : `${folder}/${name}`;
  }
}

/** `base`, or `base-2`, `base-3`... (kept within `max`) until no id in `taken` is the same. */
export function uniqueId(base: string, taken: ReadonlySet<string>, max = 40): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const id = `${base.slice(0, max - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * Every id written in the pack's YAML and Markdown, read by pattern rather than by
 * loading: a pack being authored is often broken, and a new item's ids must still not
 * clash with any. Reading a few ids too many only makes a name less pretty.
 */
async function idsInPack(root: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (HIDDEN.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && /\.(md|ya?ml)$/i.test(entry.name)) {
        const text = await readFile(full, 'utf8').catch(() => '');
        for (const m of text.matchAll(/^[\s-]*id:\s*["']?([a-z][a-z0-9-]*)/gm)) ids.add(m[1]!);
      }
    }
  };
  await walk(root);
  return ids;
}
