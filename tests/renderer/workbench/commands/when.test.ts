import { describe, expect, it } from 'vitest';
import { evaluateWhen } from '../../../../renderer/workbench/commands/when';

describe('when clauses', () => {
  const keys = { courseOpen: true, overlayOpen: false };

  it('holds with no clause', () => expect(evaluateWhen(undefined, keys)).toBe(true));
  it('needs every key joined by &&', () => {
    expect(evaluateWhen('courseOpen && !overlayOpen', keys)).toBe(true);
    expect(evaluateWhen('courseOpen && overlayOpen', keys)).toBe(false);
  });
  it('needs one side of ||', () => expect(evaluateWhen('overlayOpen || courseOpen', keys)).toBe(true));
  it('treats an unknown key as false', () => expect(evaluateWhen('editorHasTabs', keys)).toBe(false));
});
