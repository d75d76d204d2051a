// Writing a course file so that it is never half-written: the text goes to a temp file
// beside it, which is fsynced, then renamed over the file (or, for a new file, linked
// into place, which fails rather than overwrite one that appeared meanwhile), and the
// folder is fsynced so the rename survives a power cut. Another editor or a sync tool
// watching the folder sees the old text or the new, never a torn one. The temp files
// have a name the pack watcher recognises and ignores.

import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { nodeFileOps } from './atomicJsonFile';

const TEMP = /^\..+\.hcs-\d+-\d+\.tmp$/;
let counter = 0;

/** True for the name of a temp file this module writes (and may leave behind after a crash). */
export function isAtomicTemp(name: string): boolean {
  return TEMP.test(name);
}

/**
 * Writes `text` to `file` atomically and durably. With `create`, the file must not
 * exist yet (EEXIST otherwise, even if it appears while writing). An existing file
 * keeps its permissions.
 */
export async function writeFileAtomic(file: string, text: string, options: { create?: boolean } = {}): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.hcs-${process.pid}-${++counter}.tmp`);
  const mode = options.create ? 0o666 : ((await fsp.stat(file).catch(() => undefined))?.mode ?? 0o666) & 0o777;
  try {
    const handle = await fsp.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.create) await placeNew(temp, file);
    else await fsp.rename(temp, file);
  } catch (error) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await nodeFileOps.syncDir(dir);
}

/** Puts a new file in place without ever replacing one: a hard link fails if the name is taken. */
async function placeNew(temp: string, file: string): Promise<void> {
  try {
    await fsp.link(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some disks (FAT, some network shares) have no hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    if (await fsp.lstat(file).then(() => true, () => false)) throw Object.assign(new Error(`${file} already exists`), { code: 'EEXIST' });
    await fsp.rename(temp, file);
    return;
  }
  await fsp.rm(temp, { force: true });
}
