#!/usr/bin/env node
// Launcher for the `hcs` command: runs the bundled CLI, building it first when a
// checkout has not been built yet (npm install builds it through "prepare").
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
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), 'cli'], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('hcs: could not build the command line tool; run "npm install" in the project folder first.');
    process.exit(2);
  }
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
