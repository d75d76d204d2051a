import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { LessonView } from '../../../renderer/player';
import { playerCourse, playerLesson, playerProgress } from '../../fakes/playerFixtures';
import type { CourseProgress } from '../../../engine/progress/model';
import type { Lesson } from '../../../engine/course/model';

function render(lesson: Lesson = playerLesson(), progress: CourseProgress = playerProgress()): string {
  return renderToString(
    <LessonView course={playerCourse()} lesson={lesson} progress={progress} assetBase="hcs-asset://player-course/" learnerSeed="learner-1" onEvent={() => {}} />,
  );
}

describe('LessonView markup', () => {
  it('renders the lesson prose with its image resolved and alt text kept', () => {
    const html = render();
    expect(html).toContain('src="hcs-asset://player-course/modules/gap/media/gradient.svg"');
    expect(html).toContain('alt="A chart of healthy life expectancy by deprivation"');
  });

  it('uses the lesson’s own top heading instead of adding a second one', () => {
    expect(render().match(/<h1/g)).toHaveLength(1);
  });

  it('adds the lesson title as the top heading when the Markdown has none', () => {
    const lesson = { ...playerLesson(), blocks: [{ kind: 'markdown' as const, markdown: 'Just prose.' }] };
    expect(render(lesson)).toContain('<h1>The gap in healthy life</h1>');
  });

  it('offers a single-choice question as radio buttons and a multiple-choice one as checkboxes', () => {
    const html = render();
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
    expect(html).toContain('Check answer');
  });

  it('restores a graded answer that used the last try with the right answer, its feedback and the quiz score, and offers no retry', () => {
    const progress = playerProgress();
    progress.answers['q-gap-1'] = { quizId: 'q-gap', selected: ['b'], correct: false, attempts: 2, at: '2026-01-01T00:00:00Z' };
    const html = render(playerLesson(), progress);
    expect(html).toContain('Your choice: not right.');
    expect(html).toContain('No: that is closer to the share care makes.');
    expect(html).toContain('A right answer you did not choose.');
    expect(html).toContain('That was your last try');
    expect(html).toContain('Score: 0 of 2 right (1 of 2 answered).');
    expect(html).not.toContain('Try again');
  });

  it('keeps the right answer and the feedback back while a graded question has tries left', () => {
    const progress = playerProgress();
    progress.answers['q-gap-1'] = { quizId: 'q-gap', selected: ['b'], correct: false, attempts: 1, at: '2026-01-01T00:00:00Z' };
    const html = render(playerLesson(), progress);
    expect(html).toContain('You have 1 more try at this question');
    expect(html).toContain('Try again');
    expect(html).not.toContain('A right answer you did not choose.');
    expect(html).not.toContain('most health is made outside the clinic');
    expect(html).not.toContain('No: that is closer to the share care makes.');
    expect(html).toContain('2 questions, none answered yet.');
  });

  it('shows a practice question\'s answer and feedback at once and always offers another try', () => {
    const lesson = playerLesson();
    const block = lesson.blocks.find((b) => b.kind === 'quiz')!;
    if (block.kind === 'quiz') block.quiz = { ...block.quiz, graded: false, attempts: undefined };
    const progress = playerProgress();
    progress.answers['q-gap-1'] = { quizId: 'q-gap', selected: ['b'], correct: false, attempts: 5, at: '2026-01-01T00:00:00Z' };
    const html = render(lesson, progress);
    expect(html).toContain('Practice: this quiz does not count towards your mark');
    expect(html).toContain('A right answer you did not choose.');
    expect(html).toContain('Try again');
  });

  it('shows each learner the options in their own order, the same every time', () => {
    const lesson = playerLesson();
    const order = (seed: string) => {
      const html = renderToString(<LessonView course={playerCourse()} lesson={lesson} progress={playerProgress()} assetBase="/" learnerSeed={seed} onEvent={() => {}} />);
      return [...html.matchAll(/data-option-id="([^"]+)"/g)].map((m) => m[1]).join(' ');
    };
    const orders = new Set(Array.from({ length: 12 }, (_, i) => order(`learner-${i}`)));
    expect(orders.size).toBeGreaterThan(1);
    expect(order('learner-3')).toBe(order('learner-3'));
  });

  it('labels the reflection box with its prompt and restores the saved journal text', () => {
    const progress = playerProgress();
    progress.reflections['r-gap'] = { text: 'She wanted to get back to her allotment.', at: '2026-01-01T00:00:00Z' };
    const html = render(playerLesson(), progress);
    const labelFor = /<label for="([^"]+)" class="hcs-reflection-prompt"><span>Think of a patient/.exec(html)?.[1];
    expect(labelFor).toBeDefined();
    expect(html).toMatch(new RegExp(`<textarea id="${labelFor}"[^>]*>She wanted to get back to her allotment.</textarea>`));
    expect(html).toMatch(/role="status"[^>]*>Saved</);
  });

  it('renders Markdown in question prompts, options, feedback and reflection prompts', () => {
    const lesson = playerLesson();
    const quiz = lesson.blocks[1]!;
    if (quiz.kind !== 'quiz') throw new Error('the fixture lesson has its quiz second');
    const question = quiz.quiz.questions[0]!;
    question.prompt = 'What share of health do *social* factors determine?';
    question.options[0] = { ...question.options[0]!, text: 'About **90%**', feedback: 'Yes: see [the manifesto](https://example.org/m).' };
    const reflection = lesson.blocks[2]!;
    if (reflection.kind === 'reflection') reflection.reflection = { ...reflection.reflection, prompt: 'Think of a patient who *felt* well.' };
    const progress = playerProgress();
    progress.answers['q-gap-1'] = { quizId: 'q-gap', selected: ['a'], correct: true, attempts: 1, at: '2026-01-01T00:00:00Z' };
    const html = render(lesson, progress);
    expect(html).toContain('What share of health do <em>social</em> factors determine?');
    expect(html).toContain('About <strong>90%</strong>');
    expect(html).toContain('<a href="https://example.org/m" target="_blank" rel="noopener noreferrer">the manifesto</a>');
    expect(html).toContain('Think of a patient who <em>felt</em> well.');
    expect(html).not.toContain('*social*');
  });

  it('links citations and marks glossary terms only where the host shows references and a glossary', () => {
    const lesson = { ...playerLesson(), blocks: [{ kind: 'markdown' as const, markdown: 'Health Creation matters (*A Manifesto for Health Creation*, New NHS Alliance).' }] };
    const course = {
      ...playerCourse(),
      references: [{ id: 'manifesto', title: 'A Manifesto for Health Creation', organisation: 'New NHS Alliance' }],
      glossary: [{ term: 'Health Creation', definition: 'Health that grows as people gain control.', source: 'manifesto' }],
    };
    const links = { onOpenReference: () => {}, onOpenTerm: () => {} };
    const linked = renderToString(<LessonView course={course} lesson={lesson} progress={playerProgress()} assetBase="" learnerSeed="ada" onEvent={() => {}} links={links} />);
    expect(linked).toContain('data-reference="manifesto"');
    expect(linked).toContain('data-term="health-creation"');
    expect(linked).toContain('role="tooltip"');
    const plain = renderToString(<LessonView course={course} lesson={lesson} progress={playerProgress()} assetBase="" learnerSeed="ada" onEvent={() => {}} />);
    expect(plain).not.toContain('data-reference');
    expect(plain).not.toContain('data-term');
  });
});
