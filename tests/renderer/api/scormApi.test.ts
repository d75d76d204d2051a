import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import type { LearningEvent } from '../../../engine/progress/model';
import { scoScopes } from '../../../engine/scorm/scope';
import { checkEvent, createScormApi, SCORM_ASSET_BASE } from '../../../renderer/api/scormApi';
import { ScormSession } from '../../../renderer/scorm/scormSession';
import { fakeScormCourse } from '../../engine/scorm/fakeScormCourse';
import { fakeApplyEvent } from '../scorm/fakeRules';

const course = fakeScormCourse();

function api(withLms: boolean) {
  const lms: Record<string, unknown> = withLms ? { API: new Scorm12API({ logLevel: 5, autocommit: false }) } : {};
  lms.parent = lms;
  const session = new ScormSession({ course, standard: 'scorm12', scope: scoScopes(course, 'module')[0]!, win: { parent: lms } as unknown as Window, applyEvent: fakeApplyEvent });
  return { studio: createScormApi(course, session), session };
}

describe('createScormApi', () => {
  it('reports scorm mode inside an LMS and preview mode with its notice outside one', async () => {
    const inLms = await api(true).studio.getEnvironment();
    expect(inLms.ok && inLms.value.mode).toBe('scorm');
    const alone = await api(false).studio.getEnvironment();
    expect(alone.ok && alone.value.mode).toBe('preview');
    expect(alone.ok && alone.value.notices[0]?.message).toMatch(/^Preview: no LMS was found/);
  });

  it('opens only the packaged course, with media under content/', async () => {
    const { studio } = api(true);
    const opened = await studio.openCourse(course.id);
    expect(opened.ok && opened.value.assetBase).toBe(SCORM_ASSET_BASE);
    const other = await studio.openCourse('another-course');
    expect(!other.ok && other.error.message).toMatch(/holds only the course "Health Creation & Practice"/);
  });

  it('records an event and returns the new progress', async () => {
    const { studio, session } = api(true);
    const result = await studio.recordEvent(session.learner.id, course.id, { type: 'lesson.visited', lessonId: 'm1-intro' });
    expect(result.ok && result.value.lessons['m1-intro']?.visited).toBe(true);
  });

  it('refuses learner profiles and export with a sentence', async () => {
    const { studio } = api(true);
    const created = await studio.createLearner('Sam');
    expect(!created.ok && created.error.message).toMatch(/not available inside an LMS/);
    const exported = await studio.startExport({ courseId: course.id, standard: 'scorm12', sco: 'module' });
    expect(!exported.ok && exported.error.code).toBe('not-in-lms');
  });

  it('says the source documents stay with the studio, not in the package', async () => {
    const { studio } = api(true);
    expect(await studio.readSource(course.id, 'manifesto')).toEqual({
      ok: false,
      error: { code: 'not-in-lms', message: 'The source documents are kept with Health Creation Studio, not in this package.' },
    });
  });

  it('accepts a lesson read to its end, as it accepts a visit', () => {
    expect(checkEvent(course, { type: 'lesson.read', lessonId: 'm1-intro' })).toBeUndefined();
    expect(checkEvent(course, { type: 'lesson.read', lessonId: 'nope' })).toMatch(/the lesson "nope", which this course does not have/);
  });

  it('leaves PINs, deleting learners and learning records to the LMS, saying so', async () => {
    const { studio, session } = api(true);
    const answers = await Promise.all([
      studio.unlockLearner(session.learner.id, '1234'),
      studio.setLearnerPin(session.learner.id, { newPin: '1234' }),
      studio.deleteLearner(session.learner.id, { name: 'Sam' }),
      studio.exportLearningRecord(session.learner.id, course.id),
    ]);
    expect(answers.map((a) => !a.ok && a.error.message)).toEqual([
      'A PIN is not available inside an LMS; your LMS manages it.',
      'A PIN is not available inside an LMS; your LMS manages it.',
      'Deleting a learner is not available inside an LMS; your LMS manages it.',
      'A learning record is not available inside an LMS; your LMS manages it.',
    ]);
  });

  it('answers the Scenario Graph and its change feed with a sentence saying they are for authors in the studio', async () => {
    const { studio } = api(true);
    for (const result of [await studio.listScenarioFiles(course.id), await studio.getScenarioGraph(course.id, 'm1/story.scenario.yaml'), await studio.waitForPackChange(course.id, 0)]) {
      expect(!result.ok && result.error.message).toMatch(/is for authors in Health Creation Studio and is not part of a course package in an LMS\.$/);
    }
  });
});

describe('checkEvent', () => {
  it('accepts events that name items of the course', () => {
    expect(checkEvent(course, { type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q2', selected: ['one', 'two-of-them'] })).toBeUndefined();
  });

  it('names an unknown lesson, question, option, scenario or event type', () => {
    expect(checkEvent(course, { type: 'lesson.visited', lessonId: 'nope' })).toMatch(/the lesson "nope", which this course does not have/);
    expect(checkEvent(course, { type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'zz', selected: [] })).toMatch(/question "zz"/);
    expect(checkEvent(course, { type: 'quiz.answered', quizId: 'm1-quiz', questionId: 'm1-q1', selected: ['z'] })).toMatch(/options that question "m1-q1" does not have/);
    expect(checkEvent(course, { type: 'scenario.restarted', scenarioId: 'x' })).toMatch(/scenario "x"/);
    expect(checkEvent(course, { type: 'party' } as unknown as LearningEvent)).toMatch(/unknown type "party"/);
  });

  it('refuses a note in a sentence, since a package has no notes panel and the LMS keeps none', () => {
    expect(checkEvent(course, { type: 'note.saved', itemId: 'm1-intro', text: 'Ask about sleep.' })).toMatch(/notes are kept only in Health Creation Studio/);
  });
});
