// The Studio API as the desktop app and browser mode implement it: courses from the
// library, learners and progress from the progress store, search across every course,
// and SCORM export in the background. Inputs arrive already validated (the IPC handler
// and the HTTP route check them with engine/api/validators.ts); here every failure
// becomes an ApiResult with a sentence, and nothing throws across the boundary.
//
// Each session (one page load of the app) gets its own StudioApi over the same
// services: what differs is which PIN-protected learner it has been let into
// (learnerAccess.ts), and every call that reads or changes a learner's work asks that.

import {
  fail,
  ok,
  type ApiResult,
  type ExportRequest,
  type StudioApi,
  type StudioEnvironment,
} from '../../engine/api/studioApi';
import type { Course } from '../../engine/course/model';
import type { CourseProgress, LearningEvent } from '../../engine/progress/model';
import { learningRecordHtml } from '../../engine/record/learningRecordHtml';
import type { AuthoringService } from './authoring';
import type { CourseCatalog } from './courseCatalog';
import { ExportJobs, type ScormExporter } from './exportJobs';
import { LearnerAccess, type LearnerSession } from './learnerAccess';
import type { PinCost } from './pinHash';
import type { ProgressStore } from './progressStore';
import { recordBaseName, type RecordWriter } from './recordWriter';
import type { ScenarioGraphs } from './scenarioGraphs';
import type { CourseSearch } from './search';
import { findSourceFile, readSourceText, sourceIds } from './sourceDocuments';
import { UserError } from './userError';

/** The progress rules (engine/progress/rules.ts applyEvent), injected so tests can observe them. */
export type ApplyEvent = (course: Course, progress: CourseProgress, event: LearningEvent, now: string) => CourseProgress;

/** Everything the service is built from. */
export interface StudioServiceDeps {
  catalog: CourseCatalog;
  store: ProgressStore;
  search: CourseSearch;
  applyEvent: ApplyEvent;
  environment: Omit<StudioEnvironment, 'notices'>;
  /** URL prefix (ending in '/') under which a course's media are served. */
  assetBase: (courseId: string) => string;
  /** Writes SCORM packages; absent in a build without export. */
  exporter?: ScormExporter;
  /**
   * Decides where an export goes (the desktop asks the user; browser mode picks a folder);
   * undefined means the user cancelled. Without it the request's own outPath is used.
   */
  chooseExportPath?: (request: ExportRequest) => Promise<string | undefined>;
  /** Writes a learning record's files (the desktop prints a PDF; browser mode leaves that to the browser); absent in a build without it. */
  recordWriter?: RecordWriter;
  /** The scrypt cost of new PINs; tests lower it, the app uses pinHash.ts PIN_COST. */
  pinCost?: PinCost;
  /** The pack files, checks and change feed of authoring; absent in a build without it. */
  authoring?: AuthoringService;
  /** The Scenario Graph's files and graphs; absent in a build without authoring. */
  scenarioGraphs?: ScenarioGraphs;
  now?: () => Date;
  /** Receives unexpected errors (bugs), which the user sees only as a generic sentence. */
  log?: (error: unknown) => void;
}

/** Builds the StudioApi of a single session over the library, the progress store, search and export. */
export function createStudioService(deps: StudioServiceDeps, session: LearnerSession = {}): StudioApi {
  return studioServiceMaker(deps)(session);
}

/** Makes each session's StudioApi; the services behind them (export jobs, PIN checks) are shared. */
export function studioServiceMaker(deps: StudioServiceDeps): (session: LearnerSession) => StudioApi {
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? ((error: unknown) => console.error(error));
  const jobs = deps.exporter ? new ExportJobs(deps.exporter, log) : undefined;
  const access = new LearnerAccess(deps.store, now, deps.pinCost);
  const guard = <T>(work: () => Promise<T> | T): Promise<ApiResult<T>> => guarded(work, log);
  const withGraphs = <T>(work: (graphs: ScenarioGraphs) => Promise<T>): Promise<ApiResult<T>> => {
    const graphs = deps.scenarioGraphs;
    return graphs ? guard(() => work(graphs)) : Promise.resolve(fail('authoring-unavailable', 'The Scenario Graph is not available in this build.'));
  };

  const loadCourse = async (courseId: string): Promise<Course> => {
    const course = await deps.catalog.load(courseId);
    if (course) return course;
    const entry = (await deps.catalog.list()).find((c) => c.id === courseId);
    if (entry?.status === 'broken') {
      const first = entry.diagnostics.find((d) => d.severity === 'error');
      const why = first ? ` The first problem is in ${first.file} at line ${first.line}: ${first.message}` : '';
      throw new UserError('course-broken', `The course "${entry.title}" has errors and cannot be opened until they are fixed.${why}`);
    }
    throw new UserError('unknown-course', `There is no course with the id "${courseId}" on this computer.`);
  };

  /** Runs an authoring call, or says authoring is not here. */
  const authoring = <T>(work: (a: AuthoringService) => Promise<T>): Promise<ApiResult<T>> => {
    const service = deps.authoring;
    if (!service) return Promise.resolve(fail('authoring-unavailable', 'Writing courses is not available in this build of Health Creation Studio.'));
    return guard(() => work(service));
  };

  return (session) => ({
    getEnvironment: () => guard(() => ({ ...deps.environment, notices: [...deps.store.notices] })),
    listCourses: () => guard(() => (deps.catalog.refresh ? deps.catalog.refresh() : deps.catalog.list())),
    openCourse: (courseId) =>
      guard(async () => {
        const course = await loadCourse(courseId);
        const root = await deps.catalog.rootOf(courseId);
        return { course, assetBase: deps.assetBase(courseId), sources: root ? await sourceIds(root, course) : [] };
      }),
    listLearners: () => guard(() => deps.store.listLearners()),
    createLearner: (name) =>
      guard(async () => {
        const learner = await deps.store.createLearner(name);
        access.choose(session, learner.id);
        return learner;
      }),
    selectLearner: (learnerId) =>
      guard(async () => {
        access.require(session, learnerId);
        access.choose(session, learnerId);
        return deps.store.selectLearner(learnerId);
      }),
    unlockLearner: (learnerId, pin) => guard(() => access.unlock(session, learnerId, pin)),
    setLearnerPin: (learnerId, change) => guard(() => access.setPin(session, learnerId, change)),
    deleteLearner: (learnerId, confirmation) => guard(() => access.delete(session, learnerId, confirmation)),
    getProgress: (learnerId, courseId) =>
      guard(async () => {
        access.require(session, learnerId);
        // A broken course still has its learners' progress; a course that is not here has none to report.
        if (!(await deps.catalog.list()).some((c) => c.id === courseId)) {
          throw new UserError('unknown-course', `There is no course with the id "${courseId}" on this computer.`);
        }
        return deps.store.getProgress(learnerId, courseId);
      }),
    recordEvent: (learnerId, courseId, event) =>
      guard(async () => {
        access.require(session, learnerId);
        const course = await loadCourse(courseId);
        return deps.store.updateProgress(learnerId, courseId, (current) => deps.applyEvent(course, current, event, now().toISOString()));
      }),
    getWorkbenchState: (learnerId) => guard(() => (access.require(session, learnerId), deps.store.getWorkbench(learnerId))),
    saveWorkbenchState: (learnerId, state) => guard(() => (access.require(session, learnerId), deps.store.saveWorkbench(learnerId, state))),
    search: (query) => guard(() => deps.search.search(query)),
    readSource: (courseId, referenceId) =>
      guard(async () => {
        const course = await loadCourse(courseId);
        const reference = course.references.find((r) => r.id === referenceId);
        if (!reference) throw new UserError('unknown-reference', `The course "${course.title}" has no reference with the id "${referenceId}".`);
        const root = await deps.catalog.rootOf(courseId);
        const file = root ? await findSourceFile(root, referenceId) : undefined;
        if (!file) throw new UserError('no-source', `No copy of "${reference.title}" is kept with the course "${course.title}", so it cannot be shown here.`);
        return { courseId, referenceId, title: reference.title, text: await readSourceText(file, reference.title) };
      }),
    startExport: async (request) => {
      if (!jobs) return fail('export-unavailable', 'SCORM export is not available in this build.');
      return guard(async () => {
        const course = await loadCourse(request.courseId);
        const outPath = deps.chooseExportPath ? await deps.chooseExportPath(request) : request.outPath;
        if (!outPath) throw new UserError('export-cancelled', `No file was chosen, so "${course.title}" was not exported.`);
        return jobs.start({ ...request, outPath });
      });
    },
    exportStatus: async (jobId) => {
      if (!jobs) return fail('export-unavailable', 'SCORM export is not available in this build.');
      return guard(() => jobs.status(jobId));
    },
    exportLearningRecord: async (learnerId, courseId) => {
      const writer = deps.recordWriter;
      if (!writer) return fail('record-unavailable', 'Learning records cannot be exported in this build.');
      return guard(async () => {
        const learner = access.require(session, learnerId);
        const course = await loadCourse(courseId);
        const at = now();
        const html = learningRecordHtml({
          course,
          progress: deps.store.getProgress(learnerId, courseId),
          learnerName: learner.name,
          generatedAt: at.toISOString(),
          appVersion: deps.environment.version,
        });
        const files = await writer({ html, baseName: recordBaseName(learner.name, course.title, at), learnerName: learner.name, courseTitle: course.title });
        if (!files) throw new UserError('export-cancelled', `No file was chosen, so your learning record of "${course.title}" was not saved.`);
        return files;
      });
    },
    listPackFiles: (courseId) => authoring((a) => a.tree(courseId)),
    readPackFile: (courseId, path) => authoring((a) => a.read(courseId, path)),
    writePackFile: (courseId, path, text, baseVersion) => authoring((a) => a.write(courseId, path, text, baseVersion)),
    createPackItem: (courseId, item) => authoring((a) => a.createItem(courseId, item)),
    renamePackFile: (courseId, from, to) => authoring((a) => a.rename(courseId, from, to)),
    deletePackFile: (courseId, path) => authoring((a) => a.remove(courseId, path)),
    createCourse: (title) => authoring((a) => a.createCourse(title)),
    copyCourse: (courseId) => authoring((a) => a.copyCourse(courseId)),
    checkPack: (courseId, request) => authoring((a) => a.check(courseId, request)),
    waitForPackChanges: (since, timeoutMs) => authoring((a) => a.waitForChanges(since, timeoutMs)),
    listScenarioFiles: (courseId) => withGraphs((graphs) => graphs.list(courseId)),
    getScenarioGraph: (courseId, file) => withGraphs((graphs) => graphs.graph(courseId, file)),
    waitForPackChange: (courseId, revision) => withGraphs((graphs) => graphs.waitForChange(courseId, revision)),
  });
}

/** Runs `work`, turning a UserError into its sentence and anything else into a generic one. */
async function guarded<T>(work: () => Promise<T> | T, log: (error: unknown) => void): Promise<ApiResult<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof UserError) return fail(error.code, error.message);
    log(error);
    return fail('internal', 'Something went wrong inside Health Creation Studio; your saved progress is safe, and the details were written to the log.');
  }
}
