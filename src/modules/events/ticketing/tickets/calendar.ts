/**
 * iCalendar (RFC 5545) for events: one event (the "add to my calendar" file, the email attachment)
 * or a whole series (a subscribable feed). Built with the `ics` package, then checked and re-folded:
 *
 * - Times are UTC (`DTSTART:20261201T173000Z`), so no VTIMEZONE is needed.
 * - DTSTAMP and LAST-MODIFIED are the event's `updatedAt`, so the same event always gives the same bytes
 *   (cacheable, ETag-friendly). `ics` would otherwise stamp the current time.
 * - Text (SUMMARY, DESCRIPTION, LOCATION, X-WR-CALNAME) has `\`, `;`, `,` and newlines escaped. `ics`
 *   escapes the first three properties but passes the calendar name through unescaped, so we escape it here.
 *   Control characters, which TEXT may not contain, are removed; a bare CR counts as a newline.
 * - Lines are folded at 75 octets. `ics` folds at 75 *characters*, which is too long as soon as a line has
 *   accents, so its output is unfolded and folded again by octets, never inside a UTF-8 sequence.
 *
 * Bad input (unparseable or non-UTC-convertible times, an end not after the start, an unsafe UID, a URL
 * `ics` refuses) makes eventIcs throw an Error naming the event: a file is better missing than
 * wrong. A series leaves such an event out (and names it to `onSkip`): one bad evening never takes
 * the whole feed down for every subscriber.
 */
import { createEvents, type EventAttributes } from 'ics';

export const CALENDAR_PRODUCT_ID = '-//Open Experience//Events//FR';

export interface CalendarEvent {
  /** Stable and unique; see eventUid(). Letters, digits and `@ . _ - +` only. */
  uid: string;
  title: string;
  description: string;
  /** ISO 8601 with a time zone designator, e.g. 2026-12-01T17:30:00.000Z. */
  startsAt: string;
  endsAt: string;
  location: string;
  url: string;
  status: 'published' | 'cancelled';
  updatedAt: string;
}

/** The UID of an event: the same across exports, so calendars update the entry instead of duplicating it. */
export function eventUid(eventId: number): string {
  if (!Number.isSafeInteger(eventId) || eventId < 0) throw new RangeError(`eventUid: not an event id: ${String(eventId)}`);
  return `event-${eventId}@open-experience`;
}

/** A VCALENDAR (METHOD:PUBLISH) holding one VEVENT. */
export function eventIcs(event: CalendarEvent): string {
  return build([event], undefined);
}

/**
 * A VCALENDAR (METHOD:PUBLISH, X-WR-CALNAME = name) holding one VEVENT per event that can be
 * written; the others (and a repeated UID) are left out and reported to `onSkip`. No events gives
 * an empty calendar.
 */
export function seriesIcs(name: string, events: readonly CalendarEvent[], onSkip: (error: Error) => void = () => undefined): string {
  const uids = new Set<string>();
  const attributes: EventAttributes[] = [];
  for (const event of events) {
    try {
      if (uids.has(event.uid)) throw new Error(`calendar: the same UID appears twice: ${event.uid}`);
      const one = toAttributes(event);
      // What our checks let through but `ics` would refuse, found on the event alone.
      const alone = createEvents([one]);
      if (alone.error) throw new Error(`calendar: event ${JSON.stringify(event.uid)}: ${describeError(alone.error)}`);
      uids.add(event.uid);
      attributes.push(one);
    } catch (error) {
      onSkip(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return buildFrom(attributes, name);
}

function build(events: readonly CalendarEvent[], calendarName: string | undefined): string {
  return buildFrom(events.map(toAttributes), calendarName);
}

function buildFrom(attributes: EventAttributes[], calendarName: string | undefined): string {
  const header = {
    productId: CALENDAR_PRODUCT_ID,
    method: 'PUBLISH',
    ...(calendarName === undefined ? {} : { calName: escapeText(cleanText(calendarName)) }),
  };
  const result = createEvents(attributes, header);
  if (result.error || typeof result.value !== 'string') {
    throw new Error(`calendar: could not build the iCalendar file: ${describeError(result.error)}`);
  }
  return refold(result.value);
}

function toAttributes(event: CalendarEvent): EventAttributes {
  const what = `event ${JSON.stringify(event.uid)}`;
  if (typeof event.uid !== 'string' || !/^[A-Za-z0-9@._+-]{1,255}$/.test(event.uid)) throw new Error(`calendar: ${what}: the UID must be 1-255 of A-Z a-z 0-9 @ . _ + -`);
  const start = parseInstant(event.startsAt, `${what}: startsAt`);
  const end = parseInstant(event.endsAt, `${what}: endsAt`);
  if (end <= start) throw new Error(`calendar: ${what}: endsAt (${event.endsAt}) must be after startsAt (${event.startsAt})`);
  const updated = parseInstant(event.updatedAt, `${what}: updatedAt`);
  if (event.status !== 'published' && event.status !== 'cancelled') throw new Error(`calendar: ${what}: unknown status ${JSON.stringify(event.status)}`);
  if (/[\s\u0000-\u001f\u007f]/.test(event.url)) throw new Error(`calendar: ${what}: the URL contains spaces or control characters`);
  return {
    uid: event.uid,
    title: cleanText(event.title),
    description: cleanText(event.description),
    location: cleanText(event.location),
    ...(event.url === '' ? {} : { url: event.url }),
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end,
    endInputType: 'utc',
    endOutputType: 'utc',
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    lastModified: updated,
    // Not in ics's EventAttributes type, but accepted and used for DTSTAMP.
    ...({ timestamp: updated } as object),
  };
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 instant with an explicit zone; refuses what Date.parse would bend (Feb 30). */
function parseInstant(value: string, what: string): number {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  const [, y, mo, d, h, mi, s] = match ?? [];
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? '0'].map(Number) as [number, number, number, number, number, number];
  const valid =
    match !== null &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate() &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  const ms = valid ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`calendar: ${what} is not an ISO 8601 date-time with a time zone: ${JSON.stringify(value)}`);
  return ms;
}

/** TEXT may not contain control characters other than tab; newlines are kept (and escaped later). */
function cleanText(value: string): string {
  return String(value)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** RFC 5545 §3.3.11, for the values `ics` does not escape itself. */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

/** Undo ics's folding (by characters) and fold again by octets: at most 75 per line, continuation lines start with a space. */
function refold(ics: string): string {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4; // lone surrogates are written as U+FFFD: 3 octets
}

function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { errors, message } = error as { errors?: unknown; message?: unknown };
    const list = Array.isArray(errors) && errors.length > 0 ? errors.map(String) : typeof message === 'string' ? [message] : [];
    // yup's messages for regex checks quote the whole regex; keep them readable.
    if (list.length > 0) return list.map((m) => m.replace(/ must match the following: .*$/, ' is not valid')).join('; ');
  }
  return String(error);
}
