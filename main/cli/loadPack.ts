// Loads a pack named on the command line, the same way the app's library does.

import { loadCourse, type LoadResult } from '../../engine/course/courseLoader';
import path from 'node:path';
import { createNodePackReader } from '../services/nodePackReader';

/** Loads the pack at `pack` (relative to `cwd`). */
export function loadPackAt(pack: string, cwd: string): Promise<LoadResult> {
  return loadCourse(createNodePackReader(path.resolve(cwd, pack)));
}
