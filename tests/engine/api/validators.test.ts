import { describe, expect, it } from 'vitest';
import { STUDIO_API_METHODS, defaultWorkbenchState } from '../../../engine/api/studioApi';
import { argumentNames, isStudioApiMethod, validateArgs } from '../../../engine/api/validators';

const refusal = (method: Parameters<typeof validateArgs>[0], args: unknown) => {
  const result = validateArgs(method, args);
  return result.ok ? 'accepted' : result.message;
};

describe('Studio API argument validation', () => {
  it('knows the arguments of every method', () => {
    for (const method of STUDIO_API_METHODS) expect(Array.isArray(argumentNames(method))).toBe(true);
    expect(argumentNames('recordEvent')).toEqual(['learnerId', 'courseId', 'event']);
  });

  it('recognises method names arriving as strings', () => {
    expect(isStudioApiMethod('openCourse')).toBe(true);
    expect(isStudioApiMethod('constructor')).toBe(false);
    expect(isStudioApiMethod('__proto__')).toBe(false);
  });

  it('accepts well-formed calls and returns the cleaned arguments', () => {
    expect(validateArgs('getEnvironment', [])).toEqual({ ok: true, args: [] });
    expect(validateArgs('createLearner', ['  Asha Patel ' ])).toEqual({ ok: true, args: ['Asha Patel'] });
    expect(validateArgs('saveWorkbenchState', ['learner-1', defaultWorkbenchState()]).ok).toBe(true);
    expect(validateArgs('startExport', [{ courseId: 'ug', standard: 'scorm2004', sco: 'module' }]).ok).toBe(true);
    const chose = { type: 'scenario.chose', scenarioId: 's', choiceId: 'c', nodeId: 'n', snapshot: { value: 'n' }, endingId: 'e' };
    expect(validateArgs('recordEvent', ['learner-1', 'ug', chose])).toEqual({ ok: true, args: ['learner-1', 'ug', chose] });
  });

  it('names the method and the number of arguments it expects', () => {
    expect(refusal('getProgress', ['learner-1'])).toBe('getProgress expects 2 arguments (learnerId, courseId) but was given 1.');
    expect(refusal('listCourses', ['extra'])).toBe('listCourses expects no arguments but was given 1.');
    expect(refusal('openCourse', 'ug')).toBe('openCourse expects its arguments as a list.');
  });

  it('names the argument and says what a wrong type should have been', () => {
    expect(refusal('openCourse', [42])).toBe('The argument courseId of openCourse must be a string (it was a number).');
  });

  it('names the nested field that is wrong', () => {
    expect(refusal('recordEvent', ['l', 'ug', { type: 'quiz.answered', quizId: 'q', questionId: 'q1', selected: ['a', 7] }])).toBe(
      'The argument event.selected[1] of recordEvent must be a string (it was a number).',
    );
    expect(refusal('recordEvent', ['l', 'ug', { type: 'lesson.visited' }])).toBe('The argument event.lessonId of recordEvent is missing (a string is needed).');
  });

  it('lists the accepted event types for an unknown one', () => {
    expect(refusal('recordEvent', ['l', 'ug', { type: 'lesson.deleted' }])).toMatch(
      /^The argument event.type of recordEvent must be one of "lesson.visited", "time.spent", .*"location.changed"\.$/,
    );
  });

  it('accepts a note on a lesson and names what is wrong with a bad one', () => {
    const note = { type: 'note.saved', itemId: 'intro', text: 'Ask about sleep.' };
    expect(validateArgs('recordEvent', ['l', 'ug', note])).toEqual({ ok: true, args: ['l', 'ug', note] });
    expect(refusal('recordEvent', ['l', 'ug', { type: 'note.saved', itemId: 'intro', text: 7 }])).toBe(
      'The argument event.text of recordEvent must be a string (it was a number).',
    );
    expect(refusal('recordEvent', ['l', 'ug', { type: 'note.saved', text: 'Ask about sleep.' }])).toBe(
      'The argument event.itemId of recordEvent is missing (a string is needed).',
    );
    expect(refusal('recordEvent', ['l', 'ug', { type: 'note.saved', itemId: 'intro', text: 'x'.repeat(20_001) }])).toBe(
      'The argument event.text of recordEvent must be at most 20000 characters.',
    );
  });

  it('refuses fields it does not know, rather than storing them', () => {
    expect(refusal('recordEvent', ['l', 'ug', { type: 'lesson.visited', lessonId: 'x', admin: true }])).toBe(
      'The argument event of recordEvent has an unknown field "admin".',
    );
  });

  it('refuses ids that are not content ids', () => {
    expect(refusal('openCourse', ['../../etc'])).toBe(
      'The argument courseId of openCourse must be lower-case letters, digits and hyphens, starting with a letter.',
    );
    expect(refusal('selectLearner', ['a b'])).toBe('The argument learnerId of selectLearner must be letters, digits, hyphens or underscores.');
  });

  it('checks learner names after trimming', () => {
    expect(refusal('createLearner', ['   '])).toBe('The argument name of createLearner must not be blank.');
    expect(refusal('createLearner', ['x'.repeat(61)])).toBe('The argument name of createLearner must be at most 60 characters.');
  });

  it('keeps numbers in range', () => {
    expect(refusal('recordEvent', ['l', 'ug', { type: 'time.spent', seconds: -5 }])).toBe('The argument event.seconds of recordEvent must not be negative.');
    expect(refusal('saveWorkbenchState', ['l', { ...defaultWorkbenchState(), zoom: 9 }])).toBe('The argument state.zoom of saveWorkbenchState must be at most 3.');
  });

  it('says which values an option accepts', () => {
    expect(refusal('startExport', [{ courseId: 'ug', standard: 'scorm3', sco: 'module' }])).toBe(
      'The argument request.standard of startExport must be "scorm12" or "scorm2004".',
    );
  });
});
