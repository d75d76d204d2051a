// What a damaged or hostile pack can put in its files, each reported at the file, line
// and column to fix, while the rest of the pack is still checked: nesting deep enough
// to overflow a parser, keys that are lists, NUL and other control characters, media
// names that break on Windows or on case-insensitive disks, and SVGs that run script.

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadCourse, type LoadResult } from '../../../engine/course/courseLoader';
import type { Diagnostic } from '../../../engine/course/diagnostics';
import type { PackReader } from '../../../engine/course/packReader';
import { MAX_YAML_NESTING } from '../../../engine/course/yamlHazards';
import { bytes, fixturePack, memoryPack, type MemoryPack } from './fixturePack';

/** The base pack with some files replaced or added. */
function packWith(files: Record<string, string | Uint8Array>): MemoryPack {
  const pack = fixturePack();
  for (const [file, content] of Object.entries(files)) pack.files.set(file, typeof content === 'string' ? bytes(content) : content);
  return pack;
}

const text = (pack: MemoryPack, file: string) => new TextDecoder().decode(pack.files.get(file)!);
const errors = (result: LoadResult) => result.diagnostics.filter((d) => d.severity === 'error');
const withCode = (result: LoadResult, code: string) => result.diagnostics.filter((d) => d.code === code);

/**
 * Adds an unrelated mistake (an image without alt text) to a lesson other than `file`, so
 * a test can prove the rest of the pack is still checked; returns the diagnostic expected.
 */
function addUnrelatedMistake(pack: MemoryPack, file: string): Diagnostic {
  const lesson = file.startsWith('modules/next/') ? 'modules/intro/01-start.md' : 'modules/next/01-next.md';
  const src = lesson.startsWith('modules/next/') ? '../intro/media/pic.svg' : 'media/pic.svg';
  const before = text(pack, lesson);
  pack.files.set(lesson, bytes(`${before}\n![](${src})\n`));
  const line = before.split('\n').length + 1;
  return {
    file: lesson,
    line,
    column: 1,
    severity: 'error',
    code: 'HCS014',
    message: `image \`${src}\` has no alt text: describe what it shows inside the brackets, e.g. ![A chart of ...](${src})`,
  };
}

let warnings: unknown[];
beforeEach(() => {
  warnings = [];
  vi.spyOn(process, 'emitWarning').mockImplementation((w: unknown) => void warnings.push(w));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('nesting too deep to read (HCS028)', () => {
  const depth = 5_000;
  const flow = `${'['.repeat(depth)}x${']'.repeat(depth)}`;
  // Indentation grows with each level, so a thousand levels already make half a megabyte.
  const blockSequence = Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}-`).join('\n') + ' x';
  const compactSequence = `${'- '.repeat(depth)}x`;

  // Where each passes the limit: the quiz's mapping, its questions list and the question
  // hold the brackets (three levels), starting at column 12; the scenario's mapping and
  // `notes` hold the indented lists from line 32 on; `tags` holds the dashes from column 3.
  test.each([
    ['flow lists in a quiz block', 'modules/intro/01-start.md', (pack: MemoryPack) => text(pack, 'modules/intro/01-start.md').replace('type: single', `type: single\n    extra: ${flow}`), 21, 12 + MAX_YAML_NESTING - 3],
    ['indented lists in a scenario', 'modules/intro/story.scenario.yaml', (pack: MemoryPack) => `${text(pack, 'modules/intro/story.scenario.yaml')}notes:\n${blockSequence}\n`, 32 + MAX_YAML_NESTING - 1, MAX_YAML_NESTING],
    ['lists of lists on one line in front matter', 'modules/next/01-next.md', (pack: MemoryPack) => text(pack, 'modules/next/01-next.md').replace('minutes: 10', `minutes: 10\ntags:\n  ${compactSequence}`), 6, 3 + 2 * (MAX_YAML_NESTING - 1)],
  ])('%s are refused at the line and column where they pass the limit, and the rest of the pack is still checked', async (_what, file, change, line, column) => {
    const pack = fixturePack();
    pack.files.set(file, bytes(change(pack)));
    const unrelated = addUnrelatedMistake(pack, file);
    const result = await loadCourse(pack);
    expect(withCode(result, 'HCS028')).toEqual([
      {
        file,
        line,
        column,
        severity: 'error',
        code: 'HCS028',
        message: `lists and mappings are nested more than ${MAX_YAML_NESTING} levels deep here: no course file needs that many, so flatten this value`,
      },
    ]);
    expect(result.diagnostics).toContainEqual(unrelated);
    expect(result.diagnostics.some((d) => d.file === 'course.yaml' || /call stack/i.test(d.message))).toBe(false);
    expect(result.course).toBeUndefined();
  });

  test('a course.yaml nested too deeply is blamed on course.yaml itself, not on a crash', async () => {
    const pack = packWith({ 'course.yaml': `${text(fixturePack(), 'course.yaml')}extra: ${flow}\n` });
    const result = await loadCourse(pack);
    expect(withCode(result, 'HCS028')).toEqual([expect.objectContaining({ file: 'course.yaml', line: 23, column: 8 + MAX_YAML_NESTING - 1 })]);
    expect(result.diagnostics.some((d) => /call stack|could not be read/i.test(d.message))).toBe(false);
  });

  test('nesting within the limit is read as before', async () => {
    const nested = `${'['.repeat(MAX_YAML_NESTING - 2)}1${']'.repeat(MAX_YAML_NESTING - 2)}`;
    const pack = packWith({ 'course.yaml': `${text(fixturePack(), 'course.yaml')}extra: ${nested}\n` });
    const result = await loadCourse(pack);
    expect(withCode(result, 'HCS028')).toEqual([]);
    expect(withCode(result, 'HCS006')).toEqual([expect.objectContaining({ file: 'course.yaml', line: 23 })]);
  });
});

describe('a key that is a list or mapping (HCS029)', () => {
  test('is reported on its own line and column, with no warning printed', async () => {
    const pack = fixturePack();
    pack.files.set('modules/next/module.yaml', bytes(text(pack, 'modules/next/module.yaml').replace('prerequisites: [intro]', 'prerequisites: [intro]\n[a]: b')));
    const result = await loadCourse(pack);
    expect(errors(result)).toEqual([
      {
        file: 'modules/next/module.yaml',
        line: 9,
        column: 1,
        severity: 'error',
        code: 'HCS029',
        message: 'the key `[a]` is a list: a key must be plain text such as `title`, so write the key as a word',
      },
    ]);
    expect(warnings).toEqual([]);
  });

  test('a key tagged as binary data, or an alias of a list, is no plain key either', async () => {
    const base = text(fixturePack(), 'modules/intro/story.scenario.yaml');
    for (const [extra, line, what] of [
      ['!!binary aGk=: b\n', 31, 'a tagged value'],
      ['list: &l [a]\n*l : b\n', 32, 'an alias of another value'],
    ] as const) {
      const result = await loadCourse(packWith({ 'modules/intro/story.scenario.yaml': `${base}${extra}` }));
      expect(withCode(result, 'HCS029')).toEqual([expect.objectContaining({ line, column: 1, message: expect.stringContaining(what) })]);
    }
    expect(warnings).toEqual([]);
  });

  test('a mapping as a key is named as one', async () => {
    const pack = packWith({ 'modules/intro/story.scenario.yaml': `${text(fixturePack(), 'modules/intro/story.scenario.yaml')}? { a: 1 }\n: b\n` });
    const result = await loadCourse(pack);
    expect(withCode(result, 'HCS029')).toEqual([expect.objectContaining({ file: 'modules/intro/story.scenario.yaml', line: 31, column: 3, message: expect.stringContaining('is a mapping') })]);
    expect(warnings).toEqual([]);
  });
});

describe('control characters in text (HCS030)', () => {
  test('a NUL byte in a lesson is reported where it is, and the lesson is not shown', async () => {
    const pack = fixturePack();
    pack.files.set('modules/next/01-next.md', bytes(text(pack, 'modules/next/01-next.md').replace('More prose.', 'More\0 prose.')));
    const result = await loadCourse(pack);
    expect(errors(result)).toEqual([
      {
        file: 'modules/next/01-next.md',
        line: 10,
        column: 5,
        severity: 'error',
        code: 'HCS030',
        message: 'the control character U+0000 (NUL) is in the text here: it is invisible and breaks tools that read the file, so delete it (the file may be damaged)',
      },
    ]);
  });

  test.each([
    ['course.yaml', 'title: Fixture course', 'title: Fixture\u0007 course', 2, 15, 'U+0007'],
    ['modules/intro/story.scenario.yaml', 'text: Sam arrives.', 'text: Sam\u001b arrives.', 11, 14, 'U+001B'],
  ])('a control character in %s is reported at its place', async (file, from, to, line, column, code) => {
    const pack = fixturePack();
    pack.files.set(file, bytes(text(pack, file).replace(from, to)));
    const result = await loadCourse(pack);
    expect(withCode(result, 'HCS030')).toEqual([expect.objectContaining({ file, line, column, message: expect.stringContaining(code) })]);
  });

  test('tabs, line breaks and Windows line endings are text, not control characters', async () => {
    const pack = fixturePack();
    pack.files.set('modules/next/01-next.md', bytes(text(pack, 'modules/next/01-next.md').replace('More prose.', 'More\tprose.').replace(/\n/g, '\r\n')));
    expect(errors(await loadCourse(pack))).toEqual([]);
  });
});

describe('images written in angle brackets', () => {
  test('![alt](<media/with space.svg>) is checked like any image: a missing file is reported at the image', async () => {
    const pack = fixturePack();
    pack.files.set('modules/next/01-next.md', bytes(`${text(pack, 'modules/next/01-next.md')}\n![A chart](<media/with space.svg>)\n`));
    const result = await loadCourse(pack);
    expect(errors(result)).toEqual([
      { file: 'modules/next/01-next.md', line: 12, column: 1, severity: 'error', code: 'HCS012', message: 'image `media/with space.svg` not found: expected a file at `modules/next/media/with space.svg`' },
    ]);
  });

  test('and a file that is there becomes part of the lesson’s media', async () => {
    const pack = packWith({ 'modules/next/media/with space.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    pack.files.set('modules/next/01-next.md', bytes(`${text(pack, 'modules/next/01-next.md')}\n![A chart](<media/with space.svg>)\n`));
    const result = await loadCourse(pack);
    expect(errors(result)).toEqual([]);
    const lesson = result.course!.modules[1]!.lessons[0]!;
    expect(lesson.media).toEqual(['modules/next/media/with space.svg']);
    expect(JSON.stringify(lesson.blocks)).toContain('(<modules/next/media/with%20space.svg>)');
  });
});

describe('media names that break on other systems (HCS031)', () => {
  const lessonWithImage = (src: string) => `${text(fixturePack(), 'modules/next/01-next.md')}\n![A chart](${src})\n`;

  test.each([
    ['a name Windows keeps for a device', 'media/CON.svg', 'the name `CON.svg` is kept by Windows for a device, so the file cannot be made or opened there: rename it'],
    ['a colon', 'media/colon:x.svg', 'the name `colon:x.svg` holds `:`, which Windows does not allow in file names: rename it without < > : " | ? * or \\'],
    ['a question mark', 'media/q?.svg', 'the name `q?.svg` holds `?`, which Windows does not allow in file names: rename it without < > : " | ? * or \\'],
    ['a trailing dot in a folder', 'media./a.svg', 'the name `media.` ends in a dot or space, which Windows drops, so the path would lead elsewhere there: rename it'],
  ])('%s is reported at the image, even when the file exists here', async (_what, src, why) => {
    const pack = packWith({ [`modules/next/${src}`]: '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    pack.files.set('modules/next/01-next.md', bytes(lessonWithImage(src)));
    const result = await loadCourse(pack);
    expect(withCode(result, 'HCS031')).toEqual([{ file: 'modules/next/01-next.md', line: 12, column: 1, severity: 'error', code: 'HCS031', message: `image \`${src}\`: ${why}` }]);
  });

  test('two names that differ only in case are reported, since Windows and macOS keep them as one file', async () => {
    const pack = packWith({ 'modules/next/media/three-cs.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>', 'modules/next/media/Three-Cs.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    pack.files.set('modules/next/01-next.md', bytes(lessonWithImage('media/three-cs.svg')));
    const result = await loadCourse(pack);
    expect(withCode(result, 'HCS031')).toEqual([
      {
        file: 'modules/next/01-next.md',
        line: 12,
        column: 1,
        severity: 'error',
        code: 'HCS031',
        message: 'image `media/three-cs.svg`: the folder `modules/next/media` also holds `Three-Cs.svg`, a name that differs only in case; on Windows and macOS the two are one file, so rename one of them',
      },
    ]);
  });

  test('a name written in another case than the file’s is reported, though a case-insensitive disk finds it', async () => {
    const pack = packWith({ 'modules/next/media/three-cs.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    pack.files.set('modules/next/01-next.md', bytes(lessonWithImage('media/Three-Cs.svg')));
    const result = await loadCourse(caseInsensitive(pack));
    expect(withCode(result, 'HCS031')).toEqual([
      expect.objectContaining({ line: 12, column: 1, message: 'image `media/Three-Cs.svg`: the file is called `three-cs.svg`; on Linux and in a SCORM package the case matters, so write the name exactly as the file has it' }),
    ]);
  });
});

describe('SVGs that can run script (HCS033)', () => {
  test.each([
    ['a script element', '<svg xmlns="http://www.w3.org/2000/svg">\n  <rect width="4" height="4"/>\n  <script>alert(1)</script>\n</svg>', 3, 3, 'a <script> element'],
    ['a script loaded by href', '<svg xmlns="http://www.w3.org/2000/svg"><script href="evil.js"/></svg>', 1, 41, 'a <script> element'],
    ['an event handler attribute', '<svg xmlns="http://www.w3.org/2000/svg">\n<rect onload="alert(1)" width="4"/>\n</svg>', 2, 7, 'the event handler attribute `onload`'],
    ['a javascript: link', '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>', 1, 44, 'a link to a javascript: address'],
    ['an encoded javascript: link', '<svg xmlns="http://www.w3.org/2000/svg"><a xlink:href="java&#x73;cript:alert(1)"><rect/></a></svg>', 1, 44, 'a link to a javascript: address'],
    ['embedded HTML', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>', 1, 41, 'a <foreignObject> element'],
    ['an animation that sets a link', '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="x"/></a></svg>', 1, 44, 'an animation that changes a link'],
  ])('%s is refused at its place in the SVG', async (_what, svg, line, column, what) => {
    const pack = packWith({ 'modules/intro/media/pic.svg': svg });
    const result = await loadCourse(pack);
    expect(errors(result)).toEqual([
      {
        file: 'modules/intro/media/pic.svg',
        line,
        column,
        severity: 'error',
        code: 'HCS033',
        message: `this SVG holds ${what}, which can run script when the image is opened on its own: remove it, or export the picture again as a plain SVG`,
      },
    ]);
  });

  test('an SVG shown only through a reference-style image is checked too', async () => {
    const lesson = text(fixturePack(), 'modules/next/01-next.md');
    const pack = packWith({
      'modules/next/01-next.md': `${lesson}\n![A chart][chart]\n\n[chart]: media/evil.svg\n`,
      'modules/next/media/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    });
    expect(errors(await loadCourse(pack))).toEqual([expect.objectContaining({ file: 'modules/next/media/evil.svg', line: 1, column: 41, code: 'HCS033' })]);
  });

  test('a missing file behind a reference-style image is reported at the image (HCS012)', async () => {
    const lesson = text(fixturePack(), 'modules/next/01-next.md');
    const pack = packWith({ 'modules/next/01-next.md': `${lesson}\nAs the chart shows: ![A chart][chart]\n\n[chart]: media/gone.svg\n` });
    expect(errors(await loadCourse(pack))).toEqual([
      expect.objectContaining({ file: 'modules/next/01-next.md', line: lesson.split('\n').length + 1, column: 21, code: 'HCS012', message: 'image `media/gone.svg` not found: expected a file at `modules/next/media/gone.svg`' }),
    ]);
  });

  test('plain SVGs with styles, gradients and links within the image load', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><style>.a{fill:red}</style><defs><linearGradient id="g"/></defs><use xlink:href="#g"/><text>on a screen, hover to see</text></svg>';
    expect(errors(await loadCourse(packWith({ 'modules/intro/media/pic.svg': svg })))).toEqual([]);
  });
});

/** The pack as a case-insensitive disk (Windows, macOS) shows it: any case of a name finds the file. */
function caseInsensitive(pack: MemoryPack): PackReader {
  const real = (p: string) => [...pack.files.keys()].find((f) => f.toLowerCase() === p.toLowerCase()) ?? p;
  return {
    stat: (p) => pack.stat(real(p)),
    readFile: (p) => pack.readFile(real(p)),
    list: (dir) => pack.list(real(dir)),
  };
}

test('memoryPack stays case-sensitive, as Linux is', async () => {
  const pack = memoryPack(new Map([['a/B.svg', bytes('x')]]));
  expect(await pack.stat('a/b.svg')).toBeUndefined();
});
