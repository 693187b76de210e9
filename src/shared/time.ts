/** The programme lives in Paris: dates typed in forms (datetime-local) are Paris wall-clock times. */
export const PROGRAMME_TIME_ZONE = 'Europe/Paris';

function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = new Date(0).setUTCFullYear(get('year'), get('month') - 1, get('day')) + ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000;
  return Math.round((asUtc - at.getTime()) / 60000);
}

/**
 * The years a date typed into the site may fall in. Anything outside is a typo (0026 for 2026)
 * or a probe, and calendars, feeds and accounting exports cannot all carry it (iCalendar and
 * many clients stop at 1970).
 */
export const SANE_YEARS = { from: 2000, to: 2100 } as const;

/** Whether an instant falls within SANE_YEARS (in UTC: a day's margin is irrelevant here). */
export function isSaneDate(at: Date): boolean {
  const year = at.getUTCFullYear();
  return Number.isFinite(at.getTime()) && year >= SANE_YEARS.from && year <= SANE_YEARS.to;
}

/** "2026-12-01T18:30" in Paris → the instant; null when the text is not such a date. */
export function parseLocalDateTime(value: string, timeZone = PROGRAMME_TIME_ZONE): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  // (Not Date.UTC(y, …): it reads the years 0–99 as 1900–1999.)
  const naive = new Date(0).setUTCFullYear(y, mo - 1, d) + ((h * 60 + mi) * 60 + s) * 1000;
  // Reject dates that do not exist (31 February rolls over into March).
  if (new Date(naive).getUTCDate() !== d) return null;
  // Two passes settle the offset across a daylight-saving change.
  let instant = naive - offsetMinutes(new Date(naive), timeZone) * 60000;
  instant = naive - offsetMinutes(new Date(instant), timeZone) * 60000;
  return new Date(instant);
}

/** The instant as a datetime-local value in Paris time, for pre-filling a form. */
export function toLocalDateTimeInput(iso: string | null, timeZone = PROGRAMME_TIME_ZONE): string {
  if (!iso) return '';
  const at = new Date(iso);
  const local = new Date(at.getTime() + offsetMinutes(at, timeZone) * 60000);
  return local.toISOString().slice(0, 16);
}
