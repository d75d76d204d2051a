// Browser mode: `npm run web -- --port N` serves the workbench and the Studio API on
// 127.0.0.1 and prints one line with the address to open, access token included. It
// runs the same services as the desktop app, so the workbench can be used (and
// tested in real Chromium) wherever Electron cannot run.

import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import packageJson from '../package.json';
import type { ExportRequest } from '../engine/api/studioApi';
import { checkoutPaths, openStudio } from './studio';
import { userDataDir } from './userData';
import { createRecordPages } from './web/recordPages';
import { serve } from './web/server';

/** How to start browser mode; every field has a default. */
export interface WebServerOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Folder of the progress file; defaults to a browser-mode folder in the user-data folder. */
  dataDir?: string;
  /** Course folders (each a pack or a folder of packs); defaults to the shipped courses. */
  courses?: string[];
  /** Course folders among `courses` that stay as shipped (read-only, with Save a Copy), as an installed app's are. */
  readOnlyCourses?: string[];
  /**
   * The documents folder whose "Health Creation Studio/Courses" holds the courses made
   * with New Course and Save a Copy; defaults to Documents in the home folder.
   */
  documents?: string;
  /** Fixed access token (tests); by default a random one. */
  token?: string;
  /** Root of the checkout or unpacked build; defaults to the folder above this file. */
  root?: string;
}

/** A running browser-mode server. */
export interface WebServer {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The default data folder. It is not the desktop app's: two processes writing one
 * progress file would each overwrite the other's changes.
 */
export function defaultWebDataDir(): string {
  return path.join(userDataDir(), 'browser-mode');
}

/** Starts browser mode in this process. */
export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  // Built to dist/web.mjs and run from main/web.ts in tests: either way the root is one folder up.
  const root = options.root ?? path.resolve(here, '..');
  const paths = checkoutPaths(root);
  if (options.courses) paths.courseRoots = options.courses.map((c) => path.resolve(c));
  if (options.readOnlyCourses) paths.readOnlyCourseRoots = options.readOnlyCourses.map((c) => path.resolve(c));
  const dataDir = path.resolve(options.dataDir ?? defaultWebDataDir());
  const token = options.token ?? randomBytes(24).toString('base64url');
  const records = createRecordPages(path.join(dataDir, 'records'));
  const studio = await openStudio({
    paths,
    dataDir,
    environment: { mode: 'browser', platform: 'web', version: packageJson.version },
    assetBase: (courseId) => `/course/${courseId}/`,
    chooseExportPath: async (request) => exportPathIn(path.join(dataDir, 'exports'), request),
    recordWriter: records.writer,
    documentsDir: path.resolve(options.documents ?? path.join(os.homedir(), 'Documents')),
  });
  const server = await serve({
    sessions: studio.sessions,
    recordFile: records.fileOf,
    rendererDir: paths.rendererDir,
    courseRoot: (courseId) => studio.catalog.rootOf(courseId),
    token,
    port: options.port ?? 0,
  });
  return {
    url: `${server.url}?token=${token}`,
    port: server.port,
    token,
    async close() {
      studio.close();
      await server.close();
      await studio.store.flush();
    },
  };
}

/**
 * Where browser mode writes an export: always inside `exportsDir`. The request's file
 * name is kept, but its folder is not, so a call to the API can never write a zip over
 * some other file of the user's.
 */
export function exportPathIn(exportsDir: string, request: ExportRequest): string {
  const wanted = request.outPath ? path.basename(request.outPath.replaceAll('\\', '/')) : '';
  const usable = /^[\w. -]{1,120}\.zip$/i.test(wanted) && !wanted.startsWith('.') && !WINDOWS_DEVICE_NAME.test(wanted);
  return path.join(exportsDir, usable ? wanted : `${request.courseId}-${request.standard}.zip`);
}

/** Names Windows keeps for devices, with any extension: a file called con.zip cannot be made or opened there. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

const USAGE = 'usage: npm run web -- [--port N] [--data-dir FOLDER] [--courses FOLDER]... [--documents FOLDER] [--token TOKEN]';

/** Reads the command line into options, or returns the sentence saying what is wrong. */
export function parseWebArgs(argv: readonly string[]): WebServerOptions | string {
  const options: WebServerOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    if (name === '--help' || name === '-h') return USAGE;
    if (!['--port', '--data-dir', '--courses', '--documents', '--token'].includes(name)) return `Unknown option "${name}"; ${USAGE}`;
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return `The option ${name} needs a value; ${USAGE}`;
    switch (name) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return `The port must be a whole number from 0 to 65535, not "${value}".`;
        options.port = port;
        break;
      }
      case '--data-dir':
        options.dataDir = value;
        break;
      case '--courses':
        (options.courses ??= []).push(value);
        break;
      case '--documents':
        options.documents = value;
        break;
      case '--token':
        if (!/^[A-Za-z0-9_-]{16,200}$/.test(value)) return 'The token must be 16 to 200 letters, digits, hyphens or underscores.';
        options.token = value;
        break;
    }
  }
  return options;
}

/** Where the command line writes: the one line with the address, or one line saying what went wrong. */
export interface WebCliOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Starts browser mode from command-line arguments; the server is returned when it started. */
export async function runWebCli(argv: readonly string[], out: WebCliOutput = console): Promise<{ code: number; server?: WebServer }> {
  const options = parseWebArgs(argv);
  if (typeof options === 'string') {
    out.error(options);
    return { code: options === USAGE ? 0 : 2 };
  }
  try {
    const server = await startWebServer(options);
    out.log(`Health Creation Studio is running; open ${server.url}`);
    return { code: 0, server };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') out.error(`Health Creation Studio: port ${options.port} is already in use; choose another with --port.`);
    else out.error(`Health Creation Studio could not start browser mode: ${(error as Error).message}`);
    return { code: 1 };
  }
}

/** Runs browser mode until interrupted. */
export async function main(argv: readonly string[]): Promise<number> {
  const { code, server } = await runWebCli(argv);
  if (server) {
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void main(process.argv.slice(2)).then((code) => {
    if (code !== 0) process.exitCode = code;
  });
}
