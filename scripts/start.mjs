// `npm start`: launch the desktop app. The npm package of Electron ships only an
// installer for its binary, so on a fresh clone (or after `npm install
// --ignore-scripts`) the binary may be missing: then the installer is tried once, with
// a time limit, and if the binary still is not there the learner is told in one line
// how to use the browser version instead. This script never hangs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** How long the Electron download may take (ms); slow connections can raise it. */
const INSTALL_TIMEOUT_MS = Number(process.env.HCS_ELECTRON_INSTALL_TIMEOUT_MS) || 60_000;
const NO_ELECTRON =
  'Health Creation Studio: the Electron runtime is not installed and could not be downloaded; run the browser version with: npm run web';

/** The Electron binary's path, or undefined when it is not installed. */
function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws if path.txt is missing.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Runs Electron's own installer, killing it (and anything it started) after the time limit. */
function runInstaller() {
  let installer;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return Promise.resolve(false);
  }
  if (!existsSync(installer)) return Promise.resolve(false);
  return new Promise((resolve) => {
    // Its output (progress bars, stack traces) is not for the learner: one line says it all.
    const child = spawn(process.execPath, [installer], { cwd: root, stdio: 'ignore', detached: process.platform !== 'win32' });
    const timer = setTimeout(() => {
      try {
        if (process.platform === 'win32') child.kill();
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve(false);
    }, INSTALL_TIMEOUT_MS);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

let binary = electronBinary();
if (!binary) {
  await runInstaller();
  binary = electronBinary();
}
if (!binary) {
  console.error(NO_ELECTRON);
  process.exit(1);
}

const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), 'main', 'renderer', 'scorm'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  console.error('Health Creation Studio: the build failed (see above), so the app was not started.');
  process.exit(built.status ?? 1);
}

const app = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.once('error', (error) => {
  console.error(`Health Creation Studio: Electron could not be started (${error.message}); run the browser version with: npm run web`);
  process.exit(1);
});
app.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
