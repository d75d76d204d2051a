// Runs `hcs` in-process with its output captured, as a user would read it.

import { main } from '../../../main/cli';

/** What one run of `hcs` printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `hcs ...argv` in `cwd` and captures its output. */
export async function runHcs(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), cwd });
  return { code, stdout, stderr };
}
