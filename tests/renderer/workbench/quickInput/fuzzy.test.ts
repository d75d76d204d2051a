import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyMatch } from '../../../../renderer/workbench/quickInput/fuzzy';

describe('fuzzy matching', () => {
  it('matches letters in order, skipping others', () => {
    expect(fuzzyMatch('ctrl', 'Control, contact and confidence')).toBeDefined();
    expect(fuzzyMatch('cct', 'Control, contact and confidence')?.positions).toHaveLength(3);
  });

  it('fails when a letter is missing or out of order', () => {
    expect(fuzzyMatch('xyz', 'Creating health')).toBeUndefined();
    expect(fuzzyMatch('hc', 'Chat')).toBeUndefined();
  });

  it('ranks word-start matches above scattered ones', () => {
    const ranked = fuzzyFilter('wm', ['Somewhere warm', 'What matters to you?'], (s) => s).map((r) => r.item);
    expect(ranked[0]).toBe('What matters to you?');
  });

  it('keeps the original order for an empty query', () => {
    expect(fuzzyFilter('', ['b', 'a'], (s) => s).map((r) => r.item)).toEqual(['b', 'a']);
  });
});

describe('fuzzy matching across words', () => {
  it('does not jump to a later word start when that would lose the match', () => {
    expect(fuzzyMatch('what mat', 'What matters to you?')).toBeDefined();
  });
});

describe('fuzzy matching of runs', () => {
  it('keeps a run of typed letters together rather than jumping to a later word', () => {
    expect(fuzzyMatch('3cs', 'The 3Cs in services')?.positions).toEqual([4, 5, 6]);
  });
});
