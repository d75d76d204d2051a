// Lesson files read line by line: what counts as prose, headings and images.

import { expect, test } from 'vitest';
import { countWords, parseLesson } from '../../../engine/course/lessonParser';

const FRONT = '---\nid: l1\ntitle: L\nminutes: 5\n---\n';

test('counts words, not punctuation or Markdown marks', () => {
  expect(countWords('# The gap — in *healthy* life, 2017 (see: below)')).toBe(8);
  expect(countWords('   ')).toBe(0);
});

test('headings and images inside code are shown as written, not checked', () => {
  const lesson = parseLesson(`${FRONT}\n# Title\n\n\`\`\`markdown\n### not a heading\n![](media/none.svg)\n\`\`\`\n\nUse \`![alt](media/x.svg)\` to add an image.\n`, 'm/l.md');
  expect(lesson.findings).toEqual([]);
  expect(lesson.images).toEqual([]);
});

test('a lesson may start at heading level 2, since its title is the page heading', () => {
  expect(parseLesson(`${FRONT}\n## Part one\n\n### Detail\n`, 'm/l.md').findings).toEqual([]);
});

test('image paths are resolved from the lesson folder to the pack root', () => {
  const lesson = parseLesson(`${FRONT}\n![A chart](../shared/media/chart%201.svg "Chart")\n`, 'modules/a/l.md');
  expect(lesson.images).toEqual([{ line: 7, column: 1, src: '../shared/media/chart%201.svg', path: 'modules/shared/media/chart 1.svg' }]);
  expect(lesson.blocks[0]).toEqual({ kind: 'markdown', markdown: '![A chart](modules/shared/media/chart%201.svg "Chart")' });
});

test('reference-style images are checked and rewritten as inline ones, in all three forms', () => {
  const body = '![The 3Cs][cs]\n\n![Chart][]  and ![Map]\n\n[CS]: media/three-cs.svg\n[chart]: <media/chart 1.svg> "A chart"\n[map]:   ../shared/map.png\n';
  const lesson = parseLesson(`${FRONT}\n${body}`, 'modules/a/l.md');
  expect(lesson.images).toEqual([
    { line: 7, column: 1, src: 'media/three-cs.svg', path: 'modules/a/media/three-cs.svg' },
    { line: 9, column: 1, src: 'media/chart 1.svg', path: 'modules/a/media/chart 1.svg' },
    { line: 9, column: 17, src: '../shared/map.png', path: 'modules/shared/map.png' },
  ]);
  expect((lesson.blocks[0] as { markdown: string }).markdown.split('\n').slice(0, 3)).toEqual([
    '![The 3Cs](<modules/a/media/three-cs.svg>)',
    '',
    '![Chart](<modules/a/media/chart%201.svg>)  and ![Map](<modules/shared/map.png>)',
  ]);
});

test('a reference-style image without alt text is refused as an inline one is (HCS014)', () => {
  const lesson = parseLesson(`${FRONT}\nSee ![][pic].\n\n[pic]: media/pic.svg\n`, 'm/l.md');
  expect(lesson.findings).toEqual([expect.objectContaining({ line: 7, column: 5, code: 'HCS014' })]);
});

test('brackets with no definition, and definitions inside code, are left as text', () => {
  const lesson = parseLesson(`${FRONT}\n![not an image] and ![nor][this]\n\n\`\`\`\n[this]: media/x.svg\n\`\`\`\n`, 'm/l.md');
  expect(lesson.images).toEqual([]);
  expect(lesson.findings).toEqual([]);
});
