// Every citation in the shipped courses leads somewhere: the italic title in
// "(*A Manifesto for Health Creation*, New NHS Alliance)" is a title (or `cite`) of one
// of the course's references, so the player links it to the References view, and every
// reference opens its document from courses/sources.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../engine/course/courseLoader';
import type { Course } from '../../engine/course/model';
import { citationTitles } from '../../engine/course/textLinks';
import { createNodePackReader } from '../../main/services/nodePackReader';
import { findSourceFile } from '../../main/services/sourceDocuments';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const shipped = ['courses/health-creation-ug', 'courses/health-creation-pg'];

/** Each "(*Title*, ..." citation in a text, with its line. */
function citationsIn(text: string): { title: string; line: number }[] {
  return [...text.matchAll(/\(\*([^*\n]+)\*[,;.)]/g)].map((m) => ({ title: m[1]!.trim(), line: text.slice(0, m.index).split('\n').length }));
}

/** The files of a course whose text the learner reads: lessons and scenarios. */
function textFiles(course: Course): string[] {
  return course.modules.flatMap((m) => [...m.lessons.map((l) => l.file), ...m.scenarios.map((s) => s.file)]);
}

describe.each(shipped)('%s', (pack) => {
  const root = path.join(repoRoot, pack);

  it('cites only documents it lists among its references, so every citation opens one', async () => {
    const { course } = await loadCourse(createNodePackReader(root));
    const titles = citationTitles(course!.references);
    const unknown: string[] = [];
    let cited = 0;
    for (const file of textFiles(course!)) {
      for (const c of citationsIn(readFileSync(path.join(root, file), 'utf8'))) {
        cited++;
        if (!titles.has(c.title)) unknown.push(`${file}:${c.line}: "${c.title}"`);
      }
    }
    expect(unknown).toEqual([]);
    expect(cited).toBeGreaterThan(50);
  });

  it('keeps the document behind every reference, in courses/sources', async () => {
    const { course } = await loadCourse(createNodePackReader(root));
    const found = await Promise.all(course!.references.map(async (r) => [r.id, await findSourceFile(root, r.id)] as const));
    expect(found.filter(([, file]) => file === undefined).map(([id]) => id)).toEqual([]);
    for (const [id, file] of found) expect(file).toBe(path.join(repoRoot, 'courses/sources', `${id}.txt`));
  });
});
