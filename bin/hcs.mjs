#!/usr/bin/env node
// Launcher for the `hcs` command: runs the bundled CLI. `npm install` builds the CLI
// and the SCORM player (the "prepare" script); where that did not run (an install with
// --ignore-scripts, a checkout that was never installed), the first use builds what the
// command needs, saying so in one line.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';

// An hcs run is short: most of its functions run for well under a second, and V8's
// default eagerness to optimise them spent more CPU compiling than the optimised code
// saved. Four times the default budget before optimising gave a large pack's
// validation about 20% less CPU and 10% less wall time (tests/bench/RESULTS.md).
// Set before the CLI loads; it changes only when code is optimised, never what it does.
v8.setFlagsFromString('--interrupt-budget=270336');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.mjs');
const missing = [];
if (!existsSync(cli)) missing.push(['cli', 'the command line tool']);
// Only `hcs export` puts the player into a package; other commands never wait for it.
if (process.argv[2] === 'export' && !existsSync(path.join(root, 'dist', 'scorm-runtime', 'scorm.js'))) missing.push(['scorm', 'the SCORM player']);
if (missing.length > 0) {
  console.error(`hcs: building ${missing.map(([, what]) => what).join(' and ')} first (once; npm install normally does this).`);
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), ...missing.map(([target]) => target)], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('hcs: the build failed; run "npm install" in the Health Creation Studio folder, then try again.');
    process.exit(2);
  }
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
