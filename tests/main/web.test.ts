import { mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, CourseEntry, Learner, OpenedCourse } from '../../engine/api/studioApi';
import { exportPathIn, parseWebArgs, runWebCli, startWebServer, type WebServer } from '../../main/web';
import { tempDir } from './tempDir';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = 'fixed-token-for-tests-0123';
const servers: WebServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Browser mode over the shipped courses, with its own data folder and a stand-in renderer build. */
async function start(): Promise<WebServer & { dataDir: string }> {
  const root = await tempDir();
  await mkdir(path.join(root, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Health Creation Studio</title>');
  const server = await startWebServer({
    root,
    port: 0,
    token: TOKEN,
    dataDir: path.join(root, 'data'),
    courses: [path.join(repoRoot, 'courses')],
  });
  servers.push(server);
  return Object.assign(server, { dataDir: path.join(root, 'data') });
}

async function call<T>(server: WebServer, method: string, args: unknown[], token: string | null = TOKEN): Promise<{ status: number; result: ApiResult<T> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers['x-hcs-token'] = token;
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args) });
  return { status: res.status, result: (await res.json()) as ApiResult<T> };
}

function rawGet(port: number, rawPath: string, cookie?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: rawPath, headers: cookie ? { cookie } : {} }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('browser mode', () => {
  it('refuses a 20 KB event nested 10,000 deep in a sentence, and every later change is still saved', async () => {
    const server = await start();
    const learner = await call<Learner>(server, 'createLearner', ['Asha']);
    const id = learner.result.ok ? learner.result.value.id : '';
    // Written as text: the value is too deep for JSON.stringify, which is the point.
    const deep = `${'['.repeat(10_000)}"waiting-room"${']'.repeat(10_000)}`;
    const event = `{"type":"scenario.chose","scenarioId":"hcp-what-matters","choiceId":"ask","nodeId":"listening","snapshot":{"status":"active","value":${deep},"context":{"vars":{},"path":[]}}}`;
    const body = `[${JSON.stringify(id)},"hc-undergraduate",${event}]`;
    expect(body.length).toBeGreaterThan(20_000);
    const refused = await fetch(`http://127.0.0.1:${server.port}/api/recordEvent`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hcs-token': TOKEN }, body });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ ok: false, error: { code: 'invalid-argument', message: `The argument event.snapshot.value${'[0]'.repeat(14)} of recordEvent is nested more than 16 levels deep.` } });

    const visited = await call(server, 'recordEvent', [id, 'hc-undergraduate', { type: 'lesson.visited', lessonId: 'm5-case-studies' }]);
    expect(visited.result.ok).toBe(true);
    expect((await call(server, 'createLearner', ['Ben'])).result.ok).toBe(true);
    const onDisk = JSON.parse(await readFile(path.join(server.dataDir, 'progress.json'), 'utf8'));
    expect(onDisk.learners.map((l: Learner) => l.name)).toEqual(['Asha', 'Ben']);
    expect(onDisk.progress[id]['hc-undergraduate'].lessons['m5-case-studies'].visited).toBe(true);
    expect(onDisk.progress[id]['hc-undergraduate'].scenarios).toEqual({});
  });

  it('gives the address to open on 127.0.0.1 with the access token in it', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Health Creation Studio</title>');
    expect(page.headers.get('set-cookie')).toContain(`hcs_token_${server.port}=${TOKEN}`);
  });

  it('runs the Studio API over the shipped courses: environment, courses, learners, progress', async () => {
    const server = await start();
    expect((await call(server, 'getEnvironment', [])).result).toMatchObject({ ok: true, value: { mode: 'browser', platform: 'web', notices: [] } });
    const courses = await call<CourseEntry[]>(server, 'listCourses', []);
    expect(courses.result.ok).toBe(true);
    const entries = courses.result.ok ? courses.result.value : [];
    expect(entries.length).toBeGreaterThan(0);
    const first = entries.find((c) => c.status === 'ok')!;
    const opened = await call<OpenedCourse>(server, 'openCourse', [first.id]);
    expect(opened.result).toMatchObject({ ok: true, value: { assetBase: `/course/${first.id}/`, course: { id: first.id } } });

    const learner = await call<Learner>(server, 'createLearner', ['Asha']);
    expect(learner.result).toMatchObject({ ok: true, value: { name: 'Asha' } });
    const id = learner.result.ok ? learner.result.value.id : '';
    const course = opened.result.ok ? opened.result.value.course : undefined;
    const lessonId = course!.modules[0]!.lessons[0]!.id;
    const recorded = await call(server, 'recordEvent', [id, first.id, { type: 'lesson.visited', lessonId }]);
    expect(recorded.result).toMatchObject({ ok: true, value: { courseId: first.id, lessons: { [lessonId]: { visited: true } } } });
    expect((await call(server, 'getProgress', [id, first.id])).result).toEqual(recorded.result);
  });

  it('tells the learner through getEnvironment when the progress file had to be set aside', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'data'), { recursive: true });
    await writeFile(path.join(root, 'data', 'progress.json'), '\0\0\0\0');
    const server = await startWebServer({ root, port: 0, token: TOKEN, dataDir: path.join(root, 'data'), courses: [path.join(repoRoot, 'courses')] });
    servers.push(server);
    const env = await call<{ notices: Array<{ message: string }> }>(server, 'getEnvironment', []);
    expect(env.result.ok && env.result.value.notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/^Your progress file could not be read \(it held NUL bytes instead of text\), so it was kept as .*progress\.corrupt-.*\.json and the app started fresh\.$/),
    ]);
  });

  it('requires the access token on API calls', async () => {
    const server = await start();
    const res = await call(server, 'listLearners', [], null);
    expect(res.status).toBe(401);
    expect(res.result).toMatchObject({ ok: false, error: { code: 'no-token' } });
  });

  it('refuses media paths that climb out of a course', async () => {
    const server = await start();
    const courses = await call<CourseEntry[]>(server, 'listCourses', []);
    const id = courses.result.ok ? courses.result.value[0]!.id : 'x';
    const cookie = `hcs_token_${server.port}=${TOKEN}`;
    for (const climb of [`/course/${id}/../../package.json`, `/course/${id}/%2e%2e/%2e%2e/package.json`, `/course/${id}/..%2f..%2fpackage.json`]) {
      const res = await rawGet(server.port, climb, cookie);
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('"name"');
    }
    expect((await rawGet(server.port, '/course/health-creation-pg/modules/pg-evidence/media/renal-figure-chain.svg', cookie)).status).toBe(200);
    // The pack's own text is read through the Studio API, never served as a file.
    expect((await rawGet(server.port, `/course/${id}/course.yaml`, cookie)).status).toBe(403);
  });
});

describe('browser mode command line', () => {
  it('prints exactly one line, the address with the token', async () => {
    const root = await tempDir();
    const lines: string[] = [];
    const { code, server } = await runWebCli(['--port', '0', '--data-dir', path.join(root, 'data'), '--courses', path.join(repoRoot, 'courses'), '--token', TOKEN], {
      log: (l) => lines.push(l),
      error: (l) => lines.push(l),
    });
    servers.push(server!);
    expect(code).toBe(0);
    expect(lines).toEqual([`Health Creation Studio is running; open http://127.0.0.1:${server!.port}/?token=${TOKEN}`]);
  });

  it('says in one line when the port is taken', async () => {
    const first = await start();
    const lines: string[] = [];
    const { code } = await runWebCli(['--port', String(first.port), '--data-dir', path.join(await tempDir(), 'd')], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines).toEqual([`Health Creation Studio: port ${first.port} is already in use; choose another with --port.`]);
  });

  it.each([
    [['--port', 'eighty'], 'The port must be a whole number from 0 to 65535, not "eighty".'],
    [['--port'], /^The option --port needs a value/],
    [['--token', 'short'], 'The token must be 16 to 200 letters, digits, hyphens or underscores.'],
    [['--verbose'], /^Unknown option "--verbose"/],
  ])('refuses %j with a sentence', (argv, message) => {
    const parsed = parseWebArgs(argv);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(message);
  });

  it('reads every option, including several course folders', () => {
    expect(parseWebArgs(['--port=8123', '--data-dir', '/d', '--courses', '/a', '--courses', '/b', '--token', TOKEN])).toEqual({
      port: 8123,
      dataDir: '/d',
      courses: ['/a', '/b'],
      token: TOKEN,
    });
  });
});

describe('browser mode exports', () => {
  const request = { courseId: 'ug', standard: 'scorm12' as const, sco: 'module' as const };

  it('go to the exports folder under the course id and standard by default', () => {
    expect(exportPathIn('/data/exports', request)).toBe(path.join('/data/exports', 'ug-scorm12.zip'));
  });

  it('keep a requested file name but never its folder', () => {
    expect(exportPathIn('/data/exports', { ...request, outPath: '/home/asha/Desktop/ug for moodle.zip' })).toBe(path.join('/data/exports', 'ug for moodle.zip'));
    expect(exportPathIn('/data/exports', { ...request, outPath: '../../.bashrc' })).toBe(path.join('/data/exports', 'ug-scorm12.zip'));
    expect(exportPathIn('/data/exports', { ...request, outPath: 'C:\\Users\\asha\\notes.txt' })).toBe(path.join('/data/exports', 'ug-scorm12.zip'));
  });

  it.each(['con.zip', 'CON.zip', 'nul.zip', 'Aux.zip', 'prn.zip', 'com1.zip', 'LPT9.zip', 'con.backup.zip'])(
    'never take the name %s, which Windows cannot create or open',
    (name) => {
      expect(exportPathIn('/data/exports', { ...request, outPath: name })).toBe(path.join('/data/exports', 'ug-scorm12.zip'));
    },
  );

  it('keep a name that only starts like a reserved one', () => {
    expect(exportPathIn('/data/exports', { ...request, outPath: 'console.zip' })).toBe(path.join('/data/exports', 'console.zip'));
    expect(exportPathIn('/data/exports', { ...request, outPath: 'com10.zip' })).toBe(path.join('/data/exports', 'com10.zip'));
  });
});
