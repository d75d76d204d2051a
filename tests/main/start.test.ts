import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './tempDir';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ONE_LINE =
  'Health Creation Studio: the Electron runtime is not installed and could not be downloaded; run the browser version with: npm run web';
const servers: net.Server[] = [];

afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A download mirror on loopback: `refuse` answers 404 at once, `stall` accepts and never answers. */
async function mirror(kind: 'refuse' | 'stall'): Promise<string> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    if (kind === 'refuse') socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
}

/** Runs `npm start`'s script where the Electron binary is missing and must be fetched from `mirrorUrl`. */
async function runStart(mirrorUrl: string, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: mirrorUrl, electron_config_cache: await tempDir(), force_no_cache: 'true', ...extraEnv };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs')], { cwd: repoRoot, env });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output, seconds: (Date.now() - started) / 1000 };
}

describe('npm start without the Electron binary', () => {
  it('says in one line to use the browser version and exits non-zero when the download fails', async () => {
    const { code, output, seconds } = await runStart(await mirror('refuse'));
    expect(output).toBe(`${ONE_LINE}\n`);
    expect(code).toBe(1);
    expect(seconds).toBeLessThan(25);
  });

  it('gives up on a download that stalls once the time limit passes, rather than hanging', async () => {
    const { code, output, seconds } = await runStart(await mirror('stall'), { HCS_ELECTRON_INSTALL_TIMEOUT_MS: '2000' });
    expect(output).toBe(`${ONE_LINE}\n`);
    expect(code).toBe(1);
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeLessThan(20);
  });
});
