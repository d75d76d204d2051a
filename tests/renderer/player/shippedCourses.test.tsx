// Every lesson and scenario that ships renders in the player, with headings that never
// skip a level (the player's own quiz, reflection and ending headings included) and
// every image described.
import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../../engine/course/courseLoader';
import { emptyProgress } from '../../../engine/progress/model';
import { createNodePackReader } from '../../../main/services/nodePackReader';
import { LessonView, ScenarioView } from '../../../renderer/player';

const COURSES = ['health-creation-ug', 'health-creation-pg', 'sample'];

/** The heading levels of some markup, in document order. */
function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

/** The first place a heading skips a level going down, or undefined. */
function skippedLevel(levels: number[]): string | undefined {
  for (let i = 1; i < levels.length; i++) {
    if (levels[i]! > levels[i - 1]! + 1) return `h${levels[i - 1]} then h${levels[i]}`;
  }
  return undefined;
}

describe.each(COURSES)('shipped course %s in the player', (name) => {
  it('renders every lesson with ordered headings and described images', async () => {
    const { course, diagnostics } = await loadCourse(createNodePackReader(fileURLToPath(new URL(`../../../courses/${name}`, import.meta.url))));
    expect(course, diagnostics.map((d) => d.message).join('\n')).toBeDefined();
    const lessons = course!.modules.flatMap((m) => m.lessons);
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) {
      const html = renderToString(
        <LessonView course={course!} lesson={lesson} progress={emptyProgress(course!.id)} assetBase="/pack/" learnerSeed="reader" onEvent={() => {}} />,
      );
      const levels = headingLevels(html);
      expect(levels[0], `${lesson.file} starts with an h1`).toBe(1);
      expect(skippedLevel(levels), `${lesson.file} heading order`).toBeUndefined();
      expect(html, `${lesson.file} images have alt text`).not.toMatch(/<img(?![^>]*alt="[^"]+")/);
    }
  });

  it('renders every scenario at its start with ordered headings', async () => {
    const { course } = await loadCourse(createNodePackReader(fileURLToPath(new URL(`../../../courses/${name}`, import.meta.url))));
    for (const scenario of course!.modules.flatMap((m) => m.scenarios)) {
      const html = renderToString(<ScenarioView course={course!} scenario={scenario} onEvent={() => {}} />);
      expect(html, scenario.file).toContain('data-choice-id=');
      expect(skippedLevel(headingLevels(html)), `${scenario.file} heading order`).toBeUndefined();
    }
  });
});
