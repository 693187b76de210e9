import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDAR_PRODUCT_ID, eventIcs, eventUid, seriesIcs, type CalendarEvent } from './calendar.ts';

const EVENT: CalendarEvent = {
  uid: eventUid(42),
  title: 'Soirée découverte',
  description: 'Une soirée pour découvrir le projet.',
  startsAt: '2026-12-01T17:30:00.000Z',
  endsAt: '2026-12-01T20:00:00.000Z',
  location: 'La Maison, Paris',
  url: 'https://open-experience.example/evenements/soiree-decouverte',
  status: 'published',
  updatedAt: '2026-11-15T09:00:00.000Z',
};

/** Content lines with folding undone (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').slice(0, -1);
}

/** The value of a property, in unfolded lines. */
function prop(ics: string, name: string): string[] {
  return unfold(ics)
    .filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))
    .map((line) => line.slice(line.indexOf(':') + 1));
}

/** Reverse of RFC 5545 TEXT escaping. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function expectWellFormed(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  // CRLF everywhere: no bare LF or CR.
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  // No folding inside a UTF-8 sequence: every physical line is valid UTF-8 on its own (no U+FFFD appears).
  for (const line of ics.split('\r\n')) expect(Buffer.from(Buffer.from(line, 'utf8').toString('utf8')).equals(Buffer.from(line, 'utf8'))).toBe(true);
  const lines = unfold(ics);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines.filter((l) => l === 'BEGIN:VEVENT').length).toBe(lines.filter((l) => l === 'END:VEVENT').length);
}

describe('eventIcs', () => {
  it('has the expected calendar and event properties', () => {
    const ics = eventIcs(EVENT);
    expectWellFormed(ics);
    const lines = unfold(ics);
    for (const line of [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:${CALENDAR_PRODUCT_ID}`,
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:event-42@open-experience',
      'SUMMARY:Soirée découverte',
      'DTSTART:20261201T173000Z',
      'DTEND:20261201T200000Z',
      'DTSTAMP:20261115T090000Z',
      'LAST-MODIFIED:20261115T090000Z',
      'DESCRIPTION:Une soirée pour découvrir le projet.',
      'LOCATION:La Maison\\, Paris',
      'URL:https://open-experience.example/evenements/soiree-decouverte',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
    ]) {
      expect(lines, line).toContain(line);
    }
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('X-WR-CALNAME'))).toBe(false);
    expect(prop(ics, 'PRODID')).toEqual(['-//Open Experience//Events//FR']);
  });

  it('is deterministic (no current-time stamp)', () => {
    expect(eventIcs(EVENT)).toBe(eventIcs({ ...EVENT }));
    expect(eventIcs(EVENT)).not.toBe(eventIcs({ ...EVENT, updatedAt: '2026-11-16T09:00:00Z' }));
  });

  it('marks a cancelled event', () => {
    const ics = eventIcs({ ...EVENT, status: 'cancelled' });
    expect(prop(ics, 'STATUS')).toEqual(['CANCELLED']);
    expect(prop(ics, 'UID')).toEqual(['event-42@open-experience']);
  });

  it('converts explicit offsets to UTC and drops milliseconds', () => {
    const ics = eventIcs({ ...EVENT, startsAt: '2026-12-01T18:30:00+01:00', endsAt: '2026-12-01T21:00:00.999+01:00' });
    expect(prop(ics, 'DTSTART')).toEqual(['20261201T173000Z']);
    expect(prop(ics, 'DTEND')).toEqual(['20261201T200000Z']);
  });

  it('escapes commas, semicolons, backslashes and newlines in text', () => {
    const description = 'Ordre du jour : accueil, débat; apéritif.\nDeuxième ligne\r\nTroisième\rQuatrième \\ fin';
    const ics = eventIcs({ ...EVENT, title: 'Débat; « Art, science »', description, location: 'Salle 2, 3e étage; Lyon' });
    expect(prop(ics, 'SUMMARY')).toEqual(['Débat\\; « Art\\, science »']);
    expect(prop(ics, 'LOCATION')).toEqual(['Salle 2\\, 3e étage\\; Lyon']);
    expect(prop(ics, 'DESCRIPTION')).toEqual(['Ordre du jour : accueil\\, débat\\; apéritif.\\nDeuxième ligne\\nTroisième\\nQuatrième \\\\ fin']);
    expect(unescapeText(prop(ics, 'DESCRIPTION')[0] ?? '')).toBe('Ordre du jour : accueil, débat; apéritif.\nDeuxième ligne\nTroisième\nQuatrième \\ fin');
    expectWellFormed(ics);
  });

  it('removes control characters, which iCalendar text may not contain', () => {
    const ics = eventIcs({ ...EVENT, title: 'A\u0000B\u0007C\u001bD\u007fE\tF' });
    expect(prop(ics, 'SUMMARY')).toEqual(['ABCDE\tF']);
  });

  it('folds long lines at 75 octets without splitting accented characters', () => {
    const description = `${'é'.repeat(100)} — ${'Événement à l’Opéra, «\u00a0soirée\u00a0» ; '.repeat(20)} 🎭🎶 fin`;
    const ics = eventIcs({ ...EVENT, description });
    expectWellFormed(ics);
    const physical = ics.split('\r\n');
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    expect(physical.filter((l) => l.startsWith('\t'))).toEqual([]);
    // A line with two-octet characters is folded at 75 octets, not 75 characters.
    const first = physical.find((l) => l.startsWith('DESCRIPTION:')) ?? '';
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(74);
    expect(Buffer.byteLength(first)).toBeLessThanOrEqual(75);
    expect(unescapeText(prop(ics, 'DESCRIPTION')[0] ?? '')).toBe(description.replace(/\r\n?/g, '\n'));
  });

  it('keeps any text intact through escaping and folding (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 120 }), (description, title) => {
        const ics = eventIcs({ ...EVENT, title: title === '' ? 'x' : title, description: description === '' ? 'x' : description });
        expectWellFormed(ics);
        const clean = (s: string) => (s === '' ? 'x' : s).replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        const expectedDescription = clean(description);
        if (expectedDescription !== '') expect(unescapeText(prop(ics, 'DESCRIPTION')[0] ?? '')).toBe(expectedDescription);
        const expectedTitle = clean(title);
        if (expectedTitle !== '') expect(unescapeText(prop(ics, 'SUMMARY')[0] ?? '')).toBe(expectedTitle);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves out empty optional fields', () => {
    const ics = eventIcs({ ...EVENT, description: '', location: '', url: '' });
    expect(prop(ics, 'DESCRIPTION')).toEqual([]);
    expect(prop(ics, 'LOCATION')).toEqual([]);
    expect(prop(ics, 'URL')).toEqual([]);
  });

  it('throws a clear error on bad input', () => {
    expect(() => eventIcs({ ...EVENT, startsAt: 'demain' })).toThrow(/event "event-42@open-experience": startsAt is not an ISO 8601/);
    expect(() => eventIcs({ ...EVENT, startsAt: '2026-12-01T17:30:00' })).toThrow(/startsAt/); // no zone: ambiguous
    expect(() => eventIcs({ ...EVENT, startsAt: '2026-02-30T17:30:00Z' })).toThrow(/startsAt/); // Date.parse would say 2 March
    expect(() => eventIcs({ ...EVENT, updatedAt: '' })).toThrow(/updatedAt/);
    expect(() => eventIcs({ ...EVENT, endsAt: EVENT.startsAt })).toThrow(/endsAt .* must be after startsAt/);
    expect(() => eventIcs({ ...EVENT, uid: 'event 42' })).toThrow(/UID/);
    expect(() => eventIcs({ ...EVENT, uid: 'a;b' })).toThrow(/UID/);
    expect(() => eventIcs({ ...EVENT, url: 'https://x.example/a b' })).toThrow(/URL/);
    expect(() => eventIcs({ ...EVENT, url: 'pas une url' })).toThrow(/URL/);
    expect(() => eventIcs({ ...EVENT, url: 'notaurl' })).toThrow(/^calendar: could not build the iCalendar file: url is not valid$/);
    expect(() => eventIcs({ ...EVENT, status: 'draft' as 'published' })).toThrow(/status/);
  });
});

describe('eventUid', () => {
  it('is stable per event id', () => {
    expect(eventUid(42)).toBe('event-42@open-experience');
    expect(() => eventUid(-1)).toThrow(RangeError);
    expect(() => eventUid(1.5)).toThrow(RangeError);
  });
});

describe('seriesIcs', () => {
  const events: CalendarEvent[] = [1, 2, 3, 4, 5].map((n) => ({
    ...EVENT,
    uid: eventUid(n),
    title: `Soirée n°${n}`,
    startsAt: `2026-0${n}-10T18:00:00Z`,
    endsAt: `2026-0${n}-10T20:30:00Z`,
    status: n === 3 ? 'cancelled' : 'published',
  }));

  it('holds one VEVENT per event in a single VCALENDAR', () => {
    const ics = seriesIcs('Saison 2026', events);
    expectWellFormed(ics);
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VCALENDAR')).toHaveLength(1);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(5);
    expect(prop(ics, 'UID')).toEqual(['event-1@open-experience', 'event-2@open-experience', 'event-3@open-experience', 'event-4@open-experience', 'event-5@open-experience']);
    expect(prop(ics, 'STATUS')).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    expect(prop(ics, 'DTSTART')).toEqual(['20260110T180000Z', '20260210T180000Z', '20260310T180000Z', '20260410T180000Z', '20260510T180000Z']);
    expect(prop(ics, 'X-WR-CALNAME')).toEqual(['Saison 2026']);
    expect(prop(ics, 'METHOD')).toEqual(['PUBLISH']);
    expect(prop(ics, 'PRODID')).toEqual([CALENDAR_PRODUCT_ID]);
    // Calendar properties come before the first event.
    expect(lines.indexOf('X-WR-CALNAME:Saison 2026')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });

  it('escapes the calendar name', () => {
    const ics = seriesIcs('Open Experience, saison 2026; Paris\nnouvelle ligne \\', events);
    expect(prop(ics, 'X-WR-CALNAME')).toEqual(['Open Experience\\, saison 2026\\; Paris\\nnouvelle ligne \\\\']);
    expectWellFormed(ics);
  });

  it('allows an empty series and keeps one event per UID', () => {
    const empty = seriesIcs('Rien pour l’instant', []);
    expectWellFormed(empty);
    expect(unfold(empty).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(0);
    const skipped: string[] = [];
    expect(prop(seriesIcs('x', [EVENT, { ...EVENT }], (e) => skipped.push(e.message)), 'UID')).toEqual([EVENT.uid]);
    expect(skipped).toEqual([expect.stringMatching(/same UID/)]);
  });

  it('leaves out an event it cannot write, names it, and keeps the others', () => {
    const faults = [{ endsAt: 'jamais' }, { startsAt: '1969-07-20T20:17:00Z', endsAt: '1969-07-20T23:00:00Z' }, { startsAt: '0026-05-01T18:00:00Z' }, { url: 'notaurl' }];
    for (const fault of faults) {
      const skipped: string[] = [];
      const bad = events.map((e, i) => (i === 3 ? { ...e, ...fault } : e));
      const ics = seriesIcs('Saison', bad, (e) => skipped.push(e.message));
      expectWellFormed(ics);
      expect(prop(ics, 'UID'), JSON.stringify(fault)).toEqual(['event-1@open-experience', 'event-2@open-experience', 'event-3@open-experience', 'event-5@open-experience']);
      expect(skipped, JSON.stringify(fault)).toEqual([expect.stringContaining('event-4@open-experience')]);
    }
  });
});

