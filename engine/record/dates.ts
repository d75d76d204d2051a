// Dates and durations as a British reader writes them ("3 March 2026", "4 hours 5
// minutes"): a learning record is read by placement assessors and CPD bodies in the UK.

/** An ISO time as a day in words, in `timeZone` (the computer's own when absent); undefined for a time that is not one. */
export function dayInWords(iso: string | undefined, timeZone?: string): string | undefined {
  if (!iso) return undefined;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()) || at.getTime() <= 0) return undefined;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', ...(timeZone ? { timeZone } : {}) }).format(at);
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Seconds of study in hours and minutes, rounded to the minute ("less than a minute" below 30 seconds). */
export function durationInWords(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes === 0) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return plural(rest, 'minute');
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}
