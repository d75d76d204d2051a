// Puts the back end together the same way for the desktop app and browser mode: the
// course library, the progress store, search and SCORM export behind one StudioApi.
// Only what differs between the two (where data lives, how media URLs look, how an
// export's file is chosen) is passed in.

import path from 'node:path';
import type { ExportRequest, StudioEnvironment } from '../engine/api/studioApi';
import { applyEvent } from '../engine/progress/rules';
import { createAuthoring, type AuthoringService } from './services/authoring';
import type { CourseCatalog } from './services/courseCatalog';
import { createLibrary } from './services/library';
import { libraryCatalog } from './services/libraryCatalog';
import { copiesFolder } from './services/packCopy';
import type { WatchOptions } from './services/packWatcher';
import { createOpenPacks, type OpenPacks } from './services/openPacks';
import { ProgressStore } from './services/progressStore';
import type { RecordWriter } from './services/recordWriter';
import { createScenarioGraphs } from './services/scenarioGraphs';
import { exportScorm } from './services/scormExport';
import { createCourseSearch } from './services/search';
import { studioServiceMaker } from './services/studioService';
import { createStudioSessions, type StudioSessions } from './services/studioSessions';

/** Folders of the files the app ships with. */
export interface AppPaths {
  /** The renderer build (index.html and assets). */
  rendererDir: string;
  /** Folders holding course packs (each a pack or a folder of packs). */
  courseRoots: string[];
  /**
   * The roots among courseRoots whose packs are installed with the app and stay as
   * shipped: an update replaces them and their folder is often not writable, so the
   * pack file service opens them read-only and offers Save a Copy (packFiles.ts,
   * packCopy.ts). None in a checkout, where courses/ is the project's own source.
   */
  readOnlyCourseRoots?: string[];
  /** The built SCORM runtime. */
  scormRuntimeDir: string;
  /** The official SCORM schema files copied into every package. */
  scormXsdDir: string;
}

/** The paths when running from a checkout (or an unpacked build) rooted at `root`. */
export function checkoutPaths(root: string): AppPaths {
  return {
    rendererDir: path.join(root, 'dist', 'renderer'),
    courseRoots: [path.join(root, 'courses')],
    scormRuntimeDir: path.join(root, 'dist', 'scorm-runtime'),
    scormXsdDir: path.join(root, 'resources', 'scorm-xsd'),
  };
}

/** What differs between the desktop app and browser mode. */
export interface StudioOptions {
  paths: AppPaths;
  /** Folder of the progress file. */
  dataDir: string;
  environment: Omit<StudioEnvironment, 'notices'>;
  /** URL prefix (ending in '/') of a course's media. */
  assetBase: (courseId: string) => string;
  /** Where an export goes when the request names no file. */
  chooseExportPath: (request: ExportRequest) => Promise<string | undefined>;
  /** Writes learning records (the desktop prints them to PDF; browser mode keeps them for the browser to print). */
  recordWriter: RecordWriter;
  /**
   * The user's documents folder: New Course and Save a Copy write into its
   * "Health Creation Studio/Courses" folder, which the library lists too.
   */
  documentsDir?: string;
  /** How course packs are watched for changes on disk; false turns watching off. */
  watch?: WatchOptions | false;
  log?: (error: unknown) => void;
}

/** The assembled back end. */
export interface Studio {
  /** The Studio API of each session (page load). */
  sessions: StudioSessions;
  catalog: CourseCatalog;
  store: ProgressStore;
  authoring: AuthoringService;
  /** The packs the Scenario Graph has open, each with a watcher. */
  packs: OpenPacks;
  /** Stops watching course packs (the progress store is flushed by its owner). */
  close(): void;
}

/** Opens the progress store and library and builds the StudioApi over them. */
export async function openStudio(options: StudioOptions): Promise<Studio> {
  // The author's own courses (made with New Course or Save a Copy) are listed with the
  // rest; a folder that does not exist yet simply holds no course.
  const roots = options.documentsDir ? [...options.paths.courseRoots, copiesFolder(options.documentsDir)] : options.paths.courseRoots;
  const library = createLibrary(roots, options.paths.readOnlyCourseRoots);
  const catalog = libraryCatalog(library);
  const authoring = createAuthoring({
    library,
    readOnlyRoots: options.paths.readOnlyCourseRoots ?? [],
    ...(options.documentsDir ? { documentsDir: options.documentsDir } : {}),
    ...(options.watch !== undefined ? { watch: options.watch } : {}),
  });
  const store = await ProgressStore.open({ dir: options.dataDir });
  const packs = createOpenPacks(catalog);
  const exportDeps = { catalog, runtimeDir: options.paths.scormRuntimeDir, xsdDir: options.paths.scormXsdDir };
  const makeApi = studioServiceMaker({
    catalog,
    store,
    search: createCourseSearch(catalog),
    applyEvent,
    environment: options.environment,
    assetBase: options.assetBase,
    exporter: (request, onProgress) => exportScorm(request, exportDeps, (done, total, message) => onProgress({ done, total, message })),
    chooseExportPath: options.chooseExportPath,
    recordWriter: options.recordWriter,
    authoring,
    scenarioGraphs: createScenarioGraphs(packs),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    sessions: createStudioSessions(makeApi),
    catalog,
    store,
    authoring,
    packs,
    close: () => {
      authoring.close();
      packs.close();
    },
  };
}
