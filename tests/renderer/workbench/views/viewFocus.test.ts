// Focus by view name: taken at once when the view can, or as soon as it registers.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusView, registerFocusable } from '../../../../renderer/workbench/views/viewFocus';

afterEach(() => vi.useRealTimers());

describe('focusing a view', () => {
  it('focuses a view that is showing at once', () => {
    const focus = vi.fn(() => true);
    const unregister = registerFocusable('search', focus);
    focusView('search');
    expect(focus).toHaveBeenCalledTimes(1);
    unregister();
  });

  it('waits for a view that is not there yet, and focuses it when it registers', () => {
    focusView('progress');
    const focus = vi.fn(() => true);
    const unregister = registerFocusable('progress', focus);
    expect(focus).toHaveBeenCalledTimes(1);
    unregister();
  });

  it('keeps waiting while the view has nothing to focus, until it registers again with something', () => {
    focusView('courses');
    const empty = vi.fn(() => false);
    const unregisterEmpty = registerFocusable('courses', empty);
    const filled = vi.fn(() => true);
    unregisterEmpty();
    const unregister = registerFocusable('courses', filled);
    expect([empty.mock.calls.length, filled.mock.calls.length]).toEqual([1, 1]);
    // Answered: a later registration does not take focus again.
    const later = vi.fn(() => true);
    registerFocusable('courses', later)();
    expect(later).not.toHaveBeenCalled();
    unregister();
  });

  it('drops a request after two seconds, so focus never jumps to a view opened much later', () => {
    vi.useFakeTimers();
    focusView('settings');
    vi.advanceTimersByTime(2500);
    const focus = vi.fn(() => true);
    registerFocusable('settings', focus)();
    expect(focus).not.toHaveBeenCalled();
  });

  it('asks only the newest registration of a view, and forgets one that unregistered', () => {
    const old = vi.fn(() => true);
    const unregisterOld = registerFocusable('editor', old);
    const current = vi.fn(() => true);
    const unregisterCurrent = registerFocusable('editor', current);
    unregisterOld();
    focusView('editor');
    expect([old.mock.calls.length, current.mock.calls.length]).toEqual([0, 1]);
    unregisterCurrent();
  });
});
