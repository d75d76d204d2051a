// The one contract between the renderer and whatever stands behind it: Electron's
// main process (desktop), the loopback HTTP server (browser mode) or the LMS
// (inside an exported SCORM package). The renderer never knows which it has.
//
// Every method resolves to an ApiResult rather than throwing, because errors do not
// survive IPC or HTTP as objects, and every failure must reach the learner as a
// sentence (ApiError.message), never a stack trace.

import type { Diagnostic } from '../course/diagnostics';
import type { Course, CourseLevel, Lesson, Scenario } from '../course/model';
import type { CourseProgress, LearningEvent } from '../progress/model';
import type { LmsId } from '../scorm/lmsProfiles';
import type { ScenarioGraph } from '../scenario/scenarioGraph';

/** A failure the user can read: `message` is one plain sentence saying what went wrong. */
export interface ApiError {
  code: string;
  message: string;
}

/** The outcome of every Studio API call. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Where the renderer is running. */
export type StudioMode = 'desktop' | 'browser' | 'scorm' | 'preview';

/** A message for the user that the back end raised on its own (e.g. a progress file set aside). */
export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** What the renderer learns about its host when it starts. */
export interface StudioEnvironment {
  mode: StudioMode;
  /** 'darwin', 'win32', 'linux' or 'web': decides Cmd or Ctrl in shortcuts. */
  platform: string;
  version: string;
  notices: Notice[];
}

/** A course pack the library found, loaded or broken. */
export interface CourseEntry {
  id: string;
  title: string;
  summary: string;
  level?: CourseLevel;
  status: 'ok' | 'broken';
  /** Errors and warnings; for a broken course these say why it would not load. */
  diagnostics: Diagnostic[];
  /**
   * True for a course installed with the app, which students study and nobody edits in
   * place: the workbench offers no authoring tools for it (a Scenario Graph would show a
   * student every ending before they play).
   */
  readOnly?: boolean;
}

/** An opened course and where its media are served from. */
export interface OpenedCourse {
  course: Course;
  /** URL prefix (ending in '/') to which a media path relative to the pack root is appended. */
  assetBase: string;
  /** Ids of the references whose source document `readSource` can show. */
  sources?: string[];
}

/** A source document a course cites, as the plain text kept with the course. */
export interface SourceDocument {
  courseId: string;
  referenceId: string;
  /** The reference's title. */
  title: string;
  /** The document's text, line breaks as received, so a line number quoted in a review finds the same words. */
  text: string;
}

/** A learner profile on this machine (several share a lab PC). */
export interface Learner {
  id: string;
  name: string;
  createdAt: string;
  /** True when the learner's work is behind a PIN, asked for before anything of theirs is shown. */
  hasPin?: boolean;
}

/** A change to a learner's PIN: a new one to set (none: remove it), and the current one when they have one. */
export interface PinChange {
  currentPin?: string;
  newPin?: string;
}

/** What deleting a learner must carry: their name as the learner confirmed it, and their PIN when they have one. */
export interface DeleteConfirmation {
  name: string;
  pin?: string;
}

/** A learner removed from this computer, and where the copy of their record was kept. */
export interface DeletedLearner {
  learnerId: string;
  name: string;
  /** Full path of the copy of everything they had saved, in the data folder. */
  keptAs: string;
}

/** The files of an exported learning record. */
export interface LearningRecordFiles {
  /** The record as a web page; always written. */
  htmlPath: string;
  /** The record as a PDF, when the back end printed it (the desktop app does). */
  pdfPath?: string;
  /**
   * Address of the record as a page the learner's own browser opens and prints to PDF
   * (browser mode, which has no browser of its own to print with).
   */
  viewUrl?: string;
}

/** The learners on this machine and who studied last. */
export interface LearnerList {
  learners: Learner[];
  lastLearnerId?: string;
}

/** An editor tab: a lesson or a scenario of a course, a view (of a course, or of the workbench), the source text behind a reference, or a course file open in a source editor, or an author's Scenario Graph of a scenario file and its Play from Here preview. */
export interface TabRef {
  /** The course it belongs to, or WORKBENCH_VIEW_COURSE for a view of the workbench (shortcuts). */
  courseId: string;
  kind: 'lesson' | 'scenario' | 'view' | 'source' | 'file' | 'scenarioGraph' | 'scenarioPreview';
  /** Lesson or scenario id, a view id such as 'course' or 'shortcuts', the id of the reference whose source text it shows, or (for a file, a Scenario Graph or a preview) a file's path relative to the pack, with '/'. */
  itemId: string;
}

/** Course id of tabs that show a view of the workbench itself rather than of a course. */
export const WORKBENCH_VIEW_COURSE = 'workbench';

/** Colour theme; 'system' follows the operating system's preference. */
export type ThemeSetting = 'system' | 'light' | 'dark' | 'high-contrast';

/** The workbench as the learner left it, restored on the next start. */
export interface WorkbenchState {
  openCourseId?: string;
  tabs: TabRef[];
  activeTab?: number;
  sideBarView: 'courses' | 'search' | 'progress' | 'journal' | 'settings' | 'author';
  sideBarVisible: boolean;
  /** Width of the Side Bar in rem (so it keeps its proportion at any zoom); the default when absent. */
  sideBarWidth?: number;
  panelVisible: boolean;
  /** Which of the Panel's views is in front; absent means the journal. */
  panelView?: 'journal' | 'problems';
  theme: ThemeSetting;
  /** Zoom factor, 0.5-3, where 1 is 100%. */
  zoom: number;
}

/** A search result in any course. */
export interface SearchHit {
  courseId: string;
  moduleId: string;
  kind: 'lesson' | 'scenario';
  itemId: string;
  title: string;
  /** Plain text around the match. */
  snippet: string;
}

/** SCORM version of an export. */
export type ScormStandard = 'scorm12' | 'scorm2004';

/** What to export and how. */
export interface ExportRequest {
  courseId: string;
  standard: ScormStandard;
  /** One SCO per module (the default, so gradebooks see each module) or one for the course. */
  sco: 'module' | 'course';
  /** Where to write the zip; when absent the back end picks (desktop: asks the user). */
  outPath?: string;
  /** The LMS the package is for, when the exporter names one: the export warns when the cut will not play there. */
  lms?: LmsId;
}

/** A running or finished export, polled by the export dialog for its progress bar. */
export interface ExportJob {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Steps done and the total, for the progress bar. */
  done: number;
  total: number;
  /** What is happening now, or the outcome, as a sentence. */
  message: string;
  outPath?: string;
  bytes?: number;
  warnings: string[];
}

/** One entry of a course pack's file tree; paths are relative to the pack, with '/'. */
export interface PackTreeEntry {
  name: string;
  path: string;
  /** A link is listed (so the author can see it) but never followed. */
  kind: 'file' | 'folder' | 'link';
  children?: PackTreeEntry[];
}

/** A course pack's files, and whether the app may change them. */
export interface PackTree {
  courseId: string;
  root: PackTreeEntry;
  /** A course installed with the app: it stays as shipped, and Save a Copy makes an editable copy. */
  readOnly: boolean;
}

/** A text file of a pack and its version stamp. */
export interface PackFileText {
  path: string;
  text: string;
  /** A hash of the file's bytes: passed back on save to say which version the edit started from. */
  version: string;
}

/** What saving a file did: wrote it, or found it changed on disk since the version the edit started from. */
export type PackWriteOutcome =
  | { kind: 'written'; path: string; version: string }
  | {
      kind: 'conflict';
      path: string;
      /** The file as it is on disk now, or undefined when it was deleted. */
      disk?: { text: string; version: string };
      message: string;
    };

/** A new item for a pack: a module, a lesson or scenario in a module folder, or a folder. */
export type NewPackItem =
  | { kind: 'module'; title: string }
  | { kind: 'lesson'; moduleFolder: string; title: string }
  | { kind: 'scenario'; moduleFolder: string; title: string }
  | { kind: 'folder'; path: string };

/** What a change to a pack's files made: files created and changed, and the one to open next. */
export interface PackItemsChanged {
  created: string[];
  changed: string[];
  open?: string;
}

/** A course the app made for the author (New Course, Save a Copy). */
export interface CreatedCourse {
  courseId: string;
  title: string;
}

/** Unsaved editor text standing in for a file's disk copy while a pack is checked. */
export interface PackBuffer {
  path: string;
  text: string;
}

/** What to check: the editors' unsaved text for the pack (every buffer; files not listed read from disk) and the files to preview. */
export interface PackCheckRequest {
  buffers: PackBuffer[];
  preview: string[];
}

/** A lesson or scenario as the preview beside its file shows it. */
export type PreviewItem =
  | { kind: 'lesson'; lesson: Lesson }
  | { kind: 'scenario'; scenario: Scenario };

/** The preview of one file: what to show, and whether it is the last good version kept while the text has errors. */
export interface PackPreview {
  path: string;
  item?: PreviewItem;
  /** True when `item` comes from the last check without errors, because the pack now has some. */
  stale: boolean;
}

/** Every diagnostic of a pack as it reads now, with the editors' text laid over the disk, and the previews asked for. */
export interface PackCheck {
  courseId: string;
  diagnostics: Diagnostic[];
  previews: PackPreview[];
  /** Milliseconds the check itself took on the back end. */
  ms: number;
}

/** One file changed on disk in a course pack, by any program. */
export interface PackFileChange {
  courseId: string;
  path: string;
  /** Whether something is there now (false: deleted or renamed away). */
  exists: boolean;
}

/** The changes on disk after a sequence number; `reset` when that number is too old (or from before a restart), so the client reloads everything. */
export interface PackChangeFeed {
  seq: number;
  changes: PackFileChange[];
  reset: boolean;
}

/** A scenario file of a course pack, as the Scenario Graph lists it (a file with errors too). */
export interface ScenarioFileEntry {
  /** The file's path in its pack, with '/'. */
  file: string;
  scenarioId?: string;
  title?: string;
  /** How many errors the file has: 0 for one that loads. */
  errors: number;
}

/** The Scenario Graph of one scenario file as its text reads now. */
export interface ScenarioGraphResult {
  graph: ScenarioGraph;
  /** The story as far as it was read, for Play from Here; absent when it cannot be played (syntax errors, or no start node). */
  scenario?: Scenario;
  /** Grows with every change to the pack's files; waitForPackChange(courseId, revision) waits for the next one. */
  revision: number;
}

/** The Studio API. Main implements it; the renderer's adapters call it. */
export interface StudioApi {
  getEnvironment(): Promise<ApiResult<StudioEnvironment>>;
  listCourses(): Promise<ApiResult<CourseEntry[]>>;
  openCourse(courseId: string): Promise<ApiResult<OpenedCourse>>;
  listLearners(): Promise<ApiResult<LearnerList>>;
  createLearner(name: string): Promise<ApiResult<Learner>>;
  selectLearner(learnerId: string): Promise<ApiResult<Learner>>;
  /** Lets this session (one page load) show a PIN-protected learner's work once their PIN is given. */
  unlockLearner(learnerId: string, pin: string): Promise<ApiResult<Learner>>;
  /** Sets, changes or removes a learner's PIN; changing or removing it needs the current one. */
  setLearnerPin(learnerId: string, change: PinChange): Promise<ApiResult<Learner>>;
  /** Removes a learner from this computer, keeping a copy of their record in the data folder. */
  deleteLearner(learnerId: string, confirmation: DeleteConfirmation): Promise<ApiResult<DeletedLearner>>;
  getProgress(learnerId: string, courseId: string): Promise<ApiResult<CourseProgress>>;
  recordEvent(learnerId: string, courseId: string, event: LearningEvent): Promise<ApiResult<CourseProgress>>;
  getWorkbenchState(learnerId: string): Promise<ApiResult<WorkbenchState>>;
  saveWorkbenchState(learnerId: string, state: WorkbenchState): Promise<ApiResult<WorkbenchState>>;
  search(query: string): Promise<ApiResult<SearchHit[]>>;
  /** The text of the source document behind one of a course's references. */
  readSource(courseId: string, referenceId: string): Promise<ApiResult<SourceDocument>>;
  startExport(request: ExportRequest): Promise<ApiResult<ExportJob>>;
  exportStatus(jobId: string): Promise<ApiResult<ExportJob>>;
  /** Writes the learner's record of a course (PDF and HTML, or HTML for the browser to print). */
  exportLearningRecord(learnerId: string, courseId: string): Promise<ApiResult<LearningRecordFiles>>;
  /** The files of a course pack, broken or not, as a tree. */
  listPackFiles(courseId: string): Promise<ApiResult<PackTree>>;
  /** A text file of a pack with its version stamp. */
  readPackFile(courseId: string, path: string): Promise<ApiResult<PackFileText>>;
  /** Saves a file atomically if it is still at `baseVersion` (null: it must not exist yet); otherwise reports the conflict with the disk's text. */
  writePackFile(courseId: string, path: string, text: string, baseVersion: string | null): Promise<ApiResult<PackWriteOutcome>>;
  /** Adds a module, lesson, scenario (from the templates `hcs new` uses) or folder to a pack. */
  createPackItem(courseId: string, item: NewPackItem): Promise<ApiResult<PackItemsChanged>>;
  /** Renames or moves a file or folder inside a pack. */
  renamePackFile(courseId: string, from: string, to: string): Promise<ApiResult<PackItemsChanged>>;
  /** Deletes a file or folder of a pack. */
  deletePackFile(courseId: string, path: string): Promise<ApiResult<PackItemsChanged>>;
  /** Creates a course from the template in the author's courses folder. */
  createCourse(title: string): Promise<ApiResult<CreatedCourse>>;
  /** Copies a course (one installed with the app, typically) into the author's courses folder, with an id of its own. */
  copyCourse(courseId: string): Promise<ApiResult<CreatedCourse>>;
  /** Checks a pack with the editors' unsaved text laid over the disk: every diagnostic, and the previews asked for. */
  checkPack(courseId: string, request: PackCheckRequest): Promise<ApiResult<PackCheck>>;
  /** Waits (up to `timeoutMs`) for files to change on disk in any course pack after sequence number `since`. */
  waitForPackChanges(since: number, timeoutMs: number): Promise<ApiResult<PackChangeFeed>>;
  /** The scenario files of a course pack, a broken pack's too. */
  listScenarioFiles(courseId: string): Promise<ApiResult<ScenarioFileEntry[]>>;
  /** The Scenario Graph of the scenario file `file` of a course pack, drawn for a file with errors too. */
  getScenarioGraph(courseId: string, file: string): Promise<ApiResult<ScenarioGraphResult>>;
  /** Resolves with the pack's revision once it has changed since `revision`, or with the same one after about 25 seconds. */
  waitForPackChange(courseId: string, revision: number): Promise<ApiResult<number>>;
}

/** A Studio API method name. */
export type StudioApiMethod = keyof StudioApi;

/** The arguments of a method, as the interface declares them. */
export type ApiArgs<M extends StudioApiMethod> = Parameters<StudioApi[M]>;

/** The result a method resolves to. */
export type ApiResultOf<M extends StudioApiMethod> = Awaited<ReturnType<StudioApi[M]>>;

/** Prefix of every IPC channel; the preload refuses any channel without it. */
export const CHANNEL_PREFIX = 'hcs:api:';

/**
 * The IPC channel of every method, declared once. The type demands exactly one entry
 * per StudioApi method, spelt as the prefix and the method's name, so a method added
 * to the interface fails to compile until it is listed here (and, through the same
 * kind of check, in validators.ts, forwardingApi.ts and the SCORM adapter).
 */
export const STUDIO_API_CHANNELS = {
  getEnvironment: 'hcs:api:getEnvironment',
  listCourses: 'hcs:api:listCourses',
  openCourse: 'hcs:api:openCourse',
  listLearners: 'hcs:api:listLearners',
  createLearner: 'hcs:api:createLearner',
  selectLearner: 'hcs:api:selectLearner',
  unlockLearner: 'hcs:api:unlockLearner',
  setLearnerPin: 'hcs:api:setLearnerPin',
  deleteLearner: 'hcs:api:deleteLearner',
  getProgress: 'hcs:api:getProgress',
  recordEvent: 'hcs:api:recordEvent',
  getWorkbenchState: 'hcs:api:getWorkbenchState',
  saveWorkbenchState: 'hcs:api:saveWorkbenchState',
  search: 'hcs:api:search',
  readSource: 'hcs:api:readSource',
  startExport: 'hcs:api:startExport',
  exportStatus: 'hcs:api:exportStatus',
  exportLearningRecord: 'hcs:api:exportLearningRecord',
  listPackFiles: 'hcs:api:listPackFiles',
  readPackFile: 'hcs:api:readPackFile',
  writePackFile: 'hcs:api:writePackFile',
  createPackItem: 'hcs:api:createPackItem',
  renamePackFile: 'hcs:api:renamePackFile',
  deletePackFile: 'hcs:api:deletePackFile',
  createCourse: 'hcs:api:createCourse',
  copyCourse: 'hcs:api:copyCourse',
  checkPack: 'hcs:api:checkPack',
  waitForPackChanges: 'hcs:api:waitForPackChanges',
  listScenarioFiles: 'hcs:api:listScenarioFiles',
  getScenarioGraph: 'hcs:api:getScenarioGraph',
  waitForPackChange: 'hcs:api:waitForPackChange',
} as const satisfies { readonly [M in StudioApiMethod]: `${typeof CHANNEL_PREFIX}${M}` };

/** Every method name, in the order of STUDIO_API_CHANNELS: IPC handlers and HTTP routes are made from it. */
export const STUDIO_API_METHODS = Object.freeze(Object.keys(STUDIO_API_CHANNELS) as StudioApiMethod[]);

/** The IPC channel (and HTTP route segment) of a method. */
export function channelOf(method: StudioApiMethod): string {
  return STUDIO_API_CHANNELS[method];
}

/** Builds a successful result. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** Builds a failed result carrying a sentence for the user. */
export function fail<T = never>(code: string, message: string): ApiResult<T> {
  return { ok: false, error: { code, message } };
}

/** The default workbench for a learner who has never opened the app. */
export function defaultWorkbenchState(): WorkbenchState {
  return { tabs: [], sideBarView: 'courses', sideBarVisible: true, panelVisible: false, theme: 'system', zoom: 1 };
}

/** Fewest and most digits of a learner's PIN (here, not with the validators, so the PIN form needs no zod). */
export const PIN_DIGITS = { min: 4, max: 12 } as const;
