// The strict runtime behaves as Moodle's player does on the points the packages depend
// on; each case is a rule read from mod/scorm/datamodels/scorm_12.js, scorm_13.js and
// mod/scorm/request.js.

import { describe, expect, it } from 'vitest';
import { launch12, launch2004 } from './launchData';
import { Moodle12 } from './moodle12';
import { Moodle2004 } from './moodle2004';
import { InProcessMoodle, KEEPALIVE_QUOTA } from './transport';

function open2004(tracks = new Map<string, string>()) {
  const server = new InProcessMoodle();
  for (const [k, v] of tracks) server.tracks.set(k, v);
  const api = new Moodle2004(launch2004(server.tracks), server);
  api.Initialize('');
  return { api, server };
}

function open12(mastery?: number) {
  const server = new InProcessMoodle();
  const api = new Moodle12(launch12(server.tracks, mastery), server);
  api.LMSInitialize('');
  return { api, server };
}

describe('Moodle SCORM 2004 rules', () => {
  it('refuses a choice response whose option id has a hyphen (406), as CMIShortIdentifier requires', () => {
    const { api } = open2004();
    expect(api.SetValue('cmi.interactions.0.id', 'q1')).toBe('true');
    expect(api.SetValue('cmi.interactions.0.type', 'choice')).toBe('true');
    expect(api.SetValue('cmi.interactions.0.learner_response', 'dressing-first')).toBe('false');
    expect(api.GetLastError()).toBe('406');
    expect(api.SetValue('cmi.interactions.0.learner_response', 'dressing_first[,]b')).toBe('true');
  });

  it('refuses anything of an interaction before its id, and a response before its type (408)', () => {
    const { api } = open2004();
    expect(api.SetValue('cmi.interactions.0.type', 'choice')).toBe('false');
    expect(api.GetLastError()).toBe('408');
    api.SetValue('cmi.interactions.0.id', 'q1');
    expect(api.SetValue('cmi.interactions.0.learner_response', 'a')).toBe('false');
    expect(api.GetLastError()).toBe('408');
  });

  it('grows collections one index at a time (351 past the end)', () => {
    const { api } = open2004();
    expect(api.SetValue('cmi.interactions.1.id', 'q2')).toBe('false');
    expect(api.GetLastError()).toBe('351');
  });

  it('keeps objective ids write-once', () => {
    const { api } = open2004();
    api.SetValue('cmi.objectives.0.id', 'o1');
    expect(api.SetValue('cmi.objectives.0.id', 'o1')).toBe('true');
    expect(api.SetValue('cmi.objectives.0.id', 'o2')).toBe('false');
    expect(api.GetLastError()).toBe('351');
  });

  it('refuses a description with a line break or Markdown that starts with a brace', () => {
    const { api } = open2004();
    api.SetValue('cmi.interactions.0.id', 'q1');
    expect(api.SetValue('cmi.interactions.0.description', 'Which is right?\nChoose one.')).toBe('false');
    expect(api.SetValue('cmi.interactions.0.description', '{not a lang tag} text')).toBe('false');
    expect(api.SetValue('cmi.interactions.0.description', 'x'.repeat(252))).toBe('false');
    expect(api.SetValue('cmi.interactions.0.description', 'Which is right? Choose one.')).toBe('true');
  });

  it('re-posts every interaction field on every commit, and other elements only when they differ from launch', () => {
    const { api, server } = open2004();
    api.SetValue('cmi.interactions.0.id', 'q1');
    api.SetValue('cmi.interactions.0.type', 'choice');
    api.SetValue('cmi.location', 'lesson:one');
    api.Commit('');
    api.Commit('');
    const [first, second] = server.posts;
    expect(second!.fields).toBe(first!.fields);
    expect(second!.names).toEqual(['cmi__interactions__0__id', 'cmi__interactions__0__type', 'cmi__completion_status', 'cmi__location']);
  });

  it('does not decide success at Terminate: Moodle reads a scaled_passed_score that does not exist', () => {
    const { api, server } = open2004();
    api.SetValue('cmi.score.scaled', '0.2');
    api.SetValue('cmi.completion_status', 'incomplete');
    api.Terminate('');
    expect(server.tracks.get('cmi.success_status')).toBeUndefined();
    expect(server.tracks.get('cmi.completion_status')).toBe('incomplete');
    expect(server.tracks.get('cmi.total_time')).toBe('PT0S');
  });
});

describe('Moodle SCORM 1.2 rules', () => {
  it('turns an incomplete status into failed at LMSFinish when a score and a mastery score are held', () => {
    const { api, server } = open12(80);
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    api.LMSSetValue('cmi.core.score.raw', '40');
    api.LMSFinish('');
    expect(server.tracks.get('cmi.core.lesson_status')).toBe('failed');
  });

  it('leaves an incomplete status alone when no score has been sent', () => {
    const { api, server } = open12(80);
    api.LMSSetValue('cmi.core.lesson_status', 'incomplete');
    api.LMSFinish('');
    expect(server.tracks.get('cmi.core.lesson_status')).toBe('incomplete');
  });

  it('posts each element once and then only its changes, and never the session time', () => {
    const { api, server } = open12();
    api.LMSSetValue('cmi.interactions.0.id', 'q1');
    api.LMSSetValue('cmi.core.session_time', '0000:01:00.00');
    api.LMSCommit('');
    api.LMSSetValue('cmi.core.lesson_location', 'lesson:two');
    api.LMSCommit('');
    expect(server.posts.map((p) => p.names)).toEqual([['cmi__core__lesson_status', 'cmi__interactions_0__id'], ['cmi__core__lesson_location']]);
    api.LMSFinish('');
    expect(server.tracks.get('cmi.core.total_time')).toBe('00:01:00');
  });

  it('holds a choice response to the SCORM 1.2 character list', () => {
    const { api } = open12();
    api.LMSSetValue('cmi.interactions.0.id', 'q1');
    api.LMSSetValue('cmi.interactions.0.type', 'choice');
    expect(api.LMSSetValue('cmi.interactions.0.student_response', 'dressing-first')).toBe('false');
    expect(api.LMSGetLastError()).toBe('405');
    expect(api.LMSSetValue('cmi.interactions.0.student_response', 'a,c')).toBe('true');
  });
});

describe("Moodle's server and the browser", () => {
  it('drops the fields after max_input_vars, silently', () => {
    const server = new InProcessMoodle(10);
    const api = new Moodle2004(launch2004(server.tracks), server);
    api.Initialize('');
    for (let i = 0; i < 3; i++) {
      api.SetValue(`cmi.interactions.${i}.id`, `q${i}`);
      api.SetValue(`cmi.interactions.${i}.type`, 'choice');
    }
    api.SetValue('cmi.suspend_data', 'state');
    expect(api.Commit('')).toBe('true');
    // Moodle posts collections first and the top-level elements after them, so the state goes first.
    expect(server.posts[0]!.dropped).toEqual(['cmi__interactions__2__type', 'cmi__completion_status', 'cmi__suspend_data']);
    expect(server.tracks.has('cmi.suspend_data')).toBe(false);
  });

  it('refuses a beacon once 64 KiB of keepalive bodies are in flight, and Terminate then fails (101)', () => {
    const { api, server } = open2004();
    api.SetValue('cmi.suspend_data', 'x'.repeat(40_000));
    server.unloading = true;
    expect(api.Commit('')).toBe('true');
    expect(server.posts[0]!.beaconBytes).toBeGreaterThan(KEEPALIVE_QUOTA / 2);
    expect(api.Terminate('')).toBe('false');
    expect(api.GetLastError()).toBe('101');
    expect(server.tracks.has('cmi.total_time')).toBe(false);
  });
});
