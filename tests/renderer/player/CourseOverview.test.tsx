import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { CourseOverview } from '../../../renderer/player';
import type { CourseProgress } from '../../../engine/progress/model';
import { playerCourse, playerProgress } from '../../fakes/playerFixtures';

function render(progress: CourseProgress = playerProgress(), withOpen = true): string {
  const html = renderToString(<CourseOverview course={playerCourse()} progress={progress} onOpen={withOpen ? () => {} : undefined} />);
  return html.replaceAll('<!-- -->', '');
}

describe('CourseOverview', () => {
  it('shows the title, the level in words, credits and the learning outcomes', () => {
    const html = render();
    expect(html).toContain('<h1 id="hcs-overview-player-course">Health Creation in Practice</h1>');
    expect(html).toContain('Undergraduate (FHEQ level 6)');
    expect(html).toMatch(/<dt>Credits<\/dt><dd>15<\/dd>/);
    expect(html).toContain('<li>Explain health creation.</li>');
  });

  it('says each module’s status in words and why a locked module is locked', () => {
    const html = render();
    expect(html).toMatch(/data-module-id="gap" data-status="not-started">.*Not started/);
    expect(html).toMatch(/data-module-id="next" data-status="locked">.*Locked/);
    expect(html).toContain('Finish The gap first to open this module.');
  });

  it('offers buttons for the items of an open module but none for a locked one', () => {
    const html = render();
    expect(html).toContain('<button type="button" class="hcs-link-button">Lesson: The gap in healthy life</button>');
    expect(html).toContain('<span>Lesson: Acting together</span>');
  });

  it('shows a module’s quiz score against its pass mark once questions are answered', () => {
    const progress = playerProgress();
    progress.answers['q-gap-1'] = { quizId: 'q-gap', selected: ['a'], correct: true, attempts: 1, at: '2026-01-01T00:00:00Z' };
    expect(render(progress)).toContain('quiz score 50% (pass mark 50%)');
  });

  it('lists items without buttons when the host gives no way to open them', () => {
    expect(render(playerProgress(), false)).not.toContain('<button');
  });
});
