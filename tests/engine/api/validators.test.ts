import { describe, expect, it } from 'vitest';
import { STUDIO_API_METHODS, defaultWorkbenchState } from '../../../engine/api/studioApi';
import { argumentNames, isStudioApiMethod, MAX_PACK_FILE_CHARS, validateArgs } from '../../../engine/api/validators';
import { restoreScenarioActor } from '../../../engine/scenario/scenarioMachine';
import { fakeScenario } from '../../fakes/fakeCourse';

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
    const snapshot = { status: 'active', value: 'n', context: { vars: { control: 4 }, path: ['c'] } };
    const chose = { type: 'scenario.chose', scenarioId: 's', choiceId: 'c', nodeId: 'n', snapshot, endingId: 'e' };
    expect(validateArgs('recordEvent', ['learner-1', 'ug', chose])).toEqual({ ok: true, args: ['learner-1', 'ug', chose] });
  });

  it('names the method and the number of arguments it expects', () => {
    expect(refusal('getProgress', ['learner-1'])).toBe('getProgress expects 2 arguments (learnerId, courseId) but was given 1.');
    expect(refusal('listCourses', ['extra'])).toBe('listCourses expects no arguments but was given 1.');
    expect(refusal('openCourse', 'ug')).toBe('openCourse expects its arguments as a list.');
  });

  it('checks the course and reference ids a source document is asked for by', () => {
    expect(validateArgs('readSource', ['health-creation-ug', 'manifesto'])).toEqual({ ok: true, args: ['health-creation-ug', 'manifesto'] });
    expect(refusal('readSource', ['health-creation-ug', '../../etc/passwd'])).toBe(
      'The argument referenceId of readSource must be lower-case letters, digits and hyphens, starting with a letter.',
    );
    expect(refusal('readSource', ['health-creation-ug'])).toBe('readSource expects 2 arguments (courseId, referenceId) but was given 1.');
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
      /^The argument event.type of recordEvent must be one of "lesson.visited", "lesson.read", "time.spent", .*"location.changed"\.$/,
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

  it('takes the LMS a package is for only among those the export knows', () => {
    expect(validateArgs('startExport', [{ courseId: 'ug', standard: 'scorm12', sco: 'course', lms: 'openedx' }]).ok).toBe(true);
    expect(refusal('startExport', [{ courseId: 'ug', standard: 'scorm12', sco: 'course', lms: 'sakai' }])).toBe(
      'The argument request.lms of startExport must be "generic" or "moodle" or "canvas" or "blackboard" or "brightspace" or "openedx".',
    );
  });
});

describe('the arguments of PINs, deleting a learner and learning records', () => {
  it('accepts a PIN of 4 to 12 digits and refuses anything else in a sentence', () => {
    expect(validateArgs('unlockLearner', ['learner-1', '4821']).ok).toBe(true);
    expect(validateArgs('unlockLearner', ['learner-1', '123456789012']).ok).toBe(true);
    for (const pin of ['482', '1234567890123', '48a1', ' 4821', '４８２１']) {
      expect(refusal('unlockLearner', ['learner-1', pin]), pin).toBe('The argument pin of unlockLearner must be 4 to 12 digits.');
    }
    expect(refusal('unlockLearner', ['learner-1', 4821])).toBe('The argument pin of unlockLearner must be a string (it was a number).');
  });

  it('takes a PIN change as an object whose missing new PIN means remove, naming a wrong field', () => {
    expect(validateArgs('setLearnerPin', ['learner-1', { newPin: '4821' }])).toEqual({ ok: true, args: ['learner-1', { newPin: '4821' }] });
    expect(validateArgs('setLearnerPin', ['learner-1', { currentPin: '4821' }]).ok).toBe(true);
    expect(refusal('setLearnerPin', ['learner-1', { currentPin: null, newPin: '4821' }])).toBe('The argument change.currentPin of setLearnerPin must be a string (it was a null).');
    expect(refusal('setLearnerPin', ['learner-1', { newPin: '12' }])).toBe('The argument change.newPin of setLearnerPin must be 4 to 12 digits.');
    expect(refusal('setLearnerPin', ['learner-1', { pin: '4821' }])).toBe('The argument change of setLearnerPin has an unknown field "pin".');
  });

  it('refuses to delete a learner without the name the learner confirmed', () => {
    expect(validateArgs('deleteLearner', ['learner-1', { name: ' Asha ', pin: '4821' }])).toEqual({ ok: true, args: ['learner-1', { name: 'Asha', pin: '4821' }] });
    expect(refusal('deleteLearner', ['learner-1', {}])).toBe('The argument confirmation.name of deleteLearner is missing (a string is needed).');
    expect(refusal('deleteLearner', ['learner-1', null])).toBe('The argument confirmation of deleteLearner must be an object (it was a null).');
  });

  it('checks the learner and course of a learning record', () => {
    expect(validateArgs('exportLearningRecord', ['learner-1', 'hc-undergraduate']).ok).toBe(true);
    expect(refusal('exportLearningRecord', ['learner-1', '../x'])).toBe('The argument courseId of exportLearningRecord must be lower-case letters, digits and hyphens, starting with a letter.');
  });
});

describe('bounds on every value the API accepts', () => {
  /** A value nested `depth` lists deep. */
  const nested = (depth: number): unknown => {
    let value: unknown = 'x';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };
  const chose = (snapshot: unknown) => ({ type: 'scenario.chose', scenarioId: 's1', choiceId: 'finish', nodeId: 'end', snapshot });

  it('refuses a scenario snapshot nested 10,000 deep (20 KB of JSON) in one sentence, before any schema walks it', () => {
    const message = refusal('recordEvent', ['a1', 'ug', chose(nested(10_000))]);
    expect(message).toBe(`The argument event.snapshot${'[0]'.repeat(15)} of recordEvent is nested more than 16 levels deep.`);
  });

  it('accepts the snapshot a real play-through persists, and keeps what restoring it needs', () => {
    const scenario = fakeScenario();
    const actor = restoreScenarioActor(scenario);
    actor.send({ type: 'CHOOSE', choiceId: 'finish' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown;
    const checked = validateArgs('recordEvent', ['a1', 'ug', chose(persisted)]);
    expect(checked.ok).toBe(true);
    const kept = checked.ok && checked.args[2].type === 'scenario.chose' ? checked.args[2].snapshot : undefined;
    expect(kept).toEqual({ status: 'done', value: 'end', context: { vars: { control: 5, contact: 5, confidence: 5 }, path: ['finish'] } });
    expect(restoreScenarioActor(scenario, kept).getSnapshot().value).toBe('end');
  });

  it.each([
    ['not an object', 'end', 'The argument event.snapshot of recordEvent must be an object (it was a string).'],
    ['at a node that is not an id', { status: 'active', value: 'NOT AN ID', context: { vars: {}, path: [] } }, 'The argument event.snapshot.value of recordEvent must be an id of the scenario.'],
    ['with a variable that is not a number', { status: 'active', value: 'a', context: { vars: { control: 'high' }, path: [] } }, 'The argument event.snapshot.context.vars.control of recordEvent must be a number (it was a string).'],
    ['with a path too long to be a play-through', { status: 'active', value: 'a', context: { vars: {}, path: Array.from({ length: 501 }, () => 'ask') } }, 'The argument event.snapshot.context.path of recordEvent must hold at most 500 choices.'],
  ])('refuses a snapshot %s, naming the field', (_what, snapshot, message) => {
    expect(refusal('recordEvent', ['a1', 'ug', chose(snapshot)])).toBe(message);
  });

  it('bounds every argument of every method: too deep, too many values, too much text or not plain data', () => {
    const wide = Array.from({ length: 20_000 }, () => 0);
    // Arguments that carry whole course files (an editor's text) allow a file's length; every other, 100000 characters.
    const fileArguments = new Set(['writePackFile text', 'checkPack request']);
    // The other arguments hold a valid value, so the refusal is the bounded one's: 'x' for most, numbers where a method takes them.
    const validArgs: Partial<Record<string, unknown[]>> = { waitForPackChanges: [0, 1000] };
    for (const method of STUDIO_API_METHODS) {
      argumentNames(method).forEach((name, i) => {
        const allowed = fileArguments.has(`${method} ${name}`) ? MAX_PACK_FILE_CHARS : 100_000;
        const long = 'x'.repeat(2 * allowed);
        for (const [value, problem] of [
          [nested(100), /is nested more than 16 levels deep\.$/],
          [wide, /holds more than 10000 values in all\.$/],
          [long, new RegExp(`is a text of ${2 * allowed} characters, more than the ${allowed} allowed\\.$`)],
          [new Map(), /must hold only plain data: text, numbers, true or false, null, lists and objects\.$/],
        ] as const) {
          const args = [...(validArgs[method] ?? argumentNames(method).map(() => 'x'))];
          args[i] = value;
          const message = refusal(method, args);
          expect(message, `${method} ${name}`).toMatch(new RegExp(`^The argument ${name}\\S* of ${method} `));
          expect(message, `${method} ${name}`).toMatch(problem);
        }
      });
    }
  });
});


describe('the Scenario Graph methods', () => {
  it('accept a path inside the pack and a graph tab that names a file', () => {
    expect(validateArgs('getScenarioGraph', ['ug', 'modules/m1/story.scenario.yaml']).ok).toBe(true);
    const state = { ...defaultWorkbenchState(), tabs: [{ courseId: 'ug', kind: 'scenarioGraph' as const, itemId: 'modules/m1/story.scenario.yaml' }] };
    expect(validateArgs('saveWorkbenchState', ['learner-1', state]).ok).toBe(true);
  });

  it('refuse an empty file path and one with a NUL character (the service checks where a path leads)', () => {
    expect(refusal('getScenarioGraph', ['ug', ''])).toBe('The argument file of getScenarioGraph must not be empty.');
    expect(refusal('getScenarioGraph', ['ug', 'modules/m1/story\u0000.scenario.yaml'])).toBe('The argument file of getScenarioGraph must not contain a NUL character.');
  });

  it('refuse a lesson tab whose item is a path, and a revision that is not a whole number', () => {
    const state = { ...defaultWorkbenchState(), tabs: [{ courseId: 'ug', kind: 'lesson', itemId: 'modules/m1/intro.md' }] };
    expect(refusal('saveWorkbenchState', ['learner-1', state])).not.toBe('accepted');
    expect(refusal('waitForPackChange', ['ug', 1.5])).toBe('The argument revision of waitForPackChange must be a whole number.');
    expect(refusal('waitForPackChange', ['ug', -1])).toBe('The argument revision of waitForPackChange must not be negative.');
  });
});
