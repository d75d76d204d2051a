// A lesson file: front matter, then Markdown prose with ```quiz and ```reflection
// blocks. Parsed line by line (not by a Markdown renderer) because every finding must
// name the exact line and column, and the renderer's job is display, not positions.

import type { LessonBlock } from './model';
import type { IdSite } from './idSites';
import { parseQuizBlock, parseReflectionBlock } from './lessonBlocks';
import { folderOf, joinPackPath } from './packPath';
import { lessonFrontMatterSchema, type LessonFrontMatter } from './schema';
import { parseYaml, type Finding, type Position } from './yamlSource';
import { validateShape } from './zodFindings';

/** An image a lesson shows, where it was written and the pack file it points at. */
export interface LessonImage extends Position {
  src: string;
  /** Pack-relative path, or undefined when the src is not a file inside the pack. */
  path?: string;
}

/** Everything read from one lesson file. */
export interface ParsedLesson {
  front?: LessonFrontMatter;
  /** Where each front matter field sits, for findings about its values. */
  locateFront: (path: ReadonlyArray<string | number>) => Position;
  blocks: LessonBlock[];
  images: LessonImage[];
  idSites: IdSite[];
  findings: Finding[];
  words: number;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^ {0,3}(#{1,6})(?:\s|$)/;
// The destination in angle brackets (CommonMark's form for a path with spaces) or bare.
const IMAGE = /!\[([^\]]*)\]\(\s*(?:<([^<>\n]*)>|([^)\s<>]*))(?:\s+["'(][^)]*["')])?\s*\)/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CODE_SPAN = /(`+)[^`]*?\1/g;
// `![alt][label]`, `![alt][]` or `![alt]`, not followed by an inline destination.
const REFERENCE_IMAGE = /!\[([^\]]*)\](?:\[([^\]]*)\])?(?![([])/g;
// `[label]: destination`, the destination in angle brackets or bare.
const DEFINITION = /^ {0,3}\[([^\]]+)\]:[ \t]*(?:<([^<>\n]*)>|(\S+))/;


/** Parses the text of the lesson at pack path `file`. */
export function parseLesson(text: string, file: string): ParsedLesson {
  const lines = text.includes('\r') ? text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)) : text.split('\n');
  const findings: Finding[] = [];
  const idSites: IdSite[] = [];
  const images: LessonImage[] = [];
  const blocks: LessonBlock[] = [];
  const front = readFrontMatter(lines, findings);
  const folder = folderOf(file);
  const definitions = text.includes(']:') ? readDefinitions(lines, front.bodyStart) : new Map<string, string>();

  let prose: string[] = [];
  let words = 0;
  let headingLevel = 1;
  const flushProse = () => {
    const markdown = prose.join('\n').trim();
    if (markdown) blocks.push({ kind: 'markdown', markdown });
    prose = [];
  };

  let i = front.bodyStart;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = line.includes('``') || line.includes('~~') ? FENCE_OPEN.exec(line) : null;
    if (fence) {
      const [, indent = '', marker = '', info = ''] = fence;
      const close = findFenceEnd(lines, i + 1, marker);
      const kind = info.toLowerCase();
      if (kind === 'quiz' || kind === 'reflection') {
        if (close === undefined) {
          findings.push({ line: i + 1, column: indent.length + 1, severity: 'error', code: 'HCS023', message: `the \`${kind}\` block opened here is never closed: end it with a line of ${marker}` });
          break;
        }
        flushProse();
        const body = lines.slice(i + 1, close).map((l) => stripIndent(l, indent.length)).join('\n');
        const origin = { lineOffset: i + 1, columnOffset: indent.length };
        if (kind === 'quiz') {
          const parsed = parseQuizBlock(body, origin, file);
          if (parsed.value) blocks.push({ kind: 'quiz', quiz: parsed.value });
          findings.push(...parsed.findings);
          idSites.push(...parsed.idSites);
        } else {
          const parsed = parseReflectionBlock(body, origin, file);
          if (parsed.value) blocks.push({ kind: 'reflection', reflection: parsed.value });
          findings.push(...parsed.findings);
          idSites.push(...parsed.idSites);
        }
        i = close + 1;
        continue;
      }
      // Any other fenced block is code shown as written: no headings or images inside.
      const end = close ?? lines.length - 1;
      prose.push(...lines.slice(i, end + 1));
      i = end + 1;
      continue;
    }
    const heading = line.includes('#') ? HEADING.exec(line) : null;
    if (heading) {
      const level = heading[1]!.length;
      if (level > headingLevel + 1) {
        findings.push({ line: i + 1, column: line.indexOf('#') + 1, severity: 'warning', code: 'HCS022', message: `heading level ${level} follows level ${headingLevel}: use level ${headingLevel + 1} so screen reader users can follow the outline` });
      }
      headingLevel = level;
    }
    prose.push(rewriteImages(line, i + 1, folder, images, findings, definitions));
    words += countWords(line);
    i++;
  }
  flushProse();
  return { front: front.value, locateFront: front.locate, blocks, images, idSites, findings, words };
}

/** Words in a line: runs of non-space characters holding at least one letter or digit. */
export function countWords(line: string): number {
  let count = 0;
  let inWord = false;
  let counted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 32 || c === 9) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    const wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && LETTER_OR_DIGIT.test(line[k]!));
    if (wordChar && !counted) {
      count++;
      counted = true;
    }
  }
  return count;
}

// Closing-fence patterns by opening marker: every lesson has fences, and few marker kinds.
const closingFences = new Map<string, RegExp>();

function findFenceEnd(lines: readonly string[], from: number, marker: string): number | undefined {
  let closing = closingFences.get(marker);
  if (!closing) closingFences.set(marker, (closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`)));
  for (let j = from; j < lines.length; j++) if (closing.test(lines[j]!)) return j;
  return undefined;
}

function stripIndent(line: string, width: number): string {
  let k = 0;
  while (k < width && line[k] === ' ') k++;
  return line.slice(k);
}

interface FrontMatter {
  value?: LessonFrontMatter;
  locate: (path: ReadonlyArray<string | number>) => Position;
  bodyStart: number;
}

function readFrontMatter(lines: readonly string[], findings: Finding[]): FrontMatter {
  const nowhere = () => ({ line: 1, column: 1 });
  const expected = 'a lesson starts with front matter: a line `---`, then its id, title and minutes in YAML, then `---`';
  if (lines[0]?.trim() !== '---') {
    findings.push({ line: 1, column: 1, severity: 'error', code: 'HCS013', message: `front matter missing: ${expected}` });
    return { locate: nowhere, bodyStart: 0 };
  }
  let end = 1;
  while (end < lines.length && lines[end]!.trim() !== '---') end++;
  if (end >= lines.length) {
    findings.push({ line: 1, column: 1, severity: 'error', code: 'HCS013', message: 'front matter opened on line 1 is never closed: add a line `---` after the id, title and minutes' });
    return { locate: nowhere, bodyStart: lines.length };
  }
  const source = parseYaml(lines.slice(1, end).join('\n'), { lineOffset: 1, columnOffset: 0 });
  findings.push(...source.findings);
  const value = source.value;
  if (value === undefined && source.findings.length > 0) return { locate: source.locate, bodyStart: end + 1 };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    findings.push({ line: 2, column: 1, severity: 'error', code: 'HCS013', message: `front matter should be a mapping of fields (id, title, minutes, outcomes): ${expected}` });
    return { locate: source.locate, bodyStart: end + 1 };
  }
  const shaped = validateShape(lessonFrontMatterSchema, value, source, 'lesson front matter');
  findings.push(...shaped.findings);
  return { value: shaped.data, locate: source.locate, bodyStart: end + 1 };
}

/**
 * Checks the images on one line and rewrites their paths to be relative to the pack
 * root. A reference-style image (`![alt][label]`, `![alt][]`, `![alt]`) whose label is
 * defined in the lesson is rewritten to the inline form, so it is checked and found
 * by export exactly as an inline one is, rather than reaching the page unseen.
 */
function rewriteImages(line: string, lineNo: number, folder: string, images: LessonImage[], findings: Finding[], definitions: ReadonlyMap<string, string>): string {
  if (!line.includes('![')) return line;
  const code = [...line.matchAll(CODE_SPAN)].map((m) => [m.index, m.index + m[0].length] as const);
  const inCode = (offset: number) => code.some(([from, to]) => offset >= from && offset < to);
  const check = (alt: string, src: string, offset: number): string | undefined => {
    const column = offset + 1;
    if (alt.trim() === '') {
      findings.push({ line: lineNo, column, severity: 'error', code: 'HCS014', message: `image \`${src}\` has no alt text: describe what it shows inside the brackets, e.g. ![A chart of ...](${src})` });
    }
    const external = /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
    const path = external || src === '' ? undefined : joinPackPath(folder, decodePath(src));
    // Literals rather than spreads: this runs for every image of a pack while the code is still cold.
    images.push(path !== undefined ? { line: lineNo, column, src, path } : { line: lineNo, column, src });
    return path === undefined ? undefined : path.split('/').map(encodeURIComponent).join('/');
  };
  const inline = line.replace(IMAGE, (whole, alt: string, angled: string | undefined, bare: string | undefined, offset: number) => {
    const src = angled ?? bare ?? '';
    if (inCode(offset)) return whole;
    const path = check(alt, src, offset);
    return path === undefined ? whole : whole.replace(src, path);
  });
  if (definitions.size === 0) return inline;
  // Offsets below are in the rewritten line; inline rewrites before a reference image
  // can shift its column, which only matters on a line holding both kinds.
  return inline.replace(REFERENCE_IMAGE, (whole, alt: string, label: string | undefined, offset: number) => {
    if (inCode(offset)) return whole;
    const src = definitions.get(referenceLabel(label === undefined || label === '' ? alt : label));
    if (src === undefined) return whole;
    const path = check(alt, src, offset);
    return `![${alt}](<${path ?? src}>)`;
  });
}

/** A link label as CommonMark compares them: trimmed, inner whitespace collapsed, case folded. */
function referenceLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The link reference definitions of a lesson's prose (outside fenced blocks), by label. */
function readDefinitions(lines: readonly string[], from: number): Map<string, string> {
  const definitions = new Map<string, string>();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = line.includes('``') || line.includes('~~') ? FENCE_OPEN.exec(line) : null;
    if (fence) {
      i = findFenceEnd(lines, i + 1, fence[2] ?? '```') ?? lines.length;
      continue;
    }
    const definition = line.includes(']:') ? DEFINITION.exec(line) : null;
    // The first definition of a label wins, as in CommonMark.
    if (definition && !definitions.has(referenceLabel(definition[1]!))) definitions.set(referenceLabel(definition[1]!), definition[2] ?? definition[3] ?? '');
  }
  return definitions;
}

function decodePath(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}
