import { describe, expect, it, vi } from 'vitest';
import { defaultWorkbenchState, type ApiResult, type ExportJob, type StudioApi } from '../../../engine/api/studioApi';
import type { CourseProgress } from '../../../engine/progress/model';
import type { ScormExporter } from '../../../main/services/exportJobs';
import { ProgressStore } from '../../../main/services/progressStore';
import { createCourseSearch } from '../../../main/services/search';
import { createStudioService, type ApplyEvent, type StudioServiceDeps } from '../../../main/services/studioService';
import { UserError } from '../../../main/services/userError';
import { findSourceFile, MAX_SOURCE_BYTES } from '../../../main/services/sourceDocuments';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fakeCourse, fakeLesson, fakeModule } from '../../fakes/fakeCourse';
import { fakeCatalog } from '../../fakes/fakeCatalog';
import { tempDir } from '../tempDir';

const course = fakeCourse({ id: 'ug', title: 'Health Creation in Practice', modules: [fakeModule({ id: 'm1', lessons: [fakeLesson({ id: 'intro', title: 'Introduction' })] })] });
const broken = {
  id: 'broken-course',
  title: 'Half-written course',
  diagnostics: [{ file: 'course.yaml', line: 3, column: 1, severity: 'error' as const, code: 'HCS007' as const, message: 'Expected a title.' }],
};

/** Stands in for the progress rules: records the visit and the time it was applied. */
const applyEvent: ApplyEvent = (_course, progress, event, now) =>
  event.type === 'lesson.visited'
    ? { ...progress, lessons: { ...progress.lessons, [event.lessonId]: { visited: true, read: false, seconds: 0 } }, updatedAt: now }
    : progress;

async function service(overrides: Partial<StudioServiceDeps> = {}): Promise<{ api: StudioApi; store: ProgressStore; dir: string }> {
  const dir = await tempDir();
  const store = await ProgressStore.open({ dir });
  const catalog = fakeCatalog([course], { broken: [broken] });
  const api = createStudioService({
    catalog,
    store,
    search: createCourseSearch(catalog),
    applyEvent,
    environment: { mode: 'browser', platform: 'web', version: '0.1.0' },
    assetBase: (id) => `/course/${id}/`,
    now: () => new Date('2026-03-01T09:00:00.000Z'),
    log: () => undefined,
    ...overrides,
  });
  return { api, store, dir };
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.message}`);
  return result.value;
}

describe('Studio service', () => {
  it('reports its environment with the progress store’s notices', async () => {
    const { api } = await service();
    expect(value(await api.getEnvironment())).toEqual({ mode: 'browser', platform: 'web', version: '0.1.0', notices: [] });
  });

  it('lists loaded and broken courses and opens a course with its media prefix', async () => {
    const { api } = await service();
    expect(value(await api.listCourses()).map((c) => [c.id, c.status])).toEqual([
      ['ug', 'ok'],
      ['broken-course', 'broken'],
    ]);
    expect(value(await api.openCourse('ug'))).toEqual({ course, assetBase: '/course/ug/', sources: [] });
  });

  it('says why a broken course cannot be opened, naming the file and line', async () => {
    const { api } = await service();
    expect(await api.openCourse('broken-course')).toEqual({
      ok: false,
      error: {
        code: 'course-broken',
        message: 'The course "Half-written course" has errors and cannot be opened until they are fixed. The first problem is in course.yaml at line 3: Expected a title.',
      },
    });
  });

  it('refuses to report progress in a course that is not on this computer, rather than answering with an empty record', async () => {
    const { api } = await service();
    const asha = value(await api.createLearner('Asha'));
    expect(await api.getProgress(asha.id, 'no-such-course')).toEqual({
      ok: false,
      error: { code: 'unknown-course', message: 'There is no course with the id "no-such-course" on this computer.' },
    });
    // A broken course keeps its learners' progress readable while its author mends it.
    expect(value(await api.getProgress(asha.id, 'broken-course')).courseId).toBe('broken-course');
  });

  it('says there is no such course for an unknown id', async () => {
    const { api } = await service();
    expect(await api.openCourse('nope')).toMatchObject({ ok: false, error: { code: 'unknown-course', message: 'There is no course with the id "nope" on this computer.' } });
  });

  it('creates, lists and selects learners', async () => {
    const { api } = await service();
    const asha = value(await api.createLearner('Asha'));
    const ben = value(await api.createLearner('Ben'));
    value(await api.selectLearner(asha.id));
    expect(value(await api.listLearners())).toEqual({ learners: [asha, ben], lastLearnerId: asha.id });
  });

  it('turns a learner mistake into a failed result with the sentence', async () => {
    const { api } = await service();
    expect(await api.createLearner('   ')).toEqual({ ok: false, error: { code: 'invalid-name', message: 'A learner name must not be blank.' } });
  });

  it('records an event through the progress rules, returns the new progress and persists it', async () => {
    const { api, dir } = await service();
    const asha = value(await api.createLearner('Asha'));
    const after = value(await api.recordEvent(asha.id, 'ug', { type: 'lesson.visited', lessonId: 'intro' }));
    expect(after.lessons.intro).toEqual({ visited: true, read: false, seconds: 0 });
    expect(after.updatedAt).toBe('2026-03-01T09:00:00.000Z');
    const reopened = await ProgressStore.open({ dir });
    expect(reopened.getProgress(asha.id, 'ug').lessons.intro?.visited).toBe(true);
    expect(value(await api.getProgress(asha.id, 'ug'))).toEqual(after);
  });

  it('refuses to record progress in a course that does not load', async () => {
    const { api } = await service();
    const asha = value(await api.createLearner('Asha'));
    const result = await api.recordEvent(asha.id, 'broken-course', { type: 'lesson.visited', lessonId: 'intro' });
    expect(result).toMatchObject({ ok: false, error: { code: 'course-broken' } });
  });

  it('saves and restores the workbench state per learner', async () => {
    const { api } = await service();
    const asha = value(await api.createLearner('Asha'));
    expect(value(await api.getWorkbenchState(asha.id))).toEqual(defaultWorkbenchState());
    const state = { ...defaultWorkbenchState(), openCourseId: 'ug', tabs: [{ courseId: 'ug', kind: 'lesson' as const, itemId: 'intro' }], activeTab: 0 };
    value(await api.saveWorkbenchState(asha.id, state));
    expect(value(await api.getWorkbenchState(asha.id))).toEqual(state);
  });

  it('searches the courses', async () => {
    const { api } = await service();
    expect(value(await api.search('introduction')).map((h) => h.itemId)).toEqual(['intro']);
  });

  it('hides an unexpected error behind a sentence and logs it', async () => {
    const log = vi.fn();
    const failing: ApplyEvent = () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const { api } = await service({ applyEvent: failing, log });
    const asha = value(await api.createLearner('Asha'));
    const result = await api.recordEvent(asha.id, 'ug', { type: 'lesson.visited', lessonId: 'intro' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toMatch(/undefined|TypeError/);
    expect(log).toHaveBeenCalledWith(expect.any(TypeError));
  });
});

describe('export', () => {
  it('says export is not available when the build has no exporter', async () => {
    const { api } = await service();
    expect(await api.startExport({ courseId: 'ug', standard: 'scorm12', sco: 'module' })).toEqual({
      ok: false,
      error: { code: 'export-unavailable', message: 'SCORM export is not available in this build.' },
    });
  });

  it('runs an export in the background and reports its progress until done', async () => {
    let finish!: () => void;
    const exporter: ScormExporter = async (request, onProgress) => {
      onProgress({ done: 1, total: 3, message: 'Gathering media.' });
      await new Promise<void>((resolve) => (finish = resolve));
      return { outPath: request.outPath, bytes: 1234, warnings: ['A long reflection may not fit.'] };
    };
    const { api } = await service({ exporter });
    const job = value(await api.startExport({ courseId: 'ug', standard: 'scorm2004', sco: 'module', outPath: '/tmp/ug.zip' }));
    expect(job.state).toBe('running');
    expect(value(await api.exportStatus(job.jobId))).toMatchObject({ state: 'running', done: 1, total: 3, message: 'Gathering media.' });
    finish();
    await vi.waitFor(async () => expect(value(await api.exportStatus(job.jobId)).state).toBe('done'));
    expect(value(await api.exportStatus(job.jobId))).toMatchObject<Partial<ExportJob>>({
      done: 3,
      outPath: '/tmp/ug.zip',
      bytes: 1234,
      warnings: ['A long reflection may not fit.'],
      message: 'The package was written to /tmp/ug.zip.',
    });
  });

  it('reports the exporter’s sentence when an export fails', async () => {
    const exporter: ScormExporter = async () => {
      throw new UserError('too-big', 'The course is too large for SCORM 1.2 suspend data.');
    };
    const { api } = await service({ exporter });
    const job = value(await api.startExport({ courseId: 'ug', standard: 'scorm12', sco: 'course', outPath: '/tmp/x.zip' }));
    await vi.waitFor(async () => expect(value(await api.exportStatus(job.jobId)).state).toBe('failed'));
    expect(value(await api.exportStatus(job.jobId)).message).toBe('The course is too large for SCORM 1.2 suspend data.');
  });

  it('asks where to save when the request names no file, and says so when the learner cancels', async () => {
    const exporter: ScormExporter = async (r) => ({ outPath: r.outPath, bytes: 1, warnings: [] });
    const { api } = await service({ exporter, chooseExportPath: async () => undefined });
    expect(await api.startExport({ courseId: 'ug', standard: 'scorm12', sco: 'module' })).toEqual({
      ok: false,
      error: { code: 'export-cancelled', message: 'No file was chosen, so "Health Creation in Practice" was not exported.' },
    });
  });

  it('says there is no such export for an unknown job id', async () => {
    const { api } = await service({ exporter: async (r) => ({ outPath: r.outPath, bytes: 1, warnings: [] }) });
    expect(await api.exportStatus('nope')).toMatchObject({ ok: false, error: { code: 'unknown-job' } });
  });
});

describe('source documents', () => {
  const cited = fakeCourse({
    id: 'cited',
    title: 'Cited course',
    references: [
      { id: 'manifesto', title: 'A Manifesto for Health Creation', organisation: 'New NHS Alliance' },
      { id: 'own-notes', title: 'Our own notes', organisation: 'The course team' },
      { id: 'lost', title: 'A document not kept', organisation: 'Somewhere' },
    ],
  });

  /** A folder of courses with a shared sources folder, and the pack inside it with its own. */
  async function library(): Promise<{ api: StudioApi; pack: string; shared: string }> {
    const dir = await tempDir();
    const pack = path.join(dir, 'cited');
    const shared = path.join(dir, 'sources');
    await mkdir(path.join(pack, 'sources'), { recursive: true });
    await mkdir(shared);
    await writeFile(path.join(shared, 'manifesto.txt'), 'Health Creation is the process through which individuals and communities gain a sense of purpose.\n');
    await writeFile(path.join(pack, 'sources', 'own-notes.md'), '# Notes\n\nWritten for this course.\n');
    const { api } = await service({ catalog: fakeCatalog([cited], { roots: { cited: pack } }) });
    return { api, pack, shared };
  }

  it('opens a course saying which references have a document to read', async () => {
    const { api } = await library();
    expect(value(await api.openCourse('cited')).sources).toEqual(['manifesto', 'own-notes']);
  });

  it('reads a document from the sources folder beside the pack, shared by the courses there', async () => {
    const { api } = await library();
    expect(value(await api.readSource('cited', 'manifesto'))).toEqual({
      courseId: 'cited',
      referenceId: 'manifesto',
      title: 'A Manifesto for Health Creation',
      text: 'Health Creation is the process through which individuals and communities gain a sense of purpose.\n',
    });
  });

  it('reads a document kept inside the pack itself, before a shared one of the same name', async () => {
    const { api, pack } = await library();
    await writeFile(path.join(pack, 'sources', 'manifesto.txt'), 'The pack\'s own copy.');
    expect(value(await api.readSource('cited', 'own-notes')).text).toBe('# Notes\n\nWritten for this course.\n');
    expect(value(await api.readSource('cited', 'manifesto')).text).toBe("The pack's own copy.");
  });

  it('says so when no copy of a reference is kept', async () => {
    const { api } = await library();
    expect(await api.readSource('cited', 'lost')).toEqual({
      ok: false,
      error: { code: 'no-source', message: 'No copy of "A document not kept" is kept with the course "Cited course", so it cannot be shown here.' },
    });
  });

  it('says so when the course has no such reference', async () => {
    const { api } = await library();
    expect(await api.readSource('cited', 'nothing')).toMatchObject({ ok: false, error: { code: 'unknown-reference', message: 'The course "Cited course" has no reference with the id "nothing".' } });
  });

  it('refuses a document that is not UTF-8 text, naming the file', async () => {
    const { api, shared } = await library();
    await writeFile(path.join(shared, 'manifesto.txt'), Buffer.from([0x48, 0xc3, 0x28, 0xff, 0xfe]));
    expect(await api.readSource('cited', 'manifesto')).toMatchObject({
      ok: false,
      error: { code: 'source-unreadable', message: 'The copy of "A Manifesto for Health Creation" (manifesto.txt) is not UTF-8 text, so it cannot be shown; save it as UTF-8.' },
    });
  });

  it('refuses a document larger than a source may be', async () => {
    const { api, shared } = await library();
    await writeFile(path.join(shared, 'manifesto.txt'), Buffer.alloc(MAX_SOURCE_BYTES + 1, 0x61));
    expect(await api.readSource('cited', 'manifesto')).toMatchObject({ ok: false, error: { code: 'source-too-large', message: expect.stringContaining('more than the 4 MB a source document may be') } });
  });

  it('never reads outside the sources folders, whatever the id', async () => {
    const { pack } = await library();
    expect(await findSourceFile(pack, '../cited/sources/own-notes')).toBeUndefined();
    expect(await findSourceFile(pack, 'own-notes')).toBe(path.join(pack, 'sources', 'own-notes.md'));
  });
});

describe('progress arriving together', () => {
  it('applies every event once, in order', async () => {
    const counting: ApplyEvent = (_c, p: CourseProgress) => ({ ...p, seconds: p.seconds + 1 });
    const { api } = await service({ applyEvent: counting });
    const asha = value(await api.createLearner('Asha'));
    await Promise.all(Array.from({ length: 20 }, () => api.recordEvent(asha.id, 'ug', { type: 'time.spent', seconds: 1 })));
    expect(value(await api.getProgress(asha.id, 'ug')).seconds).toBe(20);
  });
});

describe('the Scenario Graph methods', () => {
  it('say in a sentence that the graph is not available in a build without authoring', async () => {
    const { api } = await service();
    const listed = await api.listScenarioFiles('ug');
    expect(listed).toEqual({ ok: false, error: { code: 'authoring-unavailable', message: 'The Scenario Graph is not available in this build.' } });
  });

  it('turn a failure of the graph service into its sentence, not a stack trace', async () => {
    const scenarioGraphs = {
      list: async () => [],
      graph: async () => {
        throw new UserError('not-a-scenario', 'course.yaml is not a scenario file of this course.');
      },
      waitForChange: async (_courseId: string, revision: number) => revision,
    };
    const { api } = await service({ scenarioGraphs });
    expect(await api.getScenarioGraph('ug', 'course.yaml')).toEqual({ ok: false, error: { code: 'not-a-scenario', message: 'course.yaml is not a scenario file of this course.' } });
    expect(await api.waitForPackChange('ug', 3)).toEqual({ ok: true, value: 3 });
  });
});
