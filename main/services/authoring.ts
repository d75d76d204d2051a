// Authoring behind the Studio API: the files of every course pack in the library (read,
// saved only over the version an edit started from, created, renamed, deleted), New
// Course and Save a Copy into the author's courses folder, checks of a pack with the
// editors' unsaved text laid over the disk (every diagnostic, and the previews beside
// the source), and one feed of what changed on disk in any pack, which a long poll
// serves to the workbench so an edit made in another editor reaches the app by itself.
//
// Packs are keyed by folder rather than course id: an author may change the id in
// course.yaml, and the files, the open check session and the watcher stay the same.

import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  CreatedCourse,
  NewPackItem,
  PackChangeFeed,
  PackCheck,
  PackCheckRequest,
  PackFileChange,
  PackFileText,
  PackItemsChanged,
  PackPreview,
  PackTree,
  PackWriteOutcome,
} from '../../engine/api/studioApi';
import { sortDiagnostics } from '../../engine/course/diagnostics';
import type { Course } from '../../engine/course/model';
import { createPackSession, type PackSession } from '../../engine/course/packSession';
import { newCourseFiles, toId } from '../templates/newItems';
import type { Library, LibraryPack } from './library';
import { createNodePackReader } from './nodePackReader';
import { copiesFolder, copyPackToDocuments } from './packCopy';
import { isReadOnlyPack, openPackFiles, uniqueId, type PackFileService } from './packFiles';
import { foldName, pathParts } from './packPaths';
import { watchPack, type PackChange, type PackWatcher, type WatchOptions } from './packWatcher';
import { UserError } from './userError';

/** What authoring is built from. */
export interface AuthoringOptions {
  library: Library;
  /** Folders of the courses installed with the app: their packs are read-only. */
  readOnlyRoots?: readonly string[];
  /** The user's documents folder; New Course and Save a Copy write under it. */
  documentsDir?: string;
  /** How packs are watched for changes on disk; false: not at all (tests of everything else). */
  watch?: WatchOptions | false;
}

/** Authoring as the Studio service uses it. */
export interface AuthoringService {
  tree(courseId: string): Promise<PackTree>;
  read(courseId: string, path: string): Promise<PackFileText>;
  write(courseId: string, path: string, text: string, baseVersion: string | null): Promise<PackWriteOutcome>;
  createItem(courseId: string, item: NewPackItem): Promise<PackItemsChanged>;
  rename(courseId: string, from: string, to: string): Promise<PackItemsChanged>;
  remove(courseId: string, path: string): Promise<PackItemsChanged>;
  createCourse(title: string): Promise<CreatedCourse>;
  copyCourse(courseId: string): Promise<CreatedCourse>;
  check(courseId: string, request: PackCheckRequest): Promise<PackCheck>;
  waitForChanges(since: number, timeoutMs: number): Promise<PackChangeFeed>;
  /** Stops every watcher and ends every waiting poll. */
  close(): void;
}

/** What is kept for one pack folder while the app runs. */
interface OpenPack {
  folder: string;
  files?: Promise<PackFileService>;
  session?: PackSession;
  /** The unsaved text the session holds, by path. */
  buffers: Map<string, string>;
  watcher?: PackWatcher;
}

/** How many changes the combined feed keeps for a client that fell behind. */
const KEEP = 2_000;

/** Builds authoring over the library. */
export function createAuthoring(options: AuthoringOptions): AuthoringService {
  const { library } = options;
  const packs = new Map<string, OpenPack>();
  /** The course id of each pack folder as of the last look at the library. */
  const idOf = new Map<string, string>();
  const log: Array<PackFileChange & { seq: number }> = [];
  let seq = 0;
  let closed = false;
  const waiters = new Set<() => void>();

  const packFor = async (courseId: string): Promise<OpenPack> => {
    const found = await library.getPack(courseId);
    if (!found) throw new UserError('unknown-course', `There is no course with the id "${courseId}" on this computer; reload the courses and pick it again.`);
    return openPack(found);
  };

  const openPack = (found: LibraryPack): OpenPack => {
    idOf.set(found.folder, found.entry.id);
    let pack = packs.get(found.folder);
    if (!pack) packs.set(found.folder, (pack = { folder: found.folder, buffers: new Map() }));
    return pack;
  };

  const filesOf = (pack: OpenPack): Promise<PackFileService> => {
    if (!pack.files) {
      const opening = (async () => {
        const readOnly = await isReadOnlyPack(pack.folder, options.readOnlyRoots ?? []);
        return openPackFiles(pack.folder, { readOnly, ...(options.documentsDir ? { documentsDir: options.documentsDir } : {}) });
      })();
      pack.files = opening;
      // A folder that could not be opened is tried again next time (it may be back).
      opening.catch(() => {
        if (pack.files === opening) delete pack.files;
      });
    }
    return pack.files;
  };

  const sessionOf = (pack: OpenPack): PackSession => (pack.session ??= createPackSession(createNodePackReader(pack.folder)));

  /** Tells the pack's check session that `paths` changed on disk (the app wrote them, or another program did). */
  const changed = (pack: OpenPack, paths: readonly string[]) => {
    for (const p of paths) pack.session?.fileChanged(p);
  };

  const publish = (folder: string, batch: readonly PackChange[]) => {
    const pack = packs.get(folder);
    if (pack) changed(pack, batch.map((c) => c.path));
    const courseId = idOf.get(folder);
    if (courseId === undefined || closed) return;
    for (const change of batch) log.push({ seq: ++seq, courseId, path: change.path, exists: change.exists });
    if (log.length > KEEP) log.splice(0, log.length - KEEP);
    for (const wake of [...waiters]) wake();
  };

  /** Watches every pack the library lists, and stops watching those it no longer does. */
  const syncWatchers = async () => {
    if (options.watch === false || closed) return;
    const listed = await library.packs();
    const folders = new Set(listed.map((p) => p.folder));
    for (const found of listed) {
      idOf.set(found.folder, found.entry.id);
      const pack = openPack(found);
      if (!pack.watcher) pack.watcher = watchPack(found.folder, { ...options.watch, onChange: (batch) => publish(found.folder, batch) });
    }
    for (const pack of packs.values()) {
      if (pack.watcher && !folders.has(pack.folder)) {
        pack.watcher.close();
        delete pack.watcher;
      }
    }
  };

  const changesSince = (since: number): PackChangeFeed => {
    const oldest = log[0]?.seq ?? seq + 1;
    // Older than what is kept, or a number from before the app restarted: the client reloads everything.
    if (since > seq || (since < oldest - 1 && since < seq)) return { seq, changes: [], reset: true };
    return { seq, changes: log.filter((c) => c.seq > since).map(({ seq: _seq, ...change }) => change), reset: false };
  };

  /** A course just made in `folder`: the library looks in the author's courses folder, lists it, and it is watched. */
  const listCreated = async (folder: string): Promise<CreatedCourse> => {
    library.addRoot(path.dirname(folder));
    await library.refresh();
    const found = (await library.packs()).find((p) => p.folder === folder);
    await syncWatchers();
    if (!found) throw new UserError('not-found', `The new course in ${folder} could not be found afterwards: reload the courses from disk.`);
    return { courseId: found.entry.id, title: found.entry.title };
  };

  const documents = (what: string): string => {
    if (options.documentsDir) return options.documentsDir;
    throw new UserError('no-documents', `${what} needs a documents folder to put the course in, and none was given to this studio: start it with one (browser mode: --documents FOLDER).`);
  };

  const created = (pack: OpenPack, outcome: { created: string[]; changed: string[]; open?: string }): PackItemsChanged => {
    changed(pack, [...outcome.created, ...outcome.changed]);
    return { created: outcome.created, changed: outcome.changed, ...(outcome.open ? { open: outcome.open } : {}) };
  };

  return {
    async tree(courseId) {
      const pack = await packFor(courseId);
      const files = await filesOf(pack);
      return { courseId, root: await files.tree(), readOnly: files.readOnly };
    },
    async read(courseId, relative) {
      return (await filesOf(await packFor(courseId))).read(relative);
    },
    async write(courseId, relative, text, baseVersion) {
      const pack = await packFor(courseId);
      const outcome = await (await filesOf(pack)).write(relative, text, baseVersion);
      if (outcome.kind === 'written') changed(pack, [relative]);
      return outcome;
    },
    async createItem(courseId, item) {
      const pack = await packFor(courseId);
      const files = await filesOf(pack);
      switch (item.kind) {
        case 'module':
          return created(pack, await files.newModule(item.title));
        case 'lesson':
          return created(pack, await files.newLesson(item.moduleFolder, item.title));
        case 'scenario':
          return created(pack, await files.newScenario(item.moduleFolder, item.title));
        case 'folder':
          await files.createFolder(item.path);
          return created(pack, { created: [item.path], changed: [] });
      }
    },
    async rename(courseId, from, to) {
      const pack = await packFor(courseId);
      await (await filesOf(pack)).rename(from, to);
      return created(pack, { created: [to], changed: [from], open: to });
    },
    async remove(courseId, relative) {
      const pack = await packFor(courseId);
      await (await filesOf(pack)).remove(relative);
      return created(pack, { created: [], changed: [relative] });
    },
    async createCourse(title) {
      const clean = title.replace(/\s+/g, ' ').trim();
      if (clean === '') throw new UserError('no-title', 'A new course needs a title: type one, such as "Health Creation in Primary Care".');
      if (clean.length > 200) throw new UserError('no-title', `The course's title is ${clean.length} characters long: keep it under 200.`);
      const parent = copiesFolder(documents('A new course'));
      const taken = new Set((await library.list()).map((c) => c.id));
      const id = uniqueId(toId(clean), taken);
      try {
        await mkdir(parent, { recursive: true });
      } catch (error) {
        throw new UserError('create-failed', `The folder for your courses, ${parent}, could not be made (${(error as Error).message}): check that your documents folder can be written.`);
      }
      const names = new Set((await readdir(parent)).map(foldName));
      let name = id;
      for (let n = 2; names.has(foldName(name)); n++) name = `${id}-${n}`;
      const folder = path.join(parent, name);
      // Written in a hidden folder first and renamed into place, so a half-made course never shows in the library.
      const staging = path.join(parent, `.${name}.hcs-new-${process.pid}`);
      try {
        for (const [file, text] of Object.entries(newCourseFiles(staging, { id, title: clean }))) {
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, text, { flag: 'wx' });
        }
        await rename(staging, folder);
      } catch (error) {
        await rm(staging, { recursive: true, force: true });
        throw new UserError('create-failed', `The course "${clean}" could not be created in ${parent} (${(error as Error).message}): check that your documents folder has space and can be written, then try again.`);
      }
      return listCreated(folder);
    },
    async copyCourse(courseId) {
      const pack = await packFor(courseId);
      const copy = await copyPackToDocuments(pack.folder, documents('Save a Copy'));
      return listCreated(copy.folder);
    },
    async check(courseId, request) {
      const pack = await packFor(courseId);
      for (const buffer of request.buffers) pathParts(buffer.path);
      const session = sessionOf(pack);
      const wanted = new Map(request.buffers.map((b) => [b.path, b.text]));
      for (const kept of [...pack.buffers.keys()]) {
        if (wanted.has(kept)) continue;
        session.clearBuffer(kept);
        pack.buffers.delete(kept);
      }
      for (const [file, text] of wanted) {
        if (pack.buffers.get(file) === text) continue;
        session.setBuffer(file, text);
        pack.buffers.set(file, text);
      }
      const started = performance.now();
      const result = await session.check();
      const ms = Math.round(performance.now() - started);
      const previews = request.preview.map((file) => previewOf(file, result.course, session.lastGoodCourse));
      return { courseId, diagnostics: sortDiagnostics(result.diagnostics), previews, ms };
    },
    async waitForChanges(since, timeoutMs) {
      await syncWatchers();
      const now = changesSince(since);
      if (now.reset || now.changes.length > 0 || closed || timeoutMs === 0) return now;
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(changesSince(since));
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(done);
      });
    },
    close() {
      closed = true;
      for (const pack of packs.values()) pack.watcher?.close();
      for (const wake of [...waiters]) wake();
    },
  };
}

/** The preview of `file`: its lesson or scenario in the course as it now reads, or in the last good course while the pack has errors. */
export function previewOf(file: string, course: Course | undefined, lastGood: Course | undefined): PackPreview {
  const from = course ?? lastGood;
  for (const module of from?.modules ?? []) {
    const lesson = module.lessons.find((l) => l.file === file);
    if (lesson) return { path: file, item: { kind: 'lesson', lesson }, stale: !course };
    const scenario = module.scenarios.find((s) => s.file === file);
    if (scenario) return { path: file, item: { kind: 'scenario', scenario }, stale: !course };
  }
  return { path: file, stale: !course };
}
