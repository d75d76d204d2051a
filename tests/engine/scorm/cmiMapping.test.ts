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
    p.lessons['m1-intro'] = { visited: true, seconds: 1 };
    p.lessons['m1-practice'] = { visited: true, seconds: 1 };
    p.scenarios['m1-scenario'] = { path: [], endingsFound: ['group'], plays: 1 };
  }
  return p;
}

describe('scoReport and reportWrites', () => {
  it('reports a launched, unfinished module as incomplete with no score', () => {
    const report = scoReport(course, m1!, progressWith({}, false));
    expect(reportWrites('scorm12', report)).toEqual([['cmi.core.lesson_status', 'incomplete']]);
    expect(reportWrites('scorm2004', report)).toEqual([
      ['cmi.completion_status', 'incomplete'],
      ['cmi.success_status', 'unknown'],
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

  it('keeps success unknown until every question has an answer', () => {
    const report = scoReport(course, m1!, progressWith({ 'm1-q1': true }, true));
    expect(report.success).toBe('unknown');
    expect(reportWrites('scorm12', report)[0]).toEqual(['cmi.core.lesson_status', 'completed']);
  });

  it('reports one objective per module outcome with its own status', () => {
    const report = scoReport(course, m1!, progressWith({ 'm1-q1': true, 'm1-q2': true }, false));
    expect(report.objectives.map((o) => o.id)).toEqual(['m1-o1', 'm1-o2']);
    expect(objectiveWrites('scorm12', 0, report.objectives[0]!, true)).toEqual([
      ['cmi.objectives.0.id', 'm1-o1'],
      ['cmi.objectives.0.status', 'passed'],
      ['cmi.objectives.0.score.raw', '100'],
      ['cmi.objectives.0.score.min', '0'],
      ['cmi.objectives.0.score.max', '100'],
    ]);
    expect(objectiveWrites('scorm2004', 1, report.objectives[1]!, false)).toEqual([
      ['cmi.objectives.1.success_status', 'unknown'],
      ['cmi.objectives.1.completion_status', 'not attempted'],
      ['cmi.objectives.1.progress_measure', '0'],
    ]);
  });
});

describe('interactions', () => {
  it('journals a quiz answer as a choice interaction in SCORM 1.2 vocabulary', () => {
    const i = quizInteraction(course, 'm1-q2', ['a', 'c'], at)!;
    expect(interactionWrites('scorm12', 3, i)).toEqual([
      ['cmi.interactions.3.id', 'm1-q2'],
      ['cmi.interactions.3.type', 'choice'],
      ['cmi.interactions.3.objectives.0.id', 'm1-o1'],
      ['cmi.interactions.3.time', '03:04:05'],
      ['cmi.interactions.3.correct_responses.0.pattern', 'a,b'],
      ['cmi.interactions.3.weighting', '1'],
      ['cmi.interactions.3.student_response', 'a,c'],
      ['cmi.interactions.3.result', 'wrong'],
    ]);
  });

  it('journals a quiz answer in SCORM 2004 with [,] delimiters and a timestamp', () => {
    const writes = interactionWrites('scorm2004', 0, quizInteraction(course, 'm1-q2', ['b', 'a'], at)!);
    expect(writes).toContainEqual(['cmi.interactions.0.learner_response', 'b[,]a']);
    expect(writes).toContainEqual(['cmi.interactions.0.correct_responses.0.pattern', 'a[,]b']);
    expect(writes).toContainEqual(['cmi.interactions.0.result', 'correct']);
    expect(writes).toContainEqual(['cmi.interactions.0.timestamp', '2026-01-02T03:04:05.00Z']);
  });

  it('journals a scenario choice as a neutral interaction naming scenario, node and choice', () => {
    const i = scenarioInteraction(course, 'm1-scenario', 'listening', 'connect', at)!;
    expect(i).toMatchObject({ id: 'm1-scenario.listening.connect', result: 'neutral', response: ['connect'] });
    expect(i.description).toContain('ending: A new routine');
    expect(interactionWrites('scorm2004', 0, i).some(([k]) => k.includes('correct_responses'))).toBe(false);
  });

  it('ignores answers to questions the course does not have', () => {
    expect(quizInteraction(course, 'nope', ['a'], at)).toBeUndefined();
    expect(scenarioInteraction(course, 'm1-scenario', 'nope', 'ask', at)).toBeUndefined();
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
