// Both the desktop protocol (hcs://) and browser mode serve files from a few roots: the
// renderer build and each course pack. A request path comes from web content, so it
// is treated as hostile: it may climb out with "..", hide the climb in percent
// encoding, name an absolute path, use Windows separators, or reach through a symlink
// that points elsewhere. Any of these is refused with a sentence, never followed.

import { promises as fsp } from 'node:fs';
import path from 'node:path';

/** A file that is safe to serve, or why the request was refused. */
export type ResolvedFile =
  | { ok: true; file: string; size: number }
  | { ok: false; status: 400 | 403 | 404; message: string };

const refuse = (status: 400 | 403 | 404, message: string): ResolvedFile => ({ ok: false, status, message });

/**
 * Resolves `encodedPath` (still percent-encoded, relative to `root`, '/'-separated) to a
 * regular file that really lies inside `root` once symlinks are followed.
 */
export async function resolveInside(root: string, encodedPath: string): Promise<ResolvedFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return refuse(400, 'The requested path is not correctly percent-encoded.');
  }
  if (decoded.includes('\0')) return refuse(400, 'The requested path contains a NUL character.');
  if (decoded.includes('\\')) return refuse(400, 'The requested path uses backslashes; only "/" separates folders.');
  if (decoded.startsWith('/') || /^[A-Za-z]:/.test(decoded)) {
    return refuse(403, 'The requested path is absolute; only paths inside the app or a course can be served.');
  }
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) {
    return refuse(403, 'The requested path climbs out of its folder with "." or "..", which is not allowed.');
  }
  if (segments.some((s) => s.startsWith('.'))) return refuse(404, 'Hidden files are not served.');
  if (segments.some((s) => s === '') ) return refuse(404, `There is no file at "${decoded}" (folders are not listed).`);

  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await fsp.realpath(root);
    realFile = await fsp.realpath(path.join(root, ...segments));
  } catch {
    return refuse(404, `There is no file at "${decoded}".`);
  }
  if (!realFile.startsWith(realRoot + path.sep)) {
    return refuse(403, `The requested path "${decoded}" leads outside its folder through a link, which is not allowed.`);
  }
  const stat = await fsp.stat(realFile);
  if (!stat.isFile()) return refuse(404, `There is no file at "${decoded}" (folders are not listed).`);
  return { ok: true, file: realFile, size: stat.size };
}
