// A StudioApi that forwards every call to a transport: the preload's IPC bridge
// (desktop) and the HTTP adapter (browser mode) are both this object over a different
// transport. Each method is listed by name, so the object is checked against the
// interface by the compiler: a method added to StudioApi does not compile until it is
// forwarded here, and nothing but the interface's methods can be forwarded.

import type { ApiArgs, ApiResult, ApiResultOf, StudioApi, StudioApiMethod } from './studioApi';

/** Sends one call across a process or network boundary and resolves to what came back. */
export type Transport = (method: StudioApiMethod, args: readonly unknown[]) => Promise<ApiResult<unknown>>;

/** Builds the StudioApi over a transport. */
export function createForwardingApi(transport: Transport): StudioApi {
  // The back end on the other side implements the same interface and validates every
  // argument, so its answer to `method` is that method's result.
  const send = <M extends StudioApiMethod>(method: M, ...args: ApiArgs<M>) => transport(method, args) as Promise<ApiResultOf<M>>;
  return {
    getEnvironment: () => send('getEnvironment'),
    listCourses: () => send('listCourses'),
    openCourse: (courseId) => send('openCourse', courseId),
    listLearners: () => send('listLearners'),
    createLearner: (name) => send('createLearner', name),
    selectLearner: (learnerId) => send('selectLearner', learnerId),
    unlockLearner: (learnerId, pin) => send('unlockLearner', learnerId, pin),
    setLearnerPin: (learnerId, change) => send('setLearnerPin', learnerId, change),
    deleteLearner: (learnerId, confirmation) => send('deleteLearner', learnerId, confirmation),
    getProgress: (learnerId, courseId) => send('getProgress', learnerId, courseId),
    recordEvent: (learnerId, courseId, event) => send('recordEvent', learnerId, courseId, event),
    getWorkbenchState: (learnerId) => send('getWorkbenchState', learnerId),
    saveWorkbenchState: (learnerId, state) => send('saveWorkbenchState', learnerId, state),
    search: (query) => send('search', query),
    readSource: (courseId, referenceId) => send('readSource', courseId, referenceId),
    startExport: (request) => send('startExport', request),
    exportStatus: (jobId) => send('exportStatus', jobId),
    exportLearningRecord: (learnerId, courseId) => send('exportLearningRecord', learnerId, courseId),
    listPackFiles: (courseId) => send('listPackFiles', courseId),
    readPackFile: (courseId, path) => send('readPackFile', courseId, path),
    writePackFile: (courseId, path, text, baseVersion) => send('writePackFile', courseId, path, text, baseVersion),
    createPackItem: (courseId, item) => send('createPackItem', courseId, item),
    renamePackFile: (courseId, from, to) => send('renamePackFile', courseId, from, to),
    deletePackFile: (courseId, path) => send('deletePackFile', courseId, path),
    createCourse: (title) => send('createCourse', title),
    copyCourse: (courseId) => send('copyCourse', courseId),
    checkPack: (courseId, request) => send('checkPack', courseId, request),
    waitForPackChanges: (since, timeoutMs) => send('waitForPackChanges', since, timeoutMs),
    listScenarioFiles: (courseId) => send('listScenarioFiles', courseId),
    getScenarioGraph: (courseId, file) => send('getScenarioGraph', courseId, file),
    waitForPackChange: (courseId, revision) => send('waitForPackChange', courseId, revision),
  };
}
