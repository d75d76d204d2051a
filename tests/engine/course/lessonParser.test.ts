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
