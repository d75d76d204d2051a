// A small course built in code for the player's tests: one lesson with prose, an
// image, a two-question quiz and a reflection; one scenario with a conditional
// choice and three endings; and a lesson written to attack the sanitiser.
import type { Course, Lesson, Module, Scenario } from '../../engine/course/model';
import { emptyProgress, type CourseProgress } from '../../engine/progress/model';

/** A lesson with Markdown, an image, a single- and a multiple-choice question, and a reflection. */
export function playerLesson(): Lesson {
  return {
    id: 'l-gap',
    title: 'The gap in healthy life',
    file: 'modules/gap/01-the-gap.md',
    minutes: 10,
    outcomes: ['m1-o1'],
    media: ['modules/gap/media/gradient.svg'],
    words: 60,
    blocks: [
      {
        kind: 'markdown',
        markdown:
          '# The gap in healthy life\n\nPeople in the poorest areas live fewer years in good health.\n\n' +
          '![A chart of healthy life expectancy by deprivation](modules/gap/media/gradient.svg)\n\n' +
          '## Why it matters\n\nRead [the manifesto](https://example.org/manifesto).',
      },
      {
        kind: 'quiz',
        quiz: {
          id: 'q-gap',
          title: 'Check your understanding',
          attempts: 2,
          questions: [
            {
              id: 'q-gap-1',
              type: 'single',
              shuffle: false,
              prompt: 'What share of health do social factors determine?',
              options: [
                { id: 'a', text: 'About 90%', correct: true, feedback: 'Yes: most health is made outside the clinic.' },
                { id: 'b', text: 'About 10%', correct: false, feedback: 'No: that is closer to the share care makes.' },
              ],
            },
            {
              id: 'q-gap-2',
              type: 'multiple',
              prompt: 'Which are the 3Cs?',
              options: [
                { id: 'control', text: 'Control', correct: true, feedback: 'Control over one’s life is one.' },
                { id: 'contact', text: 'Contact', correct: true, feedback: 'Contact with others is one.' },
                { id: 'cost', text: 'Cost', correct: false, feedback: 'Cost is not one of the 3Cs.' },
              ],
            },
          ],
        },
      },
      {
        kind: 'reflection',
        reflection: {
          id: 'r-gap',
          prompt: 'Think of a patient you met on placement. What mattered to them?',
          guidance: 'Two or three sentences are enough.',
        },
      },
    ],
  };
}

/** A lesson whose Markdown tries script tags, event handlers and javascript: links. */
export function hostileLesson(): Lesson {
  return {
    id: 'l-hostile',
    title: 'Hostile content',
    file: 'modules/gap/02-hostile.md',
    minutes: 1,
    outcomes: [],
    media: [],
    words: 20,
    blocks: [
      {
        kind: 'markdown',
        markdown: [
          '# Hostile content',
          '<script>window.__pwned = "script"</script>',
          '<img src="x" onerror="window.__pwned = \'onerror\'">',
          '[click me](javascript:window.__pwned="link")',
          '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
          '![bad](javascript:window.__pwned="img")',
          '<a href="javascript:void(0)" onclick="window.__pwned=\'click\'">raw link</a>',
          'Safe text stays.',
        ].join('\n\n'),
      },
    ],
  };
}

/** A scenario: two routes to a positive ending (one behind a condition), a mixed and a negative ending. */
export function playerScenario(): Scenario {
  return {
    id: 's-gp',
    title: 'What matters to you?',
    file: 'modules/gap/gp.scenario.yaml',
    summary: 'A GP consultation with a patient who keeps coming back.',
    focus: 'Mr Okafor, 67, who lives alone',
    outcomes: ['m1-o1'],
    variables: [
      { name: 'control', label: 'Control', initial: 3, min: 0, max: 10 },
      { name: 'contact', label: 'Contact', initial: 2, min: 0, max: 10 },
      { name: 'confidence', label: 'Confidence', initial: 3, min: 0, max: 10 },
      { name: 'trust', label: 'Trust', initial: 0, min: 0, max: 10 },
    ],
    start: 'waiting-room',
    nodes: {
      'waiting-room': {
        id: 'waiting-room',
        text: 'Mr Okafor is back for the third time this month.',
        choices: [
          {
            id: 'ask',
            text: 'Ask "what matters to you?"',
            to: 'listening',
            effects: { control: 1, confidence: 1, trust: 2 },
            feedback: 'He sits up a little.',
          },
          { id: 'prescribe', text: 'Repeat the prescription.', to: 'repeat-visit', effects: { contact: -1 } },
        ],
      },
      listening: {
        id: 'listening',
        text: 'He talks about the walking group he used to go to.',
        choices: [
          { id: 'connect', text: 'Suggest the walking group.', to: 'group', effects: { contact: 2 }, when: 'trust >= 2' },
          { id: 'refer', text: 'Refer him to a social prescriber.', to: 'referral', effects: { contact: 1 } },
        ],
      },
      group: {
        id: 'group',
        text: 'Two months later he leads the Tuesday walk.',
        choices: [],
        ending: {
          title: 'A new routine',
          kind: 'positive',
          debrief: 'Listening found what **he** could do.',
          features: ['listening-and-responding', 'strengths-focus'],
          missing: [],
          pathNotes: [],
        },
      },
      referral: {
        id: 'referral',
        text: 'The referral helps, slowly.',
        choices: [],
        ending: {
          title: 'Slow progress',
          kind: 'mixed',
          debrief: 'A referral alone leaves him waiting.',
          features: ['listening-and-responding'],
          missing: ['power-shifting'],
          pathNotes: [
            { when: 'contact > 2', text: 'On this path his contact **rose** a little.' },
            { when: 'contact <= 2', text: 'On this path his contact did not rise.' },
          ],
        },
      },
      'repeat-visit': {
        id: 'repeat-visit',
        text: 'He is back next week.',
        choices: [],
        ending: { title: 'Round again', kind: 'negative', debrief: 'Nothing changed for him.', features: [], missing: [], pathNotes: [] },
      },
    },
  };
}

/** A second module that opens once the first is complete. */
function nextModule(): Module {
  return {
    id: 'next',
    title: 'Acting on the gap',
    summary: 'What a practice can do.',
    folder: 'modules/next',
    outcomes: [],
    prerequisites: ['gap'],
    estimatedMinutes: 20,
    masteryScore: 70,
    lessons: [
      {
        id: 'l-act',
        title: 'Acting together',
        file: 'modules/next/01-act.md',
        minutes: 10,
        outcomes: [],
        media: [],
        words: 5,
        blocks: [{ kind: 'markdown', markdown: '# Acting together\n\nStart with what matters.' }],
      },
    ],
    scenarios: [],
  };
}

/** A course of two modules: the player's lessons and scenario, then a module locked behind them. */
export function playerCourse(): Course {
  const module: Module = {
    id: 'gap',
    title: 'The gap',
    summary: 'Health inequalities.',
    folder: 'modules/gap',
    outcomes: [{ id: 'm1-o1', text: 'Describe the gap.', courseOutcomes: ['co1'] }],
    prerequisites: [],
    estimatedMinutes: 30,
    masteryScore: 50,
    lessons: [playerLesson(), hostileLesson()],
    scenarios: [playerScenario()],
  };
  return {
    id: 'player-course',
    title: 'Health Creation in Practice',
    version: '1.0.0',
    summary: 'A course for the player tests.',
    level: { award: 'undergraduate', fheq: 6 },
    credits: 15,
    language: 'en-GB',
    authors: ['Health Creation Studio'],
    outcomes: [{ id: 'co1', text: 'Explain health creation.' }],
    modules: [module, nextModule()],
    references: [],
    glossary: [],
  };
}

/** Empty progress for the player course. */
export function playerProgress(): CourseProgress {
  return emptyProgress('player-course');
}
