// Session time in each standard's own format: SCORM 1.2 wants CMITimespan
// (HHHH:MM:SS.SS), SCORM 2004 an ISO 8601 duration (PT1H2M3.45S).

/** Formats seconds as a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS (hours capped at 9999). */
export function scorm12Timespan(seconds: number): string {
  const centis = Math.round(Math.max(0, seconds) * 100);
  const hours = Math.min(9999, Math.floor(centis / 360_000));
  const minutes = Math.floor((centis % 360_000) / 6000);
  const secs = (centis % 6000) / 100;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(Math.floor(secs), 2)}.${pad(Math.round((secs % 1) * 100), 2)}`;
}

/** Formats seconds as an ISO 8601 duration for SCORM 2004 (at most two decimals of seconds). */
export function iso8601Duration(seconds: number): string {
  const centis = Math.round(Math.max(0, seconds) * 100);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const secs = (centis % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (secs || (!hours && !minutes)) out += `${Number(secs.toFixed(2))}S`;
  return out;
}

/** Formats an instant as SCORM 1.2 CMITime (HH:MM:SS, UTC), used for interaction times. */
export function scorm12Time(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Formats an instant as a SCORM 2004 time(second,10,2) in UTC: YYYY-MM-DDThh:mm:ss.ssZ. */
export function scorm2004Time(iso: string): string {
  return new Date(iso).toISOString().slice(0, 22) + 'Z';
}
