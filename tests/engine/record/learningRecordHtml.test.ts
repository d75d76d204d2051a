import { describe, expect, it } from 'vitest';
import type { Course } from '../../../engine/course/model';
import { emptyProgress, type CourseProgress, type LearningEvent } from '../../../engine/progress/model';
import { applyEvent } from '../../../engine/progress/rules';
import { escapeHtml, html } from '../../../engine/record/html';
import { learningRecordHtml } from '../../../engine/record/learningRecordHtml';
import { cssString } from '../../../engine/record/recordStyles';
import { fakeChoice, fakeCourse, fakeEnding, fakeLesson, fakeModule, fakeQuestion, fakeQuiz, fakeReflection, fakeScenario, quizBlock, reflectionBlock } from '../../fakes/fakeCourse';

function theCourse(title = 'Health Creation in Practice'): Course {
  return fakeCourse({
    id: 'hc-ug',
    title,
    summary: 'Why health is *unequal*, and what [Health Creation](https://example.org) is.',
    level: { award: 'undergraduate', fheq: 6 },
    credits: 15,
    studyHours: 150,
    outcomes: [
      { id: 'co1', text: 'Explain the **3Cs** of control, contact and confidence.' },
      { id: 'co2', text: 'Apply the six features of health-creating practice.' },
    ],
    modules: [
      fakeModule({
        id: 'm1',
        title: 'What Health Creation is',
        masteryScore: 70,
        lessons: [
          fakeLesson({
            id: 'l1',
            title: 'Creating health',
            blocks: [
              { kind: 'markdown', markdown: 'Prose.' },
              quizBlock(fakeQuiz({ id: 'q1', questions: [fakeQuestion({ id: 'q1a', optionIds: ['a', 'b'] }), fakeQuestion({ id: 'q1b', optionIds: ['a', 'b'] })] })),
              reflectionBlock(fakeReflection({ id: 'r1', prompt: 'Think of a time when *you* felt in control.' })),
            ],
          }),
        ],
        scenarios: [
          fakeScenario({
            id: 's1',
            title: 'What matters to you',
            focus: 'Jo, 19, on dialysis',
            nodes: {
              start: { choices: [fakeChoice({ id: 'listen', to: 'good' }), fakeChoice({ id: 'tell', to: 'poor' })] },
              good: { ending: fakeEnding({ title: 'Jo joins the group', kind: 'positive' }) },
              poor: { ending: fakeEnding({ title: 'Jo stays away', kind: 'negative' }) },
            },
          }),
        ],
      }),
      fakeModule({ id: 'm2', title: 'The 3Cs', masteryScore: 80, prerequisites: [], lessons: [fakeLesson({ id: 'l2', title: 'Control' })] }),
    ],
  });
}

/** Applies events in order, each on its own day of March 2026 at 10:00 UTC. */
function play(course: Course, events: Array<[day: number, event: LearningEvent]>): CourseProgress {
  return events.reduce((p, [day, event]) => applyEvent(course, p, event, `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`), emptyProgress(course.id));
}

const firstModule: Array<[number, LearningEvent]> = [
  [2, { type: 'lesson.read', lessonId: 'l1' }],
  [2, { type: 'time.spent', seconds: 3 * 3600 + 25 * 60, lessonId: 'l1' }],
  [2, { type: 'quiz.answered', quizId: 'q1', questionId: 'q1a', selected: ['a'] }],
  [3, { type: 'quiz.answered', quizId: 'q1', questionId: 'q1b', selected: ['b'] }],
  [3, { type: 'reflection.saved', reflectionId: 'r1', text: 'My neighbour kept well\nbecause the choir came to her.' }],
  [4, { type: 'scenario.chose', scenarioId: 's1', choiceId: 'listen', nodeId: 'good', snapshot: null }],
];

const record = (course: Course, progress: CourseProgress, learnerName = 'Asha Patel') =>
  learningRecordHtml({ course, progress, learnerName, generatedAt: '2026-03-09T12:00:00.000Z', appVersion: '0.1.0', timeZone: 'Europe/London' });

/** The document's text without tags, whitespace folded, for reading as a person would. */
function textOf(document: string): string {
  return document
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the learning record', () => {
  it('names the learner, the course, its level and its outcomes, in plain words', () => {
    const text = textOf(record(theCourse(), play(theCourse(), firstModule)));
    expect(text).toContain('Learning record Health Creation in Practice Undergraduate, FHEQ level 6, 15 credits, 150 study hours');
    expect(text).toContain('Learner Asha Patel Record produced 9 March 2026, by Health Creation Studio 0.1.0');
    expect(text).toContain('Why health is unequal, and what Health Creation is.');
    expect(text).toContain('Explain the 3Cs of control, contact and confidence.');
    expect(text).toContain('Apply the six features of health-creating practice.');
  });

  it('says no graded question has been answered yet, rather than a score of 0%, before any is answered', () => {
    const text = textOf(record(theCourse(), emptyProgress('hc-ug')));
    expect(text).toContain('Status Not started');
    expect(text).toContain('Quiz results No graded questions answered yet (2 in the course)');
    expect(text).not.toMatch(/\s0%/);
    expect(text).toContain('No reflections saved yet.');
  });

  it('gives each completed module its day, and counts quiz results against the mastery score as the progress rules do', () => {
    const text = textOf(record(theCourse(), play(theCourse(), firstModule)));
    // q1b was answered wrongly on its only try: 1 of 2 graded questions right, below 70%.
    expect(text).toContain('1. What Health Creation is 4 March 2026 50% (1 of 2 right) 70% Below the mastery score');
    expect(text).toContain('2. The 3Cs Not started No graded questions 80% Not complete yet');
    expect(text).toContain('Modules completed 1 of 2');
    expect(text).toContain('Counted score 50% (1 of 2 graded questions right); mastery score met in 0 of 1 modules with graded questions');
    expect(text).toContain('Status In progress: 2 of 3 lessons and scenarios complete');
    expect(text).toContain('Studied from 2 March 2026 to 4 March 2026');
  });

  it('lists the scenario endings found, the time spent and every reflection with its prompt and day', () => {
    const text = textOf(record(theCourse(), play(theCourse(), firstModule)));
    expect(text).toContain('Scenario endings found 1 of 2');
    expect(text).toContain('What matters to you What Health Creation is. Jo, 19, on dialysis 1 of 2 endings found: Jo joins the group (positive ending)');
    expect(text).toContain('Time spent studying 3 hours 25 minutes');
    expect(text).toContain('Think of a time when you felt in control. What Health Creation is, Creating health; saved 3 March 2026');
    // Line breaks are the learner's own and stay (the stylesheet keeps them with pre-wrap).
    expect(record(theCourse(), play(theCourse(), firstModule))).toContain('<blockquote>My neighbour kept well\nbecause the choir came to her.</blockquote>');
  });

  it('adds a certificate page only once the course is complete, dated the day the last module was completed', () => {
    const course = theCourse();
    const partway = record(course, play(course, firstModule));
    expect(partway).not.toContain('Certificate of completion');
    const done = record(course, play(course, [...firstModule, [6, { type: 'lesson.read', lessonId: 'l2' }]]));
    const text = textOf(done);
    expect(text).toContain('Status Complete on 6 March 2026');
    expect(text).toContain(
      'Certificate of completion This certifies that Asha Patel completed the course Health Creation in Practice Undergraduate, FHEQ level 6, 15 credits, 150 study hours on 6 March 2026, meeting the mastery score in 0 of its 1 modules with graded questions.',
    );
    expect(done).toMatch(/<section class="certificate"/);
    expect(done.indexOf('class="certificate"')).toBeGreaterThan(done.indexOf('</main>'));
  });

  it('says "by" the last day studied when a complete course has modules whose day was never recorded', () => {
    const course = theCourse();
    const progress = play(course, [...firstModule, [6, { type: 'lesson.read', lessonId: 'l2' }]]);
    const { modulesCompleted: _dates, ...undated } = progress;
    const text = textOf(record(course, undated));
    expect(text).toContain('Status Complete by 6 March 2026');
    expect(text).toContain('by 6 March 2026, meeting');
    expect(text).toContain('1. What Health Creation is Complete (day not recorded)');
  });

  it('escapes every piece of text, so a name, a reflection or a title cannot become markup or end the stylesheet', () => {
    const course = theCourse('Care </style><script>alert("course")</script>');
    const progress = play(course, [
      [2, { type: 'lesson.visited', lessonId: 'l1' }],
      [2, { type: 'reflection.saved', reflectionId: 'r1', text: '<img src=x onerror="alert(1)"> & done' }],
    ]);
    const document = record(course, progress, `Ana "O'Neil" <b>Lopez</b>`);
    expect(document).not.toMatch(/<script|<img|<b>/i);
    expect(document.match(/<\/style>/g)).toHaveLength(1);
    expect(document).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; done');
    expect(document).toContain('<title>Learning record: Ana &quot;O&#39;Neil&quot; &lt;b&gt;Lopez&lt;/b&gt;, Care &lt;/style&gt;&lt;script&gt;');
    expect(textOf(document)).toContain(`Learner Ana "O'Neil" <b>Lopez</b>`);
  });

  it('is a whole document that loads nothing and runs nothing', () => {
    const document = record(theCourse(), play(theCourse(), firstModule));
    expect(document.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true);
    expect(document).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
  });
});

describe('html', () => {
  it('escapes the five characters that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes interpolated text but places markup built by html as it is', () => {
    const inner = html`<em>${'<b>'}</em>`;
    expect(html`<p>${inner} ${['<i>', 2]} ${undefined}${false}</p>`.markup).toBe('<p><em>&lt;b&gt;</em> &lt;i&gt;2 </p>');
  });
});

describe('cssString', () => {
  it('keeps quotes, backslashes, line breaks and angle brackets from ending the string or the style element', () => {
    expect(cssString('a"b\\c\nd</style>')).toBe('"a\\22 b\\5c c\\a d\\3c /style\\3e "');
  });
});
