// Exported packages in real Chromium with scorm-again as the LMS: the learner plays a
// lesson, a quiz and a scenario; the LMS receives status, score, interactions,
// objectives, suspend_data, location and session time in each standard's format; a
// second launch resumes at the same scenario node; the API is found from nested
// frames and from a popup's opener; a refusing Commit loses nothing; without an LMS
// the package says it is a preview.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../engine/course/courseLoader';
import type { Course } from '../../engine/course/model';
import { decodeSuspendData } from '../../engine/scorm/suspendCodec';
import { scoScopes } from '../../engine/scorm/scope';
import { createNodePackReader } from '../../main/services/nodePackReader';
import { exportScorm } from '../../main/services/scormExport';
import { launchChromium, newPage } from './helpers/chromium';
import { validateManifest } from '../engine/scorm/validateManifest';
import { answerRightly, extractPackage, launch, lmsState, playScenario, startLms, type LmsState, type TestLms } from './helpers/scormLms';
import { AXE_TAGS } from './helpers/axe';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PACK = path.join(repoRoot, 'courses/sample');
const MODULE = 'health-creating-practice';
const SCO = `sco-${MODULE}.html`;

let browser: Browser;
let lms: TestLms;
let course: Course;
let work: string;
const dirs: Record<string, string> = {};

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'dist/scorm-runtime/scorm.js'))) {
    spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), 'scorm'], { stdio: 'inherit' });
  }
  const loaded = await loadCourse(createNodePackReader(PACK));
  if (!loaded.course) throw new Error(`courses/sample does not load: ${loaded.diagnostics[0]?.message}`);
  course = loaded.course;
  work = await mkdtemp(path.join(tmpdir(), 'hcs-scorm-e2e-'));
  const deps = {
    catalog: { load: async () => course, rootOf: async () => PACK },
    runtimeDir: path.join(repoRoot, 'dist/scorm-runtime'),
    xsdDir: path.join(repoRoot, 'resources/scorm-xsd'),
  };
  for (const [name, standard, sco] of [['scorm12', 'scorm12', 'module'], ['scorm2004', 'scorm2004', 'module'], ['whole', 'scorm2004', 'course']] as const) {
    const zip = path.join(work, `${name}.zip`);
    await exportScorm({ courseId: course.id, standard, sco, outPath: zip }, deps);
    dirs[name] = path.join(work, name);
    await extractPackage(zip, dirs[name]!);
  }
  [browser, lms] = await Promise.all([launchChromium(), startLms(dirs)]);
});

afterAll(async () => {
  await browser?.close();
  await lms?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const module = () => course.modules.find((m) => m.id === MODULE)!;
const scope = () => scoScopes(course, 'module').find((s) => s.id === MODULE)!;
type Cmi12 = { core: Record<string, string> & { score: Record<string, string> }; suspend_data: string; interactions: Record<string, Record<string, string>>; objectives: Record<string, Record<string, unknown>> };
type Cmi2004 = Record<string, string> & { score: Record<string, string>; interactions: Record<string, Record<string, string>>; objectives: Record<string, Record<string, unknown>> };

async function until(page: import('playwright-core').Page, check: (s: LmsState) => boolean, what: string): Promise<LmsState> {
  const end = Date.now() + 10_000;
  for (;;) {
    const state = await lmsState(page);
    if (check(state)) return state;
    if (Date.now() > end) throw new Error(`The LMS never saw ${what}; last state: ${JSON.stringify(state).slice(0, 800)}`);
    await page.waitForTimeout(100);
  }
}

describe('packages played here', () => {
  it('each have a manifest valid against the official schemas', async () => {
    for (const [name, standard] of [['scorm12', 'scorm12'], ['scorm2004', 'scorm2004'], ['whole', 'scorm2004']] as const) {
      const manifest = await readFile(path.join(dirs[name]!, 'imsmanifest.xml'), 'utf8');
      expect(validateManifest(manifest, standard), name).toEqual({ valid: true, errors: [] });
    }
  });
});

describe('SCORM 1.2 package under scorm-again', () => {
  let firstSave: LmsState['saved'];
  let reachedNode: string | null = null;

  it('reports a lesson, a quiz answer, a reflection and a scenario choice, then terminates on pagehide', async () => {
    const { context, page, errors } = await newPage(browser);
    await launch(page, lms, 'scorm12', { src: `/pkg/scorm12/${SCO}` });
    const sco = page.frameLocator('#sco');
    await sco.locator('.hcs-sco').waitFor();
    expect(await sco.locator('.hcs-sco-notice').count()).toBe(0);
    const lesson = module().lessons[0]!;
    await sco.locator(`[data-lesson-id="${lesson.id}"]`).waitFor();
    const answered = await answerRightly(sco, course, lesson.id);
    const reflection = sco.locator('.hcs-reflection').first();
    await reflection.locator('textarea').fill('I will ask what matters before I prescribe.');
    await reflection.getByRole('button').first().click();
    const scenario = module().scenarios[0]!;
    // Next at the lesson's foot reads it to its end and moves on to the scenario.
    await sco.getByRole('button', { name: `Next: ${scenario.title}` }).click();
    await sco.locator(`[data-view="lesson:${lesson.id}"]`).getByText('(read to the end)').waitFor();
    const made = await playScenario(sco, scenario, 1);
    reachedNode = await sco.locator('.hcs-story').getAttribute('data-node-id');

    await page.evaluate(() => (window as unknown as { lms: { close(): void } }).lms.close());
    const state = await until(page, (s) => s.finishes === 1, 'LMSFinish');
    const cmi = state.saved!.cmi as unknown as Cmi12;
    // In progress: incomplete, and no score yet that an LMS could turn into a verdict.
    expect(cmi.core.lesson_status).toBe('incomplete');
    expect(cmi.core.score.raw).toBe('');
    expect(cmi.core.lesson_location).toBe(`scenario:${scenario.id}`);
    expect(state.sets['cmi.core.session_time']).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    expect(state.sets['cmi.core.exit']).toBe('suspend');
    const interactions = Object.values(cmi.interactions).filter((i) => typeof i === 'object' && i.id);
    // Answers are journalled; a scenario play-through only once it reaches an ending.
    expect(interactions.map((i) => i.id)).toEqual(lesson.blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions.map((q) => q.id) : [])));
    expect(interactions[0]).toMatchObject({ type: 'choice', result: 'correct' });
    expect(interactions[0]!.student_response).toMatch(/^[a-z0-9](,[a-z0-9])*$/);
    expect(made).toHaveLength(1);
    expect(answered).toBeGreaterThan(0);
    const objectiveIds = Object.values(cmi.objectives).filter((o) => typeof o === 'object' && o.id).map((o) => o.id);
    expect(objectiveIds).toEqual(module().outcomes.map((o) => o.id));
    expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
    const resumed = decodeSuspendData(course, scope(), cmi.suspend_data);
    const reflectionId = lesson.blocks.flatMap((b) => (b.kind === 'reflection' ? [b.reflection.id] : []))[0]!;
    expect(resumed.ok && resumed.progress.reflections[reflectionId]?.text).toBe('I will ask what matters before I prescribe.');
    expect(resumed.ok && resumed.progress.scenarios[scenario.id]?.nodeId).toBe(reachedNode);
    firstSave = state.saved;
    expect(errors).toEqual([]);
    await context.close();
  });

  it('resumes a second launch at the same scenario node and plays on to an ending', async () => {
    expect(firstSave && reachedNode).toBeTruthy();
    const { context, page } = await newPage(browser);
    const stored = structuredClone(firstSave!.cmi) as unknown as Cmi12;
    stored.core.entry = 'resume';
    await launch(page, lms, 'scorm12', { src: `/pkg/scorm12/${SCO}`, stored });
    const sco = page.frameLocator('#sco');
    const scenario = module().scenarios[0]!;
    await sco.locator(`.hcs-story[data-node-id="${reachedNode}"]`).waitFor();
    expect(await sco.locator(`[data-view="scenario:${scenario.id}"]`).getAttribute('aria-current')).toBe('page');
    await playScenario(sco, scenario);
    await sco.locator('.hcs-ending').waitFor();
    await page.evaluate(() => (window as unknown as { lms: { close(): void } }).lms.close());
    const state = await until(page, (s) => s.finishes === 1, 'LMSFinish');
    const cmi = state.saved!.cmi as unknown as Cmi12;
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score.raw).toBe('100');
    const played = Object.values(cmi.interactions).filter((i) => typeof i === 'object' && i.id === scenario.id);
    expect(played).toMatchObject([{ type: 'sequencing', result: 'neutral' }]);
    await context.close();
  });
});

describe('SCORM 2004 package under scorm-again', () => {
  it('reports completion, success, scaled score, interactions, objectives and an ISO 8601 session time', async () => {
    const { context, page, errors } = await newPage(browser);
    await launch(page, lms, 'scorm2004', { src: `/pkg/scorm2004/${SCO}` });
    const sco = page.frameLocator('#sco');
    const lesson = module().lessons[0]!;
    await sco.locator(`[data-lesson-id="${lesson.id}"]`).waitFor();
    await answerRightly(sco, course, lesson.id);
    const reflection = sco.locator('.hcs-reflection').first();
    await reflection.locator('textarea').fill('Ask first, then listen.');
    await reflection.getByRole('button').first().click();
    const scenario = module().scenarios[0]!;
    // Next at the lesson's foot reads it to its end and moves on to the scenario.
    await sco.getByRole('button', { name: `Next: ${scenario.title}` }).click();
    await playScenario(sco, scenario);
    await sco.locator('.hcs-ending').waitFor();
    await until(page, (s) => s.sets['cmi.completion_status'] === 'completed', 'completion once the lesson was read and the scenario ended');
    await page.evaluate(() => (window as unknown as { lms: { close(): void } }).lms.close());
    const state = await until(page, (s) => s.finishes === 1, 'Terminate');
    const cmi = state.saved!.cmi as unknown as Cmi2004;
    expect(cmi.completion_status).toBe('completed');
    expect(cmi.success_status).toBe('passed');
    expect(cmi.score).toMatchObject({ scaled: '1', raw: '100', min: '0', max: '100' });
    expect(state.sets['cmi.session_time']).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
    expect(cmi.location).toBe(`scenario:${scenario.id}`);
    const interactions = Object.values(cmi.interactions).filter((i) => typeof i === 'object' && i.id);
    expect(interactions.some((i) => i.type === 'choice' && i.result === 'correct')).toBe(true);
    expect(interactions.filter((i) => i.result === 'neutral').length).toBeGreaterThan(0);
    const objectives = Object.values(cmi.objectives).filter((o) => typeof o === 'object' && o.id);
    expect(objectives.map((o) => o.id)).toEqual(module().outcomes.map((o) => o.id));
    expect(objectives.every((o) => o.completion_status === 'completed')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('one SCO for the whole course', () => {
  it('lists every module\'s lessons under its title and reports progress over the whole course', async () => {
    const { context, page } = await newPage(browser);
    await launch(page, lms, 'scorm2004', { src: `/pkg/whole/sco-${course.id}.html` });
    const sco = page.frameLocator('#sco');
    for (const m of course.modules) await sco.locator('.hcs-sco-nav h2', { hasText: m.title }).waitFor();
    const last = course.modules.at(-1)!.lessons[0]!;
    await sco.locator(`[data-view="lesson:${last.id}"]`).click();
    await sco.locator(`[data-lesson-id="${last.id}"]`).waitFor();
    await page.evaluate(() => (window as unknown as { lms: { close(): void } }).lms.close());
    const state = await until(page, (s) => s.finishes === 1, 'Terminate');
    const cmi = state.saved!.cmi as unknown as Cmi2004;
    expect(cmi.location).toBe(`lesson:${last.id}`);
    expect(cmi.completion_status).toBe('incomplete');
    const objectives = Object.values(cmi.objectives).filter((o) => typeof o === 'object' && o.id).map((o) => o.id);
    expect(objectives).toEqual(course.modules.flatMap((m) => m.outcomes.map((o) => o.id)));
    await context.close();
  });
});

describe('API discovery and failures', () => {
  it('finds the API from a frame two levels below the LMS page', async () => {
    const { context, page } = await newPage(browser);
    await launch(page, lms, 'scorm2004', { src: `/nest.html?src=${encodeURIComponent(`/pkg/scorm2004/${SCO}`)}` });
    const sco = page.frameLocator('#sco').frameLocator('#inner');
    await sco.locator('.hcs-sco').waitFor();
    const state = await until(page, (s) => s.commits > 0, 'a commit');
    expect(state.initialized).toBe(1);
    expect(state.sets['cmi.completion_status']).toBe('incomplete');
    expect(await sco.locator('.hcs-sco-notice').count()).toBe(0);
    await context.close();
  });

  it('finds the API from a popup through its opener', async () => {
    const { context, page } = await newPage(browser);
    const popupOpened = context.waitForEvent('page');
    await launch(page, lms, 'scorm12', { src: `/pkg/scorm12/${SCO}`, popup: true });
    const popup = await popupOpened;
    await popup.locator('.hcs-sco').waitFor();
    const state = await until(page, (s) => s.commits > 0, 'a commit');
    expect(state.initialized).toBe(1);
    expect(state.sets['cmi.core.lesson_status']).toBe('incomplete');
    await context.close();
  });

  it('keeps retrying a refused Commit, tells the learner, and saves everything once the LMS recovers', async () => {
    const { context, page } = await newPage(browser);
    await launch(page, lms, 'scorm12', { src: `/pkg/scorm12/${SCO}`, failCommits: true });
    const sco = page.frameLocator('#sco');
    const lesson = module().lessons[0]!;
    await sco.locator(`[data-lesson-id="${lesson.id}"]`).waitFor();
    await answerRightly(sco, course, lesson.id);
    const notice = sco.locator('.hcs-sco-notice[data-level="error"]');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/could not be saved to the LMS yet; keep this page open/);
    expect((await lmsState(page)).saved).toBeUndefined();
    await page.evaluate(() => ((window as unknown as { lms: { failCommits: boolean } }).lms.failCommits = false));
    const state = await until(page, (s) => s.saved !== undefined, 'a successful commit');
    const cmi = state.saved!.cmi as unknown as Cmi12;
    const progress = decodeSuspendData(course, scope(), cmi.suspend_data);
    const question = lesson.blocks.flatMap((b) => (b.kind === 'quiz' ? b.quiz.questions : []))[0]!;
    expect(progress.ok && progress.progress.answers[question.id]?.correct).toBe(true);
    expect(cmi.core.lesson_status).toBe('incomplete');
    await notice.waitFor({ state: 'detached' });
    await context.close();
  });

  it('plays under the package’s own CSP, which refuses any script but the player’s and any network request', async () => {
    const { context, page, errors } = await newPage(browser);
    await launch(page, lms, 'scorm12', { src: `/pkg/scorm12/${SCO}` });
    const frame = page.frames().find((f) => f.url().endsWith(SCO)) ?? (await (await page.waitForSelector('#sco')).contentFrame())!;
    await frame.locator(`[data-lesson-id="${module().lessons[0]!.id}"]`).waitFor();
    const refused = await frame.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.head.append(script);
      const fetched = await fetch('/pkg/scorm12/imsmanifest.xml').then(
        () => 'fetched',
        () => 'refused',
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { ran: (window as unknown as { injected?: boolean }).injected === true, fetched, seen };
    });
    expect(refused.ran).toBe(false);
    expect(refused.fetched).toBe('refused');
    expect(refused.seen).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
    // Only the refusals this test caused were reported: the player itself broke no rule.
    expect(errors.filter((e) => !/inline script|imsmanifest\.xml/.test(e))).toEqual([]);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('has no serious accessibility violations in the SCO page, quiz feedback shown, in a %s scheme', async (scheme) => {
    // axe-core is injected as an inline script, which the package's CSP rightly refuses.
    const { context, page } = await newPage(browser, { bypassCSP: true });
    await page.emulateMedia({ colorScheme: scheme });
    await launch(page, lms, 'scorm12', { src: `/pkg/scorm12/${SCO}` });
    const frame = page.frames().find((f) => f.url().endsWith(SCO)) ?? (await (await page.waitForSelector('#sco')).contentFrame())!;
    await frame.locator(`[data-lesson-id="${module().lessons[0]!.id}"]`).waitFor();
    // Answer the first question so the right/wrong feedback colours are on the page.
    const question = frame.locator('form[data-question-id]').first();
    await question.locator('input').first().check();
    await question.getByRole('button', { name: 'Check answer' }).click();
    await question.getByText(/Your choice/).first().waitFor();
    await frame.addScriptTag({ path: path.join(repoRoot, 'node_modules/axe-core/axe.min.js') });
    const violations = await frame.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: { id: string; impact?: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    }, AXE_TAGS);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('runs as a preview and says so when no LMS hosts it, over HTTP and from file://', async () => {
    const { context, page } = await newPage(browser);
    for (const url of [`${lms.url}/pkg/scorm12/${SCO}`, pathToFileURL(path.join(dirs['scorm12']!, SCO)).href]) {
      await page.goto(url);
      const notice = page.locator('.hcs-sco-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('Preview: no LMS was found');
      await page.locator(`[data-lesson-id="${module().lessons[0]!.id}"]`).waitFor();
    }
    await context.close();
  });
});
