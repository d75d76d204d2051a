// A stand-in LMS for exported packages: a loopback HTTP server that serves extracted
// packages and an LMS page built on scorm-again (window.API or window.API_1484_11),
// which launches a SCO in a frame, nested frames or a popup. The page records every
// SetValue and keeps, like a real LMS, only what a successful Commit or Terminate saved.

import { createServer, type Server } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import type { Course, Scenario } from '../../../engine/course/model';
import { distances } from '../../lms/playThrough';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Content types of the files a package holds. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.png': 'image/png',
};

const LMS_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/vendor/scorm12.js"></script><script src="/vendor/scorm2004.js"></script></head>
<body><h1>Test LMS</h1>
<script>
window.lms = {
  start(standard, opts) {
    const twelve = standard === 'scorm12';
    const api = twelve ? new Scorm12API({ autocommit: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, logLevel: 5 });
    if (opts.stored) api.loadFromJSON(opts.stored, 'cmi');
    Object.assign(this, { api, standard, commits: 0, finishes: 0, failCommits: !!opts.failCommits, sets: {}, saved: undefined, initialized: 0 });
    const wrap = (name, fn) => { const real = api[name].bind(api); api[name] = (...args) => fn(real, ...args); };
    const save = () => { this.saved = JSON.parse(JSON.stringify(api.renderCommitCMI(true))); };
    wrap(twelve ? 'LMSInitialize' : 'Initialize', (real, p) => { this.initialized++; return real(p); });
    wrap(twelve ? 'LMSSetValue' : 'SetValue', (real, k, v) => { this.sets[k] = v; return real(k, v); });
    wrap(twelve ? 'LMSCommit' : 'Commit', (real, p) => {
      this.commits++;
      if (this.failCommits) return 'false';
      const r = real(p);
      save();
      return r;
    });
    wrap(twelve ? 'LMSFinish' : 'Terminate', (real, p) => { this.finishes++; const r = real(p); save(); return r; });
    window[twelve ? 'API' : 'API_1484_11'] = api;
    if (opts.popup) { this.popup = window.open(opts.src, 'sco'); return; }
    const frame = document.createElement('iframe');
    frame.id = 'sco';
    frame.src = opts.src;
    frame.style.cssText = 'width:100%;height:900px';
    document.body.append(frame);
  },
  close() {
    if (this.popup) this.popup.close(); else document.getElementById('sco').src = 'about:blank';
  },
};
</script></body></html>`;

/** A running LMS server. */
export interface TestLms {
  url: string;
  close(): Promise<void>;
}

/** Serves the LMS page, scorm-again and the package folders under /pkg/<name>/. */
export async function startLms(packages: Record<string, string>): Promise<TestLms> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: string | Uint8Array, type = 'text/plain') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.pathname === '/favicon.ico') return send(204, '');
      if (url.pathname === '/lms.html') return send(200, LMS_PAGE, TYPES['.html']);
      if (url.pathname === '/nest.html') {
        const src = url.searchParams.get('src') ?? '';
        return send(200, `<!DOCTYPE html><title>Frame</title><iframe id="inner" src="${src.replace(/"/g, '&quot;')}" style="width:100%;height:880px"></iframe>`, TYPES['.html']);
      }
      const vendor = /^\/vendor\/(scorm12|scorm2004)\.js$/.exec(url.pathname);
      if (vendor) return send(200, await readFile(path.join(repoRoot, `node_modules/scorm-again/dist/${vendor[1]}.js`)), TYPES['.js']);
      const file = await packageFile(packages, url.pathname);
      if (file) return send(200, file.body, file.type);
      send(404, 'not found');
    } catch {
      send(404, 'not found');
    }
  });
  return { url: await listenOnLoopback(server), close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A file of an extracted package at `/pkg/<name>/<path>`, with its type; undefined for any other path. */
export async function packageFile(packages: Record<string, string>, pathname: string): Promise<{ body: Uint8Array; type: string } | undefined> {
  const pkg = /^\/pkg\/([^/]+)\/(.+)$/.exec(pathname);
  const dir = pkg && packages[pkg[1]!];
  if (!dir || pkg[2]!.split('/').includes('..')) return undefined;
  const file = path.join(dir, ...decodeURIComponent(pkg[2]!).split('/'));
  return { body: await readFile(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

/** Starts a server on a free loopback port; returns its base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** Unzips a package into a folder, as an LMS does on import. */
export async function extractPackage(zip: string, dir: string): Promise<void> {
  const files = unzipSync(new Uint8Array(await readFile(zip)));
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    const target = path.join(dir, ...name.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
  }
}

/** Options of one launch. */
export interface LaunchOptions {
  src: string;
  stored?: unknown;
  failCommits?: boolean;
  popup?: boolean;
}

/** Starts the LMS page's API and launches a SCO. */
export async function launch(page: Page, lms: TestLms, standard: 'scorm12' | 'scorm2004', options: LaunchOptions): Promise<void> {
  await page.goto(`${lms.url}/lms.html`);
  await page.evaluate(([s, o]) => (window as unknown as { lms: { start(s: string, o: unknown): void } }).lms.start(s, o), [standard, options] as const);
}

/** What the LMS page knows: calls counted, values set, and the CMI last saved. */
export interface LmsState {
  commits: number;
  finishes: number;
  initialized: number;
  sets: Record<string, string>;
  saved?: { cmi: Record<string, unknown> };
}

/** Reads the LMS page's state. */
export function lmsState(page: Page): Promise<LmsState> {
  return page.evaluate(() => {
    const l = (window as unknown as { lms: LmsState }).lms;
    return { commits: l.commits, finishes: l.finishes, initialized: l.initialized, sets: l.sets, saved: l.saved };
  });
}

/** Answers every question of a lesson rightly through the player. */
export async function answerRightly(sco: FrameLocator | Frame | Page, course: Course, lessonId: string): Promise<number> {
  const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId)!;
  let answered = 0;
  for (const block of lesson.blocks) {
    if (block.kind !== 'quiz') continue;
    for (const q of block.quiz.questions) {
      const form = sco.locator(`form[data-question-id="${q.id}"]`);
      for (const o of q.options.filter((x) => x.correct)) await form.locator(`[data-option-id="${o.id}"] label`).click();
      await form.getByRole('button', { name: 'Check answer' }).click();
      await form.locator('[data-outcome="right"]').waitFor();
      answered++;
    }
  }
  return answered;
}

/** Makes `steps` choices (or plays to an ending), each the open choice nearest an ending; returns the choice ids. */
export async function playScenario(sco: FrameLocator | Frame | Page, scenario: Scenario, steps = Infinity): Promise<string[]> {
  const dist = distances(scenario);
  const made: string[] = [];
  for (let i = 0; i < steps; i++) {
    const nodeId = await sco.locator('.hcs-story').getAttribute('data-node-id');
    const node = scenario.nodes[nodeId ?? ''];
    if (!node || node.ending) break;
    const open = await sco.locator('.hcs-choice').evaluateAll((els) => els.map((e) => e.getAttribute('data-choice-id') ?? ''));
    const best = node.choices.filter((c) => open.includes(c.id)).sort((a, b) => (dist.get(a.to) ?? 99) - (dist.get(b.to) ?? 99))[0]!;
    await sco.locator(`.hcs-choice[data-choice-id="${best.id}"]`).click();
    await sco.locator(`.hcs-story[data-node-id="${best.to}"]`).waitFor();
    made.push(best.id);
  }
  return made;
}
