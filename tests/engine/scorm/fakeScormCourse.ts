// A small but complete course for the SCORM tests: two modules, quizzes with single
// and multiple questions, a reflection, and a scenario with a condition and two endings.
import type { Course, Module, Scenario } from '../../../engine/course/model';

/** A scenario: waiting-room -> listening -> (group | repeat) endings. */
export function fakeScenario(id = 'gp-what-matters', outcomes = ['m1-o2']): Scenario {
  return {
    id,
    title: 'What matters to you?',
    file: `modules/m1/${id}.scenario.yaml`,
    summary: 'A GP consultation.',
    focus: 'Mr Okafor, 67',
    outcomes,
    variables: [
      { name: 'control', label: 'Control', initial: 3, min: 0, max: 10 },
      { name: 'contact', label: 'Contact', initial: 2, min: 0, max: 10 },
      { name: 'confidence', label: 'Confidence', initial: 3, min: 0, max: 10 },
    ],
    start: 'waiting-room',
    nodes: {
      'waiting-room': {
        id: 'waiting-room',
        text: 'He sits down.',
        choices: [
          { id: 'ask', text: 'Ask what matters to him.', to: 'listening', effects: { control: 1 } },
          { id: 'prescribe', text: 'Repeat the prescription.', to: 'repeat', effects: { contact: -1 } },
        ],
      },
      listening: {
        id: 'listening',
        text: 'He talks about the walking group.',
        choices: [{ id: 'connect-group', text: 'Suggest the walking group.', to: 'group', effects: { contact: 2 }, when: 'control >= 4' }],
      },
      group: {
        id: 'group',
        text: '',
        choices: [],
        ending: { title: 'A new routine', kind: 'positive', debrief: 'Listening helped.', features: ['listening-and-responding'], missing: [], pathNotes: [] },
      },
      repeat: {
        id: 'repeat',
        text: '',
        choices: [],
        ending: { title: 'Back next week', kind: 'negative', debrief: 'Nothing changed.', features: [], missing: [], pathNotes: [] },
      },
    },
  };
}

function fakeModule(n: number, withScenario: boolean): Module {
  const m = `m${n}`;
  return {
    id: `module-${n}`,
    title: `Module ${n}`,
    summary: `Summary of module ${n}.`,
    folder: `modules/${m}`,
    outcomes: [
      { id: `${m}-o1`, text: `Describe idea ${n}.`, courseOutcomes: ['co1'] },
      { id: `${m}-o2`, text: `Apply idea ${n}.`, courseOutcomes: ['co1'] },
    ],
    prerequisites: n > 1 ? [`module-${n - 1}`] : [],
    estimatedMinutes: 60,
    masteryScore: 70,
    lessons: [
      {
        id: `${m}-intro`,
        title: `Introduction ${n}`,
        file: `modules/${m}/01-intro.md`,
        minutes: 10,
        outcomes: [`${m}-o1`],
        blocks: [
          { kind: 'markdown', markdown: '# Introduction\n\nText.' },
          {
            kind: 'quiz',
            quiz: {
              id: `${m}-quiz`,
              questions: [
                {
                  id: `${m}-q1`,
                  type: 'single',
                  prompt: 'Which is right?',
                  options: [
                    { id: 'a', text: 'Right', correct: true, feedback: 'Yes.' },
                    { id: 'b', text: 'Wrong', correct: false, feedback: 'No.' },
                  ],
                },
                {
                  id: `${m}-q2`,
                  type: 'multiple',
                  prompt: 'Which **two** are right?\nChoose both.',
                  options: [
                    { id: 'one', text: 'One', correct: true, feedback: 'Yes.' },
                    { id: 'two-of-them', text: 'Two', correct: true, feedback: 'Yes.' },
                    { id: 'three', text: 'Three', correct: false, feedback: 'No.' },
                  ],
                },
              ],
            },
          },
          { kind: 'reflection', reflection: { id: `${m}-reflect`, prompt: 'Think of a patient.' } },
        ],
        media: [`modules/${m}/media/chart.svg`],
        words: 2,
      },
      {
        id: `${m}-practice`,
        title: `Practice ${n}`,
        file: `modules/${m}/02-practice.md`,
        minutes: 10,
        outcomes: [`${m}-o2`],
        blocks: [{ kind: 'markdown', markdown: 'Practice text.' }],
        media: [],
        words: 2,
      },
    ],
    scenarios: withScenario ? [fakeScenario(`${m}-scenario`, [`${m}-o2`])] : [],
  };
}

/** A two-module course; the first module has a scenario. */
export function fakeScormCourse(): Course {
  return {
    id: 'fake-course',
    title: 'Health Creation & Practice',
    version: '1.0.0',
    summary: 'A course for tests <with> "specials".',
    level: { award: 'undergraduate', fheq: 6 },
    credits: 15,
    language: 'en-GB',
    authors: ['Health Creation Studio'],
    outcomes: [{ id: 'co1', text: 'Explain health creation.' }],
    modules: [fakeModule(1, true), fakeModule(2, false)],
    references: [],
    glossary: [],
  };
}
