// A shipped course played through in real Chromium under the strict runtimes of
// tests/lms (one test file per course, so the two run side by side): Moodle's rules (both standards, one SCO for the course and one per module)
// and Open edX's XBlock (both standards, one SCO for the course: the block launches
// only a package's first SCO). A learner works half-way, closes the page, comes back,
// and finishes; the LMS must accept every value, store "incomplete" while the learner is
// in progress and passed or failed by the counted score once they finish, keep the exit
// (Terminate alone, as a beacon in Moodle), and the second launch must resume exactly.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../engine/course/courseLoader';
import type { Course } from '../../../engine/course/model';
import { percent } from '../../../engine/progress/attempts';
import { scoScopes, scopeModules, scopeQuestions, type ScoScope } from '../../../engine/scorm/scope';
import { launchFile } from '../../../engine/scorm/packageFiles';
import { decodeSuspendData } from '../../../engine/scorm/suspendCodec';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { exportScorm } from '../../../main/services/scormExport';
import { BUDGET_BYTES, BUDGET_FIELDS } from '../../lms/commitBudget';
import { launchChromium, newPage } from './chromium';
import { drive, planFor, type PlanStep } from './scoDriver';
import { extractPackage } from './scormLms';
import { startStrictLms, type Run, type StrictLms } from './strictLms';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const courses = new Map<string, Course>();
let browser: Browser;
let lms: StrictLms;
let work: string;

/** Waits for a condition on the server's side of a run. */
async function serverShows<T>(check: () => T | undefined | false, what: string): Promise<T> {
  const end = Date.now() + 10_000;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`the LMS never showed ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens a launch and returns the SCO's frame once the package is running against the LMS. */
async function open(page: Page, run: string, file: string): Promise<Frame> {
  await page.goto(lms.playerUrl(run, file), { waitUntil: 'domcontentloaded' });
  const frame = (await (await page.waitForSelector('#sco')).contentFrame())!;
  await frame.waitForSelector('.hcs-sco');
  expect(await frame.locator('.hcs-sco-notice').allInnerTexts()).toEqual([]);
  expect(await frame.evaluate(() => document.documentElement.dataset.mode)).toBe('scorm');
  return frame;
}

/** Right or wrong answers chosen so that the learner passes, or fails, on the counted score. */
function answerPlan(course: Course, scope: ScoScope, pass: boolean): (id: string) => boolean {
  const ids = scopeQuestions(course, scope).map((q) => q.question.id);
  return (id) => !pass && ids.indexOf(id) % 2 === 0;
}

/** The verdict and raw score the Studio's own rules give when every question is answered by `wrong`. */
function verdictOf(course: Course, scope: ScoScope, wrong: (id: string) => boolean) {
  const modules = scopeModules(course, scope).map((m) => {
    const qs = scopeQuestions(course, { ...scope, moduleIds: [m.id] });
    const right = qs.filter((q) => !wrong(q.question.id)).length;
    return { questions: qs.length, right, passed: qs.length === 0 || percent(right, qs.length) >= m.masteryScore };
  });
  const questions = modules.reduce((n, m) => n + m.questions, 0);
  const right = modules.reduce((n, m) => n + m.right, 0);
  return { raw: questions ? String(percent(right, questions)) : undefined, verdict: questions ? (modules.every((m) => m.passed) ? 'passed' : 'failed') : undefined };
}

/** Where the learner stops for the day: after about half the steps. */
const halfOf = (plan: PlanStep[]) => Math.max(1, Math.floor(plan.length / 2));

function refusals(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/The LMS (refused|did not accept)/.test(m.text())) seen.push(m.text());
  });
  return seen;
}

async function moodleLearner(page: Page, course: Course, run: string, scope: ScoScope, pass: boolean, pauseHalfWay: boolean): Promise<void> {
  const record = lms.runs.get(run)!;
  const file = launchFile(scope);
  const twelve = record.standard === 'scorm12';
  const refused = refusals(page);
  const tracks = () => record.scos.get(file)?.tracks ?? new Map<string, string>();
  const exits = () => record.scos.get(file)?.posts.filter((p) => p.beacon).length ?? 0;
  const wrong = answerPlan(course, scope, pass);
  const plan = planFor(course, scope, wrong);
  const leave = async (expectedExits: number) => {
    await page.goto('about:blank');
    await serverShows(() => exits() >= expectedExits && tracks().has(twelve ? 'cmi.core.total_time' : 'cmi.total_time'), `${scope.id}: the exit`);
  };

  let frame = await open(page, run, file);
  if (pauseHalfWay) {
    await drive(frame, plan.slice(0, halfOf(plan)));
    await leave(1);
    expect(tracks().get(twelve ? 'cmi.core.lesson_status' : 'cmi.completion_status'), `${scope.id}: in progress`).toBe('incomplete');
    if (twelve) expect(tracks().get('cmi.core.score.raw'), `${scope.id}: no score to turn into a verdict`).toBeUndefined();
    const left = decodeSuspendData(course, scope, tracks().get('cmi.suspend_data') ?? '');
    frame = await open(page, run, file);
    // Back where they were, with everything they did.
    const location = left.ok ? left.progress.location : {};
    const view = location.scenarioId ? `scenario:${location.scenarioId}` : `lesson:${location.lessonId}`;
    expect(await frame.locator(`[data-view="${view}"]`).getAttribute('aria-current')).toBe('page');
    for (const step of plan.slice(0, halfOf(plan))) {
      const state = await frame.locator(`[data-view="${step.view}"] .hcs-sco-nav-state`).innerText();
      expect(state, step.view).toMatch(step.scenario ? /ending found/ : /read to the end/);
    }
    const resumedCommit = await serverShows(() => record.scos.get(file)!.posts.length > 0 && tracks(), 'the first commit of the second launch');
    const resumed = decodeSuspendData(course, scope, resumedCommit.get('cmi.suspend_data') ?? '');
    expect(resumed.ok && resumed.progress.answers).toEqual(left.ok && left.progress.answers);
    expect(resumed.ok && resumed.progress.scenarios).toEqual(left.ok && left.progress.scenarios);
    expect(resumed.ok && resumed.progress.reflections).toEqual(left.ok && left.progress.reflections);
    await drive(frame, plan.slice(halfOf(plan)));
  } else {
    await drive(frame, plan);
  }
  // Leaving at once: the finished state travels with Terminate itself.
  const want = verdictOf(course, scope, wrong);
  await leave(pauseHalfWay ? 2 : 1);
  if (twelve) {
    expect(tracks().get('cmi.core.lesson_status'), scope.id).toBe(want.verdict ?? 'completed');
    expect(tracks().get('cmi.core.score.raw'), scope.id).toBe(want.raw);
  } else {
    expect(tracks().get('cmi.completion_status'), scope.id).toBe('completed');
    expect(tracks().get('cmi.success_status'), scope.id).toBe(want.verdict);
    expect(tracks().get('cmi.score.raw'), scope.id).toBe(want.raw);
  }
  if (want.verdict) expect(want.verdict, `${scope.id}: the learner the test meant`).toBe(pass ? 'passed' : 'failed');
  for (const post of record.scos.get(file)!.posts) {
    expect(post.fields, `${scope.id}: fields`).toBeLessThanOrEqual(BUDGET_FIELDS);
    expect(post.beacon || post.bytes < BUDGET_BYTES, `${scope.id}: bytes`).toBe(true);
    expect(post.dropped, `${scope.id}: fields PHP dropped`).toEqual([]);
  }
  expect(refused, `${scope.id}: values the LMS refused`).toEqual([]);
}

/** The whole suite for one shipped course (a folder name under courses/). */
export function strictLmsSuite(name: string): void {
  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist/scorm-runtime/scorm.js'))) {
      spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs'), 'scorm'], { stdio: 'inherit' });
    }
    work = await mkdtemp(path.join(tmpdir(), 'hcs-strict-lms-'));
    const packages: Record<string, string> = {};
    const root = path.join(repoRoot, 'courses', name);
    const loaded = await loadCourse(createNodePackReader(root));
    if (!loaded.course) throw new Error(`courses/${name} does not load`);
    const course = loaded.course;
    courses.set(name, course);
    const deps = { catalog: { load: async () => course, rootOf: async () => root }, runtimeDir: path.join(repoRoot, 'dist/scorm-runtime'), xsdDir: path.join(repoRoot, 'resources/scorm-xsd') };
    for (const standard of ['scorm12', 'scorm2004'] as const) {
      for (const sco of ['course', 'module'] as const) {
        const pkg = `${name}-${standard}-${sco}`;
        const zip = path.join(work, `${pkg}.zip`);
        await exportScorm({ courseId: course.id, standard, sco, outPath: zip }, deps);
        packages[pkg] = path.join(work, pkg);
        await extractPackage(zip, packages[pkg]!);
      }
    }
    [browser, lms] = await Promise.all([launchChromium(), startStrictLms(packages)]);
  });

  afterAll(async () => {
    await browser?.close();
    await lms?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe(`${name} under Moodle's rules in Chromium`, () => {
    it.each([
      ['scorm12', true],
      ['scorm2004', false],
    ] as const)('%s with one SCO for the course: in progress, resumed, then %s', async (standard, pass) => {
      const course = courses.get(name)!;
      const run = lms.newRun('moodle', standard, `${name}-${standard}-course`);
      const { context, page } = await newPage(browser);
      await moodleLearner(page, course, run, scoScopes(course, 'course')[0]!, pass, true);
      await context.close();
    });

    it.each([
      ['scorm12', false],
      ['scorm2004', true],
    ] as const)('%s with one SCO per module: every module finished, the first after a pause', async (standard, pass) => {
      const course = courses.get(name)!;
      const scopes = scoScopes(course, 'module');
      const mastery = Object.fromEntries(scopes.map((s) => [launchFile(s), course.modules.find((m) => m.id === s.id)!.masteryScore]));
      const run = lms.newRun('moodle', standard, `${name}-${standard}-module`, mastery);
      const { context, page } = await newPage(browser);
      for (const [i, scope] of scopes.entries()) await moodleLearner(page, course, run, scope, pass, i === 0);
      await context.close();
    });
  });

  describe(`${name} under Open edX's XBlock in Chromium`, () => {
    it.each([
      ['scorm12', true],
      ['scorm2004', false],
    ] as const)('%s: waits for the late API, keeps its own interaction count, and the grade is the counted one', async (standard, pass) => {
      const course = courses.get(name)!;
      const scope = scoScopes(course, 'course')[0]!;
      const manifest = await readFile(path.join(work, `${name}-${standard}-course`, 'imsmanifest.xml'), 'utf8');
      const file = /<resource\b[^>]*\bhref="([^"]+)"/.exec(manifest)![1]!;
      const run = lms.newRun('xblock', standard, `${name}-${standard}-course`);
      const block: Run['xblock'] = lms.runs.get(run)!.xblock;
      const wrong = answerPlan(course, scope, pass);
      const plan = planFor(course, scope, wrong);
      const { context, page } = await newPage(browser);
      const refused = refusals(page);

      await page.goto(lms.playerUrl(run, file), { waitUntil: 'domcontentloaded' });
      const frame = (await (await page.waitForSelector('#sco')).contentFrame())!;
      await frame.getByText('Connecting to your LMS…').waitFor();
      await frame.waitForSelector('.hcs-sco');
      expect(await frame.evaluate(() => document.documentElement.dataset.mode)).toBe('scorm');
      await drive(frame, plan.slice(0, halfOf(plan)));
      await serverShows(() => block.lessonStatus === 'incomplete', 'the learner in progress');
      await page.goto('about:blank');
      expect(block.grades.filter((g) => g > 0)).toEqual([]);

      const again = await open(page, run, file);
      await drive(again, plan.slice(halfOf(plan)));
      const want = verdictOf(course, scope, wrong);
      await serverShows(() => block.lessonStatus === 'completed' && block.successStatus === want.verdict, `the learner ${want.verdict}`);
      await page.goto('about:blank');
      const ids = Object.keys(block.scormData).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).map((k) => block.scormData[k]);
      expect(new Set(ids).size, 'interactions overwritten').toBe(ids.length);
      expect(block.grade).toBe(pass ? Number(want.raw) / 100 : 0);
      expect(block.refused).toEqual([]);
      expect(refused).toEqual([]);
      await context.close();
    });
  });
}
