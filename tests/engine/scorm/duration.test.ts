import { describe, expect, it } from 'vitest';
import { iso8601Duration, scorm12Time, scorm12Timespan, scorm2004Time } from '../../../engine/scorm/duration';

describe('session time formats', () => {
  it('writes SCORM 1.2 timespans as HHHH:MM:SS.SS', () => {
    expect(scorm12Timespan(0)).toBe('0000:00:00.00');
    expect(scorm12Timespan(3725.5)).toBe('0001:02:05.50');
    expect(scorm12Timespan(59.999)).toBe('0000:01:00.00');
  });

  it('caps SCORM 1.2 hours at four digits', () => {
    expect(scorm12Timespan(99_999 * 3600)).toBe('9999:00:00.00');
  });

  it('writes SCORM 2004 durations in ISO 8601', () => {
    expect(iso8601Duration(0)).toBe('PT0S');
    expect(iso8601Duration(3725.5)).toBe('PT1H2M5.5S');
    expect(iso8601Duration(120)).toBe('PT2M');
  });

  it('writes interaction times in each standard', () => {
    expect(scorm12Time('2026-03-04T05:06:07.891Z')).toBe('05:06:07');
    expect(scorm2004Time('2026-03-04T05:06:07.891Z')).toBe('2026-03-04T05:06:07.89Z');
  });
});
