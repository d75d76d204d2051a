// Every Studio API method probed through both doors the real back end has, browser
// mode's HTTP route and the desktop's IPC handler, with each argument in turn replaced by
// a wrong type, a huge value or one nested thousands deep, and with wrong argument
// lists and bodies. Every probe must be refused with one sentence (never a 500, a reset
// connection, a stack trace or an exception), saving must still work afterwards, and
// what the back end answers must be what is on disk.

import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { STUDIO_API_METHODS, channelOf, type ApiResult, type Learner, type StudioApi, type StudioApiMethod } from '../../engine/api/studioApi';
import { argumentNames } from '../../engine/api/validators';
import { registerIpcHandlers } from '../../main/ipc';
import { ProgressStore } from '../../main/services/progressStore';
import { checkoutPaths, openStudio, type Studio } from '../../main/studio';
import { serve, type RunningServer } from '../../main/web/server';
import { reportLoop } from '../robustnessReport';
import { tempDir } from './tempDir';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = 'probe-token-0123456789abcdef';

let studio: Studio;
let api: StudioApi;
let server: RunningServer;
let dataDir: string;
let learner: Learner;
const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<ApiResult<unknown>>>();

beforeAll(async () => {
  const root = await tempDir('hcs-probe-');
  dataDir = path.join(root, 'data');
  const paths = { ...checkoutPaths(ROOT), rendererDir: path.join(root, 'renderer'), courseRoots: [path.join(ROOT, 'courses/sample')] };
  await mkdir(paths.rendererDir, { recursive: true });
  await writeFile(path.join(paths.rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
  studio = await openStudio({
    paths,
    dataDir,
    environment: { mode: 'browser', platform: 'web', version: '0.0.0' },
    assetBase: (id) => `/course/${id}/`,
    chooseExportPath: async (request) => path.join(root, 'exports', `${request.courseId}.zip`),
    recordWriter: async (record) => ({ htmlPath: path.join(root, 'records', `${record.baseName}.html`) }),
    log: () => undefined,
  });
  server = await serve({ sessions: studio.sessions, rendererDir: paths.rendererDir, courseRoot: (id) => studio.catalog.rootOf(id), token: TOKEN, port: 0 });
  registerIpcHandlers({ handle: vi.fn((channel: string, handler: never) => void ipcHandlers.set(channel, handler)) } as never, studio.sessions);
  api = studio.sessions.forSession('probe-session-0123456789');
  const created = await api.createLearner('Asha');
  if (!created.ok) throw new Error(created.error.message);
  learner = created.value;
  await api.recordEvent(learner.id, 'hc-sample', { type: 'lesson.visited', lessonId: 'wihc-creating-health' });
}, 60_000);

afterAll(async () => {
  studio?.packs.close();
  await server?.close();
});

/** A value nested `depth` lists deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A probe: the value to put in an argument's place, and its JSON text when JSON.stringify could not write it. */
interface Probe {
  name: string;
  value: unknown;
  json?: string;
  /** Values JSON cannot carry reach only the IPC door. */
  ipcOnly?: boolean;
}

/** Probes no field of any argument accepts, put in the place of each field of an object argument in turn. */
const FIELD_PROBES = (): Probe[] => PROBES.filter((p) => !['a number', 'a negative number', 'true', 'an empty list', 'a list of strings', 'an empty object'].includes(p.name));

const PROBES: Probe[] = [
  { name: 'a number', value: 42 },
  { name: 'a negative number', value: -1 },
  { name: 'true', value: true },
  { name: 'null', value: null },
  { name: 'an empty object', value: {} },
  { name: 'an empty list', value: [] },
  { name: 'a list of strings', value: ['a', 'b'] },
  { name: 'an object with __proto__', value: JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') },
  { name: 'a text of 200,000 characters', value: 'x'.repeat(200_000) },
  { name: 'a text of 3 MB', value: 'y'.repeat(3 * 1024 * 1024) },
  { name: 'a list of 50,000 items', value: Array.from({ length: 50_000 }, (_, i) => i) },
  { name: 'an object of 20,000 keys', value: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])) },
  { name: 'lists nested 10,000 deep', value: undefined, json: `${'['.repeat(10_000)}1${']'.repeat(10_000)}` },
  { name: 'objects nested 2,000 deep', value: undefined, json: `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}` },
  { name: 'NaN', value: Number.NaN, ipcOnly: true },
  { name: 'Infinity', value: Number.POSITIVE_INFINITY, ipcOnly: true },
  { name: 'a Map', value: new Map([['a', 1]]), ipcOnly: true },
  { name: 'a Date', value: new Date(0), ipcOnly: true },
  { name: 'a value nested 10,000 deep', value: nested(10_000), ipcOnly: true },
];

/** Valid arguments of every method, each of which a probe replaces in turn. */
function validArgs(method: StudioApiMethod): unknown[] {
  const valid: Record<string, unknown> = {
    courseId: 'hc-sample',
    name: 'Ben',
    learnerId: learner.id,
    // A scenario choice: the event with the most fields, the snapshot among them.
    event: {
      type: 'scenario.chose',
      scenarioId: 'hcp-what-matters',
      choiceId: 'ask',
      nodeId: 'listening',
      snapshot: { status: 'active', value: 'listening', context: { vars: { control: 4, contact: 2, confidence: 3, trust: 2 }, path: ['ask'] } },
    },
    state: { tabs: [], sideBarView: 'courses', sideBarVisible: true, panelVisible: false, theme: 'system', zoom: 1 },
    query: 'control',
    file: 'modules/health-creating-practice/what-matters.scenario.yaml',
    revision: 0,
    request: { courseId: 'hc-sample', standard: 'scorm2004', sco: 'module' },
    jobId: 'no-such-job',
    pin: '1234',
    change: { currentPin: '1234', newPin: '5678' },
    confirmation: { name: 'Asha', pin: '1234' },
  };
  return argumentNames(method).map((name) => valid[name]);
}

/** Posts a raw body to the API; resolves with the status and parsed result, or the transport failure. */
function post(method: string, body: string): Promise<{ status: number; result?: ApiResult<unknown>; failure?: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: 'POST', headers: { 'content-type': 'application/json', 'x-hcs-token': TOKEN, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, result: JSON.parse(text) as ApiResult<unknown> });
          } catch {
            resolve({ status: res.statusCode ?? 0, failure: `not JSON: ${text.slice(0, 80)}` });
          }
        });
      },
    );
    req.on('error', (error) => resolve({ status: 0, failure: error.message }));
    req.end(body);
  });
}

/** Why a refusal is not what the learner should see, or undefined when it is one plain sentence. */
function badRefusal(result: ApiResult<unknown> | undefined): string | undefined {
  if (!result) return 'no result';
  if (result.ok) return 'accepted';
  const { message } = result.error;
  if (!/^[^\n]{10,600}\.$/.test(message)) return `not one sentence: ${message.slice(0, 120)}`;
  if (/\bat [\w.]+ \(|Error:|ENOENT|EACCES|\[object |undefined/.test(message)) return `a raw error: ${message.slice(0, 120)}`;
  if (result.error.code === 'internal') return `an internal error: ${message}`;
  return undefined;
}

test('every method refuses wrong types, huge and deeply nested values through HTTP and IPC, in a sentence, and saving still works', async () => {
  const failures: string[] = [];
  let tried = 0;
  const fromApp = { senderFrame: { url: 'hcs://app/index.html' } };
  for (const method of STUDIO_API_METHODS) {
    const names = argumentNames(method);
    const args = validArgs(method);
    // Wrong argument lists: one too many, one too few, and not a list at all.
    const lists: Array<[string, string]> = [
      ['an extra argument', JSON.stringify([...args, 'extra'])],
      ...(args.length > 0 ? [['a missing argument', JSON.stringify(args.slice(0, -1))] as [string, string]] : []),
      ['an object instead of a list', JSON.stringify({ 0: args[0] })],
      ['a bare string', JSON.stringify('x')],
    ];
    for (const [what, body] of lists) {
      tried++;
      const res = await post(method, body);
      const why = res.failure ?? (res.status >= 500 ? `status ${res.status}` : badRefusal(res.result));
      if (why) failures.push(`HTTP ${method} with ${what}: ${why}`);
    }
    for (const [i, name] of names.entries()) {
      for (const probe of PROBES) {
        // A whole number is a valid value of a number argument (a revision), not a wrong one.
        if (typeof args[i] === 'number' && Number.isSafeInteger(probe.value) && (probe.value as number) >= 0) continue;
        if (!probe.ipcOnly) {
          tried++;
          const parts = args.map((a, j) => (j === i ? (probe.json ?? JSON.stringify(probe.value)) : JSON.stringify(a)));
          const res = await post(method, `[${parts.join(',')}]`);
          const why = res.failure ?? (res.status >= 500 ? `status ${res.status}` : badRefusal(res.result));
          if (why) failures.push(`HTTP ${method}(${name} = ${probe.name}): ${why}`);
        }
        tried++;
        const value = probe.json ? JSON.parse(probe.json) : probe.value;
        try {
          const result = await ipcHandlers.get(channelOf(method))!(fromApp, ...args.map((a, j) => (j === i ? value : a)));
          const why = badRefusal(result);
          if (why) failures.push(`IPC ${method}(${name} = ${probe.name}): ${why}`);
        } catch (error) {
          failures.push(`IPC ${method}(${name} = ${probe.name}) threw ${String(error)}`);
        }
      }
      // Inside an object argument: each field in turn.
      const arg = args[i];
      if (typeof arg !== 'object' || arg === null) continue;
      for (const field of Object.keys(arg)) {
        for (const probe of FIELD_PROBES()) {
          const where = `${name}.${field} = ${probe.name}`;
          if (!probe.ipcOnly) {
            tried++;
            const marker = '"__PROBE__"';
            const withMarker = JSON.stringify(args.map((a, j) => (j === i ? { ...(a as object), [field]: '__PROBE__' } : a)));
            const res = await post(method, withMarker.replace(marker, probe.json ?? JSON.stringify(probe.value)));
            const why = res.failure ?? (res.status >= 500 ? `status ${res.status}` : badRefusal(res.result));
            if (why) failures.push(`HTTP ${method}(${where}): ${why}`);
          }
          tried++;
          const value = probe.json ? JSON.parse(probe.json) : probe.value;
          try {
            const result = await ipcHandlers.get(channelOf(method))!(fromApp, ...args.map((a, j) => (j === i ? { ...(a as object), [field]: value } : a)));
            const why = badRefusal(result);
            if (why) failures.push(`IPC ${method}(${where}): ${why}`);
          } catch (error) {
            failures.push(`IPC ${method}(${where}) threw ${String(error)}`);
          }
        }
      }
    }
  }

  // Saving still works, and what the back end answers is what is on disk.
  const ben = await api.createLearner('Ben');
  const saved = await api.recordEvent(learner.id, 'hc-sample', { type: 'time.spent', seconds: 30, lessonId: 'wihc-creating-health' });
  if (!ben.ok || !saved.ok) failures.push(`saving after the probes failed: ${JSON.stringify([ben, saved]).slice(0, 200)}`);
  const onDisk = await ProgressStore.open({ dir: dataDir });
  const answered = await api.listLearners();
  const progress = await api.getProgress(learner.id, 'hc-sample');
  let lost = 0;
  if (!answered.ok || JSON.stringify(onDisk.listLearners()) !== JSON.stringify(answered.value)) lost++;
  if (!progress.ok || JSON.stringify(onDisk.getProgress(learner.id, 'hc-sample')) !== JSON.stringify(progress.value)) lost++;
  if (({} as Record<string, unknown>).polluted !== undefined) failures.push('Object.prototype was polluted');
  expect(answered.ok && answered.value.learners.map((l) => l.name)).toEqual(['Asha', 'Ben']);

  reportLoop({ loop: 'Studio API probe', tried, failed: failures.length, lost, detail: `${STUDIO_API_METHODS.length} methods, HTTP and IPC` });
  expect(failures).toEqual([]);
  expect(lost, 'what the back end answers is what is on disk').toBe(0);
}, 180_000);
