// The test LMS server for real Chromium: serves extracted packages and a player page
// per launch (Moodle's rules or Open edX's XBlock, tests/lms), and keeps, per run and
// SCO, what a real server would: Moodle's tracks, stored as datamodel.php stores the
// posts it receives (PHP's max_input_vars applied, the body measured, beacons told
// apart), and the XBlock's state. Launch data for the next launch comes from them.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { LmsConfig } from '../../lms/browser/strictLmsPage';
import { launch12, launch2004 } from '../../lms/moodle/launchData';
import { PHP_MAX_INPUT_VARS, storeTracks, type Fields } from '../../lms/moodle/transport';
import { XBlockState } from '../../lms/openedx/xblock';
import { listenOnLoopback, packageFile, TYPES } from './scormLms';

const here = path.dirname(fileURLToPath(import.meta.url));

/** One post Moodle's player made, as the server received it. */
export interface ReceivedPost {
  beacon: boolean;
  bytes: number;
  fields: number;
  dropped: string[];
}

/** What the server keeps for one SCO of one run. */
export interface ScoRecord {
  tracks: Map<string, string>;
  posts: ReceivedPost[];
}

/** A learner's record in one LMS: Moodle's tracks per SCO, or one XBlock. */
export interface Run {
  kind: 'moodle' | 'xblock';
  standard: 'scorm12' | 'scorm2004';
  /** Package folder name under /pkg/. */
  pkg: string;
  scos: Map<string, ScoRecord>;
  xblock: XBlockState;
  /** adlcp:masteryscore by launch file, for SCORM 1.2. */
  mastery: Record<string, number>;
}

/** The running server. */
export interface StrictLms {
  url: string;
  runs: Map<string, Run>;
  /** Starts a learner's record; returns its id. */
  newRun(kind: Run['kind'], standard: Run['standard'], pkg: string, mastery?: Record<string, number>): string;
  /** The player page URL for a launch of `sco` (a launch file) in a run. */
  playerUrl(run: string, sco: string): string;
  close(): Promise<void>;
}

/** Bundles the LMS side of the pages (tests/lms/browser/strictLmsPage.ts). */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, '../../lms/browser/strictLmsPage.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The fields of a URL-encoded or multipart body, in order. */
function parseFields(req: IncomingMessage, raw: Buffer): Fields {
  const type = req.headers['content-type'] ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!boundary) return [...new URLSearchParams(raw.toString('utf8'))];
  const text = raw.toString('utf8');
  const out: Fields = [];
  for (const part of text.split(`--${boundary[1] ?? boundary[2]}`)) {
    const m = /name="([^"]*)"\r\n\r\n([\s\S]*)\r\n$/.exec(part);
    if (m) out.push([m[1]!, m[2]!]);
  }
  return out;
}

/** Starts the server over the extracted packages (folder by name). */
export async function startStrictLms(packages: Record<string, string>): Promise<StrictLms> {
  const script = await bundle();
  const runs = new Map<string, Run>();
  let next = 0;
  const sco = (run: Run, file: string): ScoRecord => {
    let record = run.scos.get(file);
    if (!record) run.scos.set(file, (record = { tracks: new Map(), posts: [] }));
    return record;
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Package files may be cached, as an LMS lets them be; the pages and answers may not.
    const send = (status: number, text: string | Uint8Array, type = 'text/plain', cache = 'no-store') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': cache });
      res.end(text);
    };
    try {
      const run = runs.get(url.searchParams.get('run') ?? '');
      if (url.pathname === '/lms.js') return send(200, script, TYPES['.js'], 'max-age=3600');
      if (url.pathname === '/player' && run) {
        const file = url.searchParams.get('sco') ?? '';
        const src = `/pkg/${run.pkg}/${file}`;
        const postUrl = run.kind === 'moodle' ? `/moodle/datamodel.php?run=${url.searchParams.get('run')}&sco=${encodeURIComponent(file)}` : `/xblock/set_values?run=${url.searchParams.get('run')}`;
        const tracks = sco(run, file).tracks;
        const config: LmsConfig =
          run.kind === 'xblock'
            ? { kind: 'xblock', standard: run.standard, scormData: { ...run.xblock.scormData }, src, postUrl, apiDelayMs: 1200 }
            : run.standard === 'scorm12'
              ? { kind: 'moodle', standard: 'scorm12', launch: launch12(tracks, run.mastery[file]), src, postUrl }
              : { kind: 'moodle', standard: 'scorm2004', launch: launch2004(tracks), src, postUrl };
        const json = JSON.stringify(config).replace(/</g, '\\u003c');
        return send(200, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title></head><body><h1>Test LMS</h1><script>window.lmsConfig = ${json};</script><script src="/lms.js"></script></body></html>`, TYPES['.html']);
      }
      if (url.pathname === '/moodle/datamodel.php' && req.method === 'POST' && run) {
        const raw = await body(req);
        const fields = parseFields(req, raw).filter(([k]) => k !== 'unloading');
        const kept = fields.slice(0, PHP_MAX_INPUT_VARS);
        const record = sco(run, url.searchParams.get('sco') ?? '');
        record.posts.push({ beacon: url.searchParams.get('api') === 'beacon', bytes: raw.byteLength, fields: fields.length, dropped: fields.slice(PHP_MAX_INPUT_VARS).map(([k]) => k) });
        storeTracks(record.tracks, kept);
        return send(200, 'true\n0');
      }
      if (url.pathname === '/xblock/set_values' && req.method === 'POST' && run) {
        const values = JSON.parse((await body(req)).toString('utf8')) as { name: string; value: string }[];
        for (const { name, value } of values) run.xblock.setValue(name, value);
        return send(200, JSON.stringify(values.map(() => ({ result: 'success' }))), 'application/json');
      }
      const file = await packageFile(packages, url.pathname);
      if (file) return send(200, file.body, file.type, 'max-age=3600');
      send(404, 'not found');
    } catch {
      send(404, 'not found');
    }
  });
  const base = await listenOnLoopback(server);
  return {
    url: base,
    runs,
    newRun(kind, standard, pkg, mastery = {}) {
      const id = `run${++next}`;
      runs.set(id, { kind, standard, pkg, scos: new Map(), xblock: new XBlockState(), mastery });
      return id;
    },
    playerUrl: (run, file) => `${base}/player?run=${run}&sco=${encodeURIComponent(file)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
