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
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - at.getTime()) / 60000);
}

/** "2026-12-01T18:30" in Paris → the instant; null when the text is not such a date. */
export function parseLocalDateTime(value: string, timeZone = PROGRAMME_TIME_ZONE): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
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
