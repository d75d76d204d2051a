// Checks on the media files a lesson shows, beyond their being there: the file must be
// the pack's own (not a link out of it), its name must work on every system a pack is
// copied to, and an SVG must not be able to run script when opened on its own.

import type { Diagnostic } from './diagnostics';
import type { LessonImage } from './lessonParser';
import { caseProblem, windowsNameProblem } from './mediaNames';
import type { PackReader } from './packReader';
import { findSvgScript } from './svgScript';

interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
// As in packText.ts: TextDecoder is in every runtime the engine meets, typed here.
const decoder = new (globalThis as unknown as { TextDecoder: new (label: string) => Utf8Decoder }).TextDecoder('utf-8');

// An SVG used by several lessons is read and checked once per load.
const svgChecks = new WeakMap<PackReader, Map<string, Promise<Diagnostic[]>>>();

/** Diagnostics for the images of the lesson at `lessonFile` (those inside the pack; missing ones are reported elsewhere). */
export async function checkLessonMedia(reader: PackReader, lessonFile: string, images: readonly LessonImage[]): Promise<Diagnostic[]> {
  const found = await Promise.all(images.map((image) => checkImage(reader, lessonFile, image)));
  return found.flat();
}

async function checkImage(reader: PackReader, lessonFile: string, image: LessonImage): Promise<Diagnostic[]> {
  if (image.path === undefined) return [];
  const path = image.path;
  const at = (message: string): Diagnostic => ({ file: lessonFile, line: image.line, column: image.column, severity: 'error', code: 'HCS031', message: `image \`${image.src}\`: ${message}` });
  const badName = windowsNameProblem(path);
  if (badName) return [at(badName)];
  const entry = await reader.stat(path).catch(() => undefined);
  if (!entry || entry.kind !== 'file') return [];
  if (entry.outside) {
    return [{ file: path, line: 1, column: 1, severity: 'error', code: 'HCS032', message: `this image, shown by ${lessonFile}, is a link that leads outside the course pack: a pack must hold its own files, so copy the file into the pack in place of the link` }];
  }
  const found: Diagnostic[] = [];
  const clash = await caseProblem(reader, path);
  if (clash) found.push(at(clash));
  if (path.toLowerCase().endsWith('.svg')) found.push(...(await checkSvg(reader, path)));
  return found;
}

function checkSvg(reader: PackReader, path: string): Promise<Diagnostic[]> {
  let cache = svgChecks.get(reader);
  if (!cache) svgChecks.set(reader, (cache = new Map()));
  let check = cache.get(path);
  if (!check) {
    check = reader.readFile(path).then(
      (bytes) => {
        const text = decoder.decode(bytes);
        const script = findSvgScript(text);
        if (!script) return [];
        const before = text.slice(0, script.offset);
        const line = before.split('\n').length;
        const column = script.offset - before.lastIndexOf('\n');
        return [{ file: path, line, column, severity: 'error' as const, code: 'HCS033' as const, message: `this SVG holds ${script.what}, which can run script when the image is opened on its own: remove it, or export the picture again as a plain SVG` }];
      },
      () => [],
    );
    cache.set(path, check);
  }
  return check;
}
