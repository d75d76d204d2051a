import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../../engine/progress/model';
import type { CourseProgress } from '../../../engine/progress/model';
import { scoScopes } from '../../../engine/scorm/scope';
import { decodeSuspendData, encodeSuspendData, mergeProgress } from '../../../engine/scorm/suspendCodec';
import { checkSuspendFit, completePlaythrough } from '../../../engine/scorm/suspendFit';
import { deflateSync, strToU8 } from 'fflate';
import { encodeAscii85 } from '../../../engine/scorm/asciiCodec';
import { fakeScormCourse } from './fakeScormCourse';

const course = fakeScormCourse();
const [m1, m2] = scoScopes(course, 'module');

function played(): CourseProgress {
  const p = emptyProgress(course.id);
  p.lessons['m1-intro'] = { visited: true, read: false, seconds: 125 };
  p.answers['m1-q1'] = { quizId: 'm1-quiz', selected: ['a'], correct: true, attempts: 2, at: '2026-01-02T03:04:05.000Z' };
  p.scenarios['m1-scenario'] = {
    nodeId: 'listening',
    path: ['ask'],
    endingsFound: ['repeat'],
    plays: 2,
    snapshot: { status: 'active', value: 'listening', context: { vars: { control: 4 }, path: ['ask'] } },
  };
  p.reflections['m1-reflect'] = { text: 'I listened — and "learned" <much>.', at: '2026-01-02T03:05:00.000Z' };
  p.location = { moduleId: 'module-1', scenarioId: 'm1-scenario' };
  p.seconds = 300;
  p.startedAt = '2026-01-02T03:00:00.000Z';
  return p;
}

describe('suspendCodec', () => {
  it('restores everything a learner did in the module, scenario snapshot included', () => {
    const text = encodeSuspendData(course, m1!, played());
    const back = decodeSuspendData(course, m1!, text);
    expect(back).toEqual({ ok: true, progress: played(), state: { interactions: {} } });
  });

  it('keeps the learner\'s shuffle seed and the index of each interaction written, which the LMS\'s own count cannot be trusted for', () => {
    const state = { seed: 'l1x2y3', interactions: { 'm1-q1': 0, 'm1-scenario': 1 } };
    const back = decodeSuspendData(course, m1!, encodeSuspendData(course, m1!, played(), state));
    expect(back).toEqual({ ok: true, progress: played(), state });
  });

  it('carries no learner notes, which a package has no panel to show, and reads back none', () => {
    const withNote = { ...played(), notes: { 'm1-intro': { text: 'Ask about sleep.', at: '2026-01-02T03:05:00.000Z' } } };
    const text = encodeSuspendData(course, m1!, withNote);
    expect(text).toBe(encodeSuspendData(course, m1!, played()));
    expect(decodeSuspendData(course, m1!, text)).toMatchObject({ ok: true, progress: { notes: {} } });
  });

  it('writes only LMS-safe ASCII', () => {
    expect(encodeSuspendData(course, m1!, played())).toMatch(/^[!-~]+$/);
  });

  it('keeps only the records of the SCO\'s own modules', () => {
    const p = played();
    p.lessons['m2-intro'] = { visited: true, read: true, seconds: 1 };
    const back = decodeSuspendData(course, m1!, encodeSuspendData(course, m1!, p));
    expect(back.ok && back.progress.lessons['m2-intro']).toBeUndefined();
    const other = decodeSuspendData(course, m2!, encodeSuspendData(course, m2!, p));
    expect(other.ok && other.progress.lessons).toEqual({ 'm2-intro': { visited: true, read: true, seconds: 1 } });
  });

  it('reads suspend data written before lessons had to be read to the end, keeping each visited lesson as read', () => {
    // What a package built when opening a lesson completed it wrote: [visited, seconds] per lesson.
    const json = JSON.stringify({ l: { 'm1-intro': [1, 125], 'm1-practice': [0, 30] }, t: 155 });
    const old = `hc1.${encodeAscii85(deflateSync(strToU8(json), { level: 9 }))}`;
    const back = decodeSuspendData(course, m1!, old);
    expect(back.ok && back.progress.lessons).toEqual({
      'm1-intro': { visited: true, read: true, seconds: 125 },
      'm1-practice': { visited: false, read: false, seconds: 30 },
    });
  });

  it('keeps a lesson opened but not read to its end unread', () => {
    const p = emptyProgress(course.id);
    p.lessons['m1-intro'] = { visited: true, read: false, seconds: 5 };
    p.lessons['m1-practice'] = { visited: true, read: true, seconds: 7 };
    const back = decodeSuspendData(course, m1!, encodeSuspendData(course, m1!, p));
    expect(back.ok && back.progress.lessons).toEqual(p.lessons);
  });

  it('treats empty suspend_data as a first launch', () => {
    expect(decodeSuspendData(course, m1!, '')).toEqual({ ok: true, progress: emptyProgress(course.id), state: { interactions: {} } });
  });

  it('says in a sentence when suspend_data is not its own', () => {
    const result = decodeSuspendData(course, m1!, 'bookmark=page3');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/not in a form this package can read/);
  });

  it('says in a sentence when its own suspend_data was damaged in storage', () => {
    const text = encodeSuspendData(course, m1!, played());
    const damaged = text.slice(0, 12) + '~~~~~' + text.slice(17);
    expect(decodeSuspendData(course, m1!, damaged)).toMatchObject({ ok: false });
    expect(decodeSuspendData(course, m1!, text.slice(0, -7))).toMatchObject({ ok: false });
  });

  it('drops records of items the course no longer has', () => {
    const p = played();
    const text = encodeSuspendData(course, m1!, p);
    const edited = fakeScormCourse();
    edited.modules[0]!.lessons = edited.modules[0]!.lessons.filter((l) => l.id !== 'm1-intro');
    const back = decodeSuspendData(edited, m1!, text);
    expect(back.ok && back.progress.lessons).toEqual({});
    expect(back.ok && back.progress.answers).toEqual({});
  });

  it('merges a SCO\'s part over progress of other modules without losing them', () => {
    const base = emptyProgress(course.id);
    base.lessons['m2-intro'] = { visited: true, read: true, seconds: 9 };
    const merged = mergeProgress(base, played());
    expect(Object.keys(merged.lessons).sort()).toEqual(['m1-intro', 'm2-intro']);
  });
});

describe('suspendFit', () => {
  it('fits a complete play-through of each module in SCORM 1.2\'s 4,096 characters', () => {
    for (const fit of checkSuspendFit(course, scoScopes(course, 'module'))) expect(fit.fits).toBe(true);
  });

  it('round-trips the complete play-through it measures', () => {
    const p = completePlaythrough(course, m1!);
    expect(p.scenarios['m1-scenario']?.path).toEqual(['ask', 'connect-group']);
    const back = decodeSuspendData(course, m1!, encodeSuspendData(course, m1!, p));
    expect(back.ok && back.progress.scenarios).toEqual(p.scenarios);
  });

  it('reports a module whose state cannot fit', () => {
    const big = fakeScormCourse();
    const lesson = big.modules[0]!.lessons[0]!;
    for (let i = 0; i < 40; i++) lesson.blocks.push({ kind: 'reflection', reflection: { id: `extra-reflection-${i}`, prompt: 'More?' } });
    const [fit] = checkSuspendFit(big, scoScopes(big, 'module'));
    expect(fit).toMatchObject({ scoId: 'module-1', fits: false, limit: 4096 });
  });
});
