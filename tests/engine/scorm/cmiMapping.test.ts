import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../engine/progress/model';
import {
  exitWrites,
  interactionWrites,
  locationString,
  objectiveWrites,
  parseLocation,
  quizInteraction,
  reportWrites,
  scenarioInteraction,
} from '../../../engine/scorm/cmiMapping';
import { fromShortId, positionChar, shortId } from '../../../engine/scorm/identifiers';
import { scoReport } from '../../../engine/scorm/scoReport';
import { scoScopes } from '../../../engine/scorm/scope';
import { fakeScormCourse } from './fakeScormCourse';

const course = fakeScormCourse();
const [m1] = scoScopes(course, 'module');
const at = '2026-01-02T03:04:05.000Z';

function progressWith(answers: Record<string, boolean>, complete: boolean) {
  const p = emptyProgress(course.id);
  for (const [id, correct] of Object.entries(answers)) p.answers[id] = { quizId: 'm1-quiz', selected: ['a'], correct, attempts: 1, at };
  if (complete) {
    p.lessons['m1-intro'] = { visited: true, read: true, seconds: 1 };
    p.lessons['m1-practice'] = { visited: true, read: true, seconds: 1 };
    p.reflections['m1-reflect'] = { text: 'Listening first.', at };
    p.scenarios['m1-scenario'] = { path: [], endingsFound: ['group'], plays: 1 };
  }
  return p;
}

/** Moodle's SCORM 2004 CMIShortIdentifier and SCORM 1.2's choice response, the strictest forms these values meet. */
const SHORT_IDENTIFIER = /^[\w.]{1,250}$/;
const SCORM12_CHOICES = /^[0-9a-z](,[0-9a-z])*$/;
/** Moodle's CMILangString250 (mod/scorm/datamodels/scorm_13.js). */
const LANG_STRING_250 = /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{].{0,250}$)?/;

describe('scoReport and reportWrites', () => {
  it('reports a launched, unfinished module as incomplete with no score', () => {
    const report = scoReport(course, m1!, progressWith({}, false));
    expect(reportWrites('scorm12', report)).toEqual([['cmi.core.lesson_status', 'incomplete']]);
    expect(reportWrites('scorm2004', report)).toEqual([
      ['cmi.completion_status', 'incomplete'],
      ['cmi.progress_measure', '0'],
    ]);
  });

  it('reports passed with score raw, min, max and scaled when every question is answered at mastery', () => {
    const report = scoReport(course, m1!, progressWith({ 'm1-q1': true, 'm1-q2': true }, true));
    expect(reportWrites('scorm12', report)).toEqual([
      ['cmi.core.lesson_status', 'passed'],
      ['cmi.core.score.raw', '100'],
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
    ]);
    expect(reportWrites('scorm2004', report)).toContainEqual(['cmi.success_status', 'passed']);
    expect(reportWrites('scorm2004', report)).toContainEqual(['cmi.score.scaled', '1']);
  });

  it('reports failed below the mastery score', () => {
    const report = scoReport(course, m1!, progressWith({ 'm1-q1': true, 'm1-q2': false }, true));
    expect(reportWrites('scorm12', report)[0]).toEqual(['cmi.core.lesson_status', 'failed']);
    expect(reportWrites('scorm2004', report)).toContainEqual(['cmi.score.raw', '50']);
    expect(reportWrites('scorm2004', report)).toContainEqual(['cmi.score.scaled', '0.5']);
  });

  it('sends SCORM 1.2 no score while the learner is in progress, so Moodle\'s mastery override cannot turn incomplete into failed', () => {
    const report = scoReport(course, m1!, progressWith({ 'm1-q1': false, 'm1-q2': false }, false));
    expect(report).toMatchObject({ completed: false, success: 'failed', score: { raw: 0 } });
    expect(reportWrites('scorm12', report)).toEqual([['cmi.core.lesson_status', 'incomplete']]);
    // SCORM 2004 keeps completion apart, so its verdict can go at once.
    expect(reportWrites('scorm2004', report)).toContainEqual(['cmi.success_status', 'failed']);
    expect(reportWrites('scorm2004', report)).toContainEqual(['cmi.completion_status', 'incomplete']);
  });

  it('counts a lesson done only once it was read to its end, as the progress rules do', () => {
    const opened = progressWith({ 'm1-q1': true, 'm1-q2': true }, true);
    opened.lessons['m1-practice'] = { visited: true, read: false, seconds: 1 };
    const report = scoReport(course, m1!, opened);
    expect(report.completed).toBe(false);
    expect(reportWrites('scorm12', report)[0]).toEqual(['cmi.core.lesson_status', 'incomplete']);
    expect(scoReport(course, m1!, progressWith({ 'm1-q1': true, 'm1-q2': true }, true)).completed).toBe(true);
  });

  it('keeps success unknown and sends no score until every question is answered', () => {
    const report = scoReport(course, m1!, progressWith({ 'm1-q1': true }, false));
    expect(report.success).toBe('unknown');
    expect(report.score).toBeUndefined();
    expect(reportWrites('scorm2004', report).some(([k]) => k.startsWith('cmi.score'))).toBe(false);
  });

  it('reports one objective per module outcome with its own status, and a verdict only once complete', () => {
    const report = scoReport(course, m1!, progressWith({ 'm1-q1': true, 'm1-q2': true }, false));
    expect(report.objectives.map((o) => o.id)).toEqual(['m1-o1', 'm1-o2']);
    expect(objectiveWrites('scorm12', 0, report.objectives[0]!, true)).toEqual([
      ['cmi.objectives.0.id', 'm1-o1'],
      ['cmi.objectives.0.status', 'incomplete'],
    ]);
    expect(objectiveWrites('scorm2004', 0, report.objectives[0]!, true)).toEqual([
      ['cmi.objectives.0.id', 'm1-o1'],
      ['cmi.objectives.0.success_status', 'passed'],
      ['cmi.objectives.0.completion_status', 'incomplete'],
      ['cmi.objectives.0.description', 'Describe idea 1.'],
      ['cmi.objectives.0.score.scaled', '1'],
      ['cmi.objectives.0.score.raw', '100'],
    ]);
    expect(objectiveWrites('scorm2004', 1, report.objectives[1]!, false)).toEqual([['cmi.objectives.1.completion_status', 'not attempted']]);
    const done = scoReport(course, m1!, progressWith({ 'm1-q1': true, 'm1-q2': true }, true));
    expect(objectiveWrites('scorm12', 0, done.objectives[0]!, false)).toEqual([
      ['cmi.objectives.0.status', 'passed'],
      ['cmi.objectives.0.score.raw', '100'],
      ['cmi.objectives.0.score.min', '0'],
      ['cmi.objectives.0.score.max', '100'],
    ]);
  });
});

describe('interactions', () => {
  it('journals a quiz answer in SCORM 1.2 with options named by written position, one character each', () => {
    const i = quizInteraction(course, 'm1-q2', ['one', 'three'], at)!;
    expect(interactionWrites('scorm12', 3, i)).toEqual([
      ['cmi.interactions.3.id', 'm1-q2'],
      ['cmi.interactions.3.objectives.0.id', 'm1-o1'],
      ['cmi.interactions.3.time', '03:04:05'],
      ['cmi.interactions.3.type', 'choice'],
      ['cmi.interactions.3.correct_responses.0.pattern', 'a,b'],
      ['cmi.interactions.3.student_response', 'a,c'],
      ['cmi.interactions.3.result', 'wrong'],
    ]);
  });

  it('journals a quiz answer in SCORM 2004 with option ids as short identifiers, [,] delimiters, a plain-text description and no timestamp', () => {
    const writes = interactionWrites('scorm2004', 0, quizInteraction(course, 'm1-q2', ['two-of-them', 'one'], at)!);
    expect(writes.slice(0, 2)).toEqual([
      ['cmi.interactions.0.id', 'm1-q2'],
      ['cmi.interactions.0.type', 'choice'],
    ]);
    expect(writes).toContainEqual(['cmi.interactions.0.learner_response', 'one[,]two_of_them']);
    expect(writes).toContainEqual(['cmi.interactions.0.correct_responses.0.pattern', 'one[,]two_of_them']);
    expect(writes).toContainEqual(['cmi.interactions.0.result', 'correct']);
    expect(writes).toContainEqual(['cmi.interactions.0.description', 'Which two are right? Choose both.']);
    expect(writes.some(([k]) => k.endsWith('.timestamp'))).toBe(false);
  });

  it('gives every response, pattern and description in a form the strictest runtime accepts, and maps ids back', () => {
    const quiz = quizInteraction(course, 'm1-q2', ['one', 'two-of-them', 'three'], at)!;
    const story = scenarioInteraction(course, 'm1-scenario', ['ask', 'connect-group'], at)!;
    for (const i of [quiz, story]) {
      const w2004 = new Map(interactionWrites('scorm2004', 0, i));
      for (const step of w2004.get('cmi.interactions.0.learner_response')!.split('[,]')) {
        expect(step).toMatch(SHORT_IDENTIFIER);
        expect(i.response.map((r) => r.id)).toContain(fromShortId(step));
      }
      expect(w2004.get('cmi.interactions.0.description')).toMatch(LANG_STRING_250);
      const w12 = new Map(interactionWrites('scorm12', 0, i));
      expect(w12.get('cmi.interactions.0.student_response')).toMatch(SCORM12_CHOICES);
    }
  });

  it('journals a scenario play-through that reached an ending as one neutral sequencing interaction', () => {
    const i = scenarioInteraction(course, 'm1-scenario', ['ask', 'connect-group'], at)!;
    expect(i).toMatchObject({ id: 'm1-scenario', type: 'sequencing', result: 'neutral', objectiveIds: ['m1-o2'] });
    expect(i.description).toBe('What matters to you?: 2 choices to the ending "A new routine" (positive)');
    const w2004 = new Map(interactionWrites('scorm2004', 2, i));
    expect(w2004.get('cmi.interactions.2.learner_response')).toBe('ask[,]connect_group');
    expect([...w2004.keys()].some((k) => k.includes('correct_responses'))).toBe(false);
    // In SCORM 1.2, each step is the choice's place among those offered at its node.
    expect(new Map(interactionWrites('scorm12', 2, i)).get('cmi.interactions.2.student_response')).toBe('a,a');
    expect(scenarioInteraction(course, 'm1-scenario', ['prescribe'], at)).toMatchObject({ response: [{ id: 'prescribe', position: 1 }] });
  });

  it('journals nothing for a play-through that has not reached an ending, a practice question, or ids the course does not have', () => {
    expect(scenarioInteraction(course, 'm1-scenario', ['ask'], at)).toBeUndefined();
    expect(scenarioInteraction(course, 'm1-scenario', ['nope'], at)).toBeUndefined();
    expect(quizInteraction(course, 'nope', ['a'], at)).toBeUndefined();
    const practice = structuredClone(course);
    const block = practice.modules[0]!.lessons[0]!.blocks.find((b) => b.kind === 'quiz')!;
    if (block.kind === 'quiz') block.quiz.graded = false;
    expect(quizInteraction(practice, 'm1-q1', ['a'], at)).toBeUndefined();
  });

  it('names positions a to z, then 0 to 9, and no further', () => {
    expect([0, 25, 26, 35].map(positionChar)).toEqual(['a', 'z', '0', '9']);
    expect(() => positionChar(36)).toThrow(/at most 36 options/);
    expect(shortId('what-matters-to-you')).toBe('what_matters_to_you');
  });
});

describe('location and exit', () => {
  it('round-trips the bookmark of a scenario, a lesson and a module', () => {
    for (const loc of [{ moduleId: 'module-1', scenarioId: 'm1-scenario' }, { moduleId: 'module-2', lessonId: 'm2-intro' }, { moduleId: 'module-2' }]) {
      expect(parseLocation(course, locationString(loc))).toEqual(loc);
    }
  });

  it('ignores a bookmark that names nothing in the course', () => {
    expect(parseLocation(course, 'page=3')).toEqual({});
  });

  it('writes session time in each standard\'s format and exits suspended', () => {
    expect(exitWrites('scorm12', 65)).toEqual([['cmi.core.session_time', '0000:01:05.00'], ['cmi.core.exit', 'suspend']]);
    expect(exitWrites('scorm2004', 65)).toEqual([['cmi.session_time', 'PT1M5S'], ['cmi.exit', 'suspend']]);
  });
});
