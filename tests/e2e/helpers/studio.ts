// Browser mode for tests: a server over a temporary data folder with a fixed token,
// serving the built renderer (dist/renderer, built on demand) and chosen courses.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebServer } from '../../../main/web';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The token tests use, so URLs are predictable. */
export const TEST_TOKEN = 'e2e-token-0123456789abcdef';
/** The small sample course shipped for tests and demos. */
export const SAMPLE_COURSE = path.join(ROOT, 'courses/sample');

/** A running browser-mode studio. */
export interface TestStudio {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Builds the renderer once if no build is there (npm test builds everything first). */
export function ensureRendererBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist/renderer/index.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'renderer'], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** What a test studio serves: its courses (some read-only, as an installed app's), its data folder, and the documents folder New Course writes under. */
export interface TestStudioOptions {
  courses?: string[];
  readOnlyCourses?: string[];
  dataDir?: string;
  documents?: string;
}

/** Starts browser mode on a free port; `dataDir` may be given to test what a file there does. */
export async function startStudio(options: TestStudioOptions = {}): Promise<TestStudio> {
  ensureRendererBuilt();
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'hcs-e2e-')));
  const server = await startWebServer({
    port: 0,
    dataDir,
    courses: options.courses ?? [SAMPLE_COURSE],
    token: TEST_TOKEN,
    root: ROOT,
    ...(options.readOnlyCourses ? { readOnlyCourses: options.readOnlyCourses } : {}),
    ...(options.documents ? { documents: options.documents } : {}),
  });
  return {
    url: server.url,
    dataDir,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
