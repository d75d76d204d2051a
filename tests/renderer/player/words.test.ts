import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from '../../../renderer/player/words';

describe('player words', () => {
  it('says study time in hours and minutes a learner reads at a glance', () => {
    expect(formatDuration(0)).toBe('none yet');
    expect(formatDuration(20)).toBe('less than a minute');
    expect(formatDuration(25 * 60)).toBe('25 min');
    expect(formatDuration(2 * 3600)).toBe('2 h');
    expect(formatDuration(3900)).toBe('1 h 5 min');
  });

  it('rounds percentages for reading', () => {
    expect(formatPercent(66.666)).toBe('67%');
  });
});
