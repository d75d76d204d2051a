// Files are served with an explicit type (and nosniff) so a course image can never be
// taken for a script, and a file type not listed here is offered only as bytes.
//
// Course packs come from someone other than the learner, so their files get a much
// shorter list: media a lesson can show (images, audio, video with its captions, PDF)
// and nothing a browser would run as a page or a script, whatever the file is called.

import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
};

/** Extensions a course pack may serve: images, audio, video, captions and PDF. */
export const COURSE_MEDIA_EXTENSIONS: readonly string[] = [
  '.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif',
  '.mp3', '.ogg', '.wav',
  '.mp4', '.webm', '.vtt',
  '.pdf',
];

/** The Content-Type to serve a file with, from its extension. */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The Content-Type of a course pack's file, or undefined when a pack may not serve that kind of file. */
export function courseMediaTypeOf(file: string): string | undefined {
  const extension = path.extname(file).toLowerCase();
  return COURSE_MEDIA_EXTENSIONS.includes(extension) ? TYPES[extension] : undefined;
}
