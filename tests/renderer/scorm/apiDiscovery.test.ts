import { describe, expect, it } from 'vitest';
import { findLmsApi } from '../../../renderer/scorm/apiDiscovery';

type FakeWin = { parent: FakeWin; opener?: FakeWin | null } & Record<string, unknown>;

function top(extra: Record<string, unknown> = {}): FakeWin {
  const w = { ...extra } as FakeWin;
  w.parent = w;
  return w;
}
function child(parent: FakeWin, extra: Record<string, unknown> = {}): FakeWin {
  return { ...extra, parent } as FakeWin;
}
const asWindow = (w: FakeWin) => w as unknown as Window;
const api = { LMSInitialize: () => 'true' };

describe('findLmsApi', () => {
  it('finds API on a frame two levels up', () => {
    const lms = top({ API: api });
    expect(findLmsApi(asWindow(child(child(lms))), 'scorm12')).toBe(api);
  });

  it('finds API_1484_11 for SCORM 2004 and not the 1.2 API', () => {
    const lms = top({ API: api, API_1484_11: { Initialize: () => 'true' } });
    expect(findLmsApi(asWindow(child(lms)), 'scorm2004')).toBe(lms.API_1484_11);
    expect(findLmsApi(asWindow(child(top({ API: api }))), 'scorm2004')).toBeUndefined();
  });

  it('finds the API on the opener of a popup, and on the opener\'s parents', () => {
    const lms = top({ API: api });
    const popup = top();
    popup.opener = child(lms);
    expect(findLmsApi(asWindow(popup), 'scorm12')).toBe(api);
  });

  it('finds the API from a frame inside a popup, through the popup\'s opener', () => {
    const lms = top({ API: api });
    const popup = top();
    popup.opener = lms;
    expect(findLmsApi(asWindow(child(popup)), 'scorm12')).toBe(api);
  });

  it('gives up beyond seven parent hops', () => {
    let w = top({ API: api });
    for (let i = 0; i < 9; i++) w = child(w);
    expect(findLmsApi(asWindow(w), 'scorm12')).toBeUndefined();
  });

  it('stops at a cross-origin frame instead of throwing', () => {
    const guarded = {} as FakeWin;
    Object.defineProperty(guarded, 'API', { get: () => { throw new Error('SecurityError'); } });
    guarded.parent = guarded;
    expect(findLmsApi(asWindow(child(guarded)), 'scorm12')).toBeUndefined();
  });

  it('returns undefined with no LMS at all', () => {
    expect(findLmsApi(asWindow(top()), 'scorm12')).toBeUndefined();
  });
});
