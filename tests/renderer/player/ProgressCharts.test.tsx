import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { ProgressCharts } from '../../../renderer/player';
import { playerCourse, playerProgress } from '../../fakes/playerFixtures';

function progressMidway() {
  const progress = playerProgress();
  progress.lessons['l-gap'] = { visited: true, seconds: 3900 };
  progress.answers['q-gap-1'] = { quizId: 'q-gap', selected: ['a'], correct: true, attempts: 1, at: '2026-01-01T00:00:00Z' };
  progress.answers['q-gap-2'] = { quizId: 'q-gap', selected: ['cost'], correct: false, attempts: 1, at: '2026-01-01T00:00:00Z' };
  progress.reflections['r-gap'] = { text: 'Noted.', at: '2026-01-01T00:00:00Z' };
  progress.scenarios['s-gp'] = { path: [], endingsFound: ['group'], plays: 1 };
  progress.seconds = 4200;
  return progress;
}

function render(): string {
  return renderToString(<ProgressCharts course={playerCourse()} progress={progressMidway()} />).replaceAll('<!-- -->', '');
}

/** The text of a table row whose header cell names `label`, cells joined by " | ". */
function rowText(html: string, title: string, label: string): string {
  const section = html.slice(html.indexOf(`>${title}</h2>`));
  const row = new RegExp(`<tr><th scope="row">${label}</th>(.*?)</tr>`).exec(section)?.[1] ?? '';
  return row
    .replace(/<td[^>]*aria-hidden="true"[^>]*>.*?<\/td>/g, '')
    .split(/<\/td>/)
    .map((cell) => cell.replace(/<[^>]+>/g, '').trim())
    .filter(Boolean)
    .join(' | ');
}

describe('ProgressCharts', () => {
  it('states module completion as numbers in a table', () => {
    const html = render();
    expect(rowText(html, 'Module completion', 'The gap')).toBe('2 of 3 done');
    expect(rowText(html, 'Module completion', 'Acting on the gap')).toBe('0 of 1 done');
  });

  it('states each module’s quiz score with whether its pass mark is reached, in words', () => {
    expect(rowText(render(), 'Quiz scores by module', 'The gap')).toBe('50% (1 of 2 right) | Not passed yet (pass mark 50%)');
  });

  it('counts scenario endings found', () => {
    expect(rowText(render(), 'Scenario endings found', 'What matters to you\\?')).toBe('1 of 3 found');
  });

  it('gives time spent in hours and minutes', () => {
    const html = render();
    expect(rowText(html, 'Time spent by module', 'The gap')).toBe('1 h 5 min');
    expect(html).toContain('Time spent: 1 h 10 min.');
  });

  it('names every chart table by its heading and hides the bars, which only repeat the numbers', () => {
    const html = render();
    const tables = [...html.matchAll(/<table aria-labelledby="([^"]+)">/g)].map((m) => m[1]);
    expect(tables).toHaveLength(4);
    for (const id of tables) expect(html).toContain(`<h2 id="${id}">`);
    expect(html).not.toMatch(/<td class="hcs-bar-cell">/);
  });
});
