import { describe, expect, it } from 'vitest';
import { createCourseSearch, fold, markdownToText, MAX_HITS } from '../../../main/services/search';
import { fakeChoice, fakeCourse, fakeEnding, fakeLesson, fakeModule, fakeQuestion, fakeQuiz, fakeScenario, quizBlock } from '../../fakes/fakeCourse';
import { fakeCatalog } from '../../fakes/fakeCatalog';

const md = (markdown: string) => ({ kind: 'markdown' as const, markdown });

const inequalities = fakeCourse({
  id: 'ug',
  modules: [
    fakeModule({
      id: 'gap',
      lessons: [
        fakeLesson({ id: 'the-gap', title: 'The gap in healthy life expectancy', blocks: [md('People in the most **deprived** areas live shorter lives.')] }),
        fakeLesson({
          id: 'prescribing',
          title: 'Link workers',
          blocks: [md('Social prescribing connects people to community groups. Social prescribing is not a cure-all.')],
        }),
        fakeLesson({
          id: 'quiz-lesson',
          title: 'Check',
          blocks: [quizBlock(fakeQuiz({ questions: [fakeQuestion({ prompt: 'What does a care navigator do?' })] }))],
        }),
      ],
      scenarios: [
        fakeScenario({
          id: 'waiting-room',
          title: 'The waiting room',
          nodes: {
            start: { text: 'Jo sits in the waiting room, worried about dialysis.', choices: [fakeChoice({ id: 'ask', text: 'Ask what matters to Jo', to: 'end' })] },
            end: { ending: fakeEnding({ title: 'Heard', debrief: 'Listening shifted power towards Jo.' }) },
          },
        }),
      ],
    }),
  ],
});
const policy = fakeCourse({
  id: 'pg',
  modules: [fakeModule({ id: 'policy', lessons: [fakeLesson({ id: 'nhs-plan', title: 'Social prescribing in national policy', blocks: [md('The long-term plan.')] })] })],
});

const search = createCourseSearch(fakeCatalog([inequalities, policy]));

describe('search across all courses', () => {
  it('finds lesson prose and names the course, module, item and title', async () => {
    const hits = await search.search('deprived');
    expect(hits).toEqual([
      {
        courseId: 'ug',
        moduleId: 'gap',
        kind: 'lesson',
        itemId: 'the-gap',
        title: 'The gap in healthy life expectancy',
        snippet: 'People in the most deprived areas live shorter lives.',
      },
    ]);
  });

  it('finds scenario text: node text, choices and debriefs', async () => {
    expect((await search.search('dialysis')).map((h) => [h.kind, h.itemId])).toEqual([['scenario', 'waiting-room']]);
    expect((await search.search('shifted power')).map((h) => h.itemId)).toEqual(['waiting-room']);
    expect((await search.search('what matters')).map((h) => h.itemId)).toEqual(['waiting-room']);
  });

  it('finds quiz prompts inside lessons', async () => {
    expect((await search.search('care navigator')).map((h) => h.itemId)).toEqual(['quiz-lesson']);
  });

  it('ranks a title match above matches in the text, across courses', async () => {
    const hits = await search.search('social prescribing');
    expect(hits.map((h) => `${h.courseId}/${h.itemId}`)).toEqual(['pg/nhs-plan', 'ug/prescribing']);
  });

  it('needs every word of the query to match', async () => {
    expect(await search.search('prescribing dialysis')).toEqual([]);
  });

  it('ignores case and accents', async () => {
    expect((await search.search('DÉPRIVED')).map((h) => h.itemId)).toEqual(['the-gap']);
  });

  it('returns nothing for a blank query', async () => {
    expect(await search.search('   ')).toEqual([]);
  });

  it('skips broken courses', async () => {
    const withBroken = createCourseSearch(fakeCatalog([policy], { broken: [{ id: 'bad', title: 'Bad', diagnostics: [] }] }));
    expect((await withBroken.search('policy')).map((h) => h.courseId)).toEqual(['pg']);
  });

  it('shows a snippet of plain text around a match deep in a long lesson', async () => {
    const filler = 'Words before the match. '.repeat(40);
    const long = fakeCourse({ id: 'long', modules: [fakeModule({ lessons: [fakeLesson({ id: 'long-one', blocks: [md(`${filler}Here is *asset-based* working. ${filler}`)] })] })] });
    const [hit] = await createCourseSearch(fakeCatalog([long])).search('asset-based');
    expect(hit?.snippet).toMatch(/^….*Here is asset-based working\..*…$/);
    expect(hit?.snippet.length).toBeLessThanOrEqual(185);
  });

  it(`returns at most ${MAX_HITS} hits`, async () => {
    const many = fakeCourse({ id: 'many', modules: [fakeModule({ lessons: Array.from({ length: 60 }, (_, i) => fakeLesson({ id: `l-${i}`, blocks: [md('health')] })) })] });
    expect(await createCourseSearch(fakeCatalog([many])).search('health')).toHaveLength(MAX_HITS);
  });
});

describe('text helpers', () => {
  it('reduces Markdown to the words a reader sees', () => {
    expect(markdownToText('## Heading\n\n- a [link](https://x.org) and ![a chart](media/c.svg)\n> quote with `code`')).toBe(
      'Heading a link and a chart quote with code',
    );
  });

  it('folds case and accents without changing the text length', () => {
    expect(fold('Café Ünïon')).toBe('cafe union');
    expect(fold('Café Ünïon')).toHaveLength('Café Ünïon'.length);
  });
});
