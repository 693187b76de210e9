import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSaneDate, PROGRAMME_TIME_ZONE, parseLocalDateTime, toLocalDateTimeInput } from './time.ts';

function iso(value: string): string | null {
  return parseLocalDateTime(value)?.toISOString() ?? null;
}

describe('parseLocalDateTime (Europe/Paris)', () => {
  it('uses Paris as the programme time zone', () => {
    expect(PROGRAMME_TIME_ZONE).toBe('Europe/Paris');
  });

  it('keeps the years 0000–0099 where they are (Date.UTC would move them to the 1900s)', () => {
    expect(parseLocalDateTime('0026-09-01T19:00')?.getUTCFullYear()).toBe(26);
    expect(isSaneDate(parseLocalDateTime('0026-09-01T19:00')!)).toBe(false);
    expect(isSaneDate(parseLocalDateTime('1969-07-20T20:00')!)).toBe(false);
    expect(isSaneDate(parseLocalDateTime('2026-09-01T19:00')!)).toBe(true);
  });

  it.each([
    // winter: UTC+1
    ['2026-01-15T12:00', '2026-01-15T11:00:00.000Z'],
    ['2026-12-01T18:30', '2026-12-01T17:30:00.000Z'],
    ['2026-01-01T00:00', '2025-12-31T23:00:00.000Z'],
    ['2026-12-31T23:59:59', '2026-12-31T22:59:59.000Z'],
    ['2024-02-29T08:15', '2024-02-29T07:15:00.000Z'],
    // summer: UTC+2
    ['2026-07-15T12:00', '2026-07-15T10:00:00.000Z'],
    ['2026-06-21T00:30', '2026-06-20T22:30:00.000Z'],
    ['2026-08-01T09:05:07', '2026-08-01T07:05:07.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  describe('around the spring switch (2026-03-29, 02:00 CET → 03:00 CEST)', () => {
    it.each([
      ['2026-03-28T02:30', '2026-03-28T01:30:00.000Z'], // the day before, still winter
      ['2026-03-29T00:00', '2026-03-28T23:00:00.000Z'],
      ['2026-03-29T01:59', '2026-03-29T00:59:00.000Z'], // last winter minute
      ['2026-03-29T03:00', '2026-03-29T01:00:00.000Z'], // first summer minute
      ['2026-03-29T03:30', '2026-03-29T01:30:00.000Z'],
      ['2026-03-29T12:00', '2026-03-29T10:00:00.000Z'],
      ['2026-03-30T02:30', '2026-03-30T00:30:00.000Z'], // the day after, summer
    ])('%s → %s', (input, expected) => {
      expect(iso(input)).toBe(expected);
    });

    it.each([
      ['2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
      ['2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
      ['2026-03-29T02:59', '2026-03-29T01:59:00.000Z'],
    ])('a wall-clock time that does not exist (%s) moves forward by the gap → %s', (input, expected) => {
      expect(iso(input)).toBe(expected);
      // …which reads back one hour later on the wall clock.
      expect(toLocalDateTimeInput(expected)).toBe(input.replace('T02:', 'T03:'));
    });
  });

  describe('around the autumn switch (2026-10-25, 03:00 CEST → 02:00 CET)', () => {
    it.each([
      ['2026-10-24T02:30', '2026-10-24T00:30:00.000Z'], // the day before, summer
      ['2026-10-25T00:00', '2026-10-24T22:00:00.000Z'],
      ['2026-10-25T01:59', '2026-10-24T23:59:00.000Z'], // before the repeated hour: summer
      ['2026-10-25T03:00', '2026-10-25T02:00:00.000Z'], // after the repeated hour: winter
      ['2026-10-25T12:00', '2026-10-25T11:00:00.000Z'],
      ['2026-10-26T02:30', '2026-10-26T01:30:00.000Z'], // the day after, winter
    ])('%s → %s', (input, expected) => {
      expect(iso(input)).toBe(expected);
    });

    it.each([
      ['2026-10-25T02:00', ['2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z']],
      ['2026-10-25T02:30', ['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']],
      ['2026-10-25T02:59', ['2026-10-25T00:59:00.000Z', '2026-10-25T01:59:00.000Z']],
    ] as const)('a repeated wall-clock time (%s) resolves to one of its two instants and reads back', (input, candidates) => {
      const out = iso(input);
      expect(candidates).toContain(out);
      expect(toLocalDateTimeInput(out)).toBe(input);
    });
  });

  it('honours another time zone when given', () => {
    expect(parseLocalDateTime('2026-07-01T12:00', 'UTC')?.toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(parseLocalDateTime('2026-07-01T12:00', 'America/New_York')?.toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(parseLocalDateTime('2026-01-01T12:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-01-01T06:30:00.000Z');
  });

  it.each([
    '',
    'demain',
    '2026-01-01',
    '2026-01-01 10:00',
    '2026-01-01T10',
    '2026-1-1T10:00',
    '26-01-01T10:00',
    '2026-01-01T10:00Z',
    '2026-01-01T10:00:00.000Z',
    '2026-01-01T10:00+01:00',
    ' 2026-01-01T10:00',
    '2026-01-01T10:00 ',
    '2026-01-01t10:00',
    '2026-00-10T10:00',
    '2026-13-01T10:00',
    '2026-01-00T10:00',
    '2026-01-32T10:00',
    '2026-02-30T10:00',
    '2026-02-29T10:00', // 2026 is not a leap year
    '2026-04-31T10:00',
    '2026-01-01T24:00',
    '2026-01-01T10:60',
    '2026-01-01T10:00:60',
  ])('invalid %j → null', (input) => {
    expect(parseLocalDateTime(input)).toBeNull();
  });
});

describe('toLocalDateTimeInput', () => {
  it.each([
    [null, ''],
    ['', ''],
    ['2026-01-15T11:00:00.000Z', '2026-01-15T12:00'],
    ['2026-07-15T10:00:00.000Z', '2026-07-15T12:00'],
    ['2025-12-31T23:00:00.000Z', '2026-01-01T00:00'],
    ['2026-12-31T22:59:59.999Z', '2026-12-31T23:59'],
    ['2026-03-29T00:59:59.000Z', '2026-03-29T01:59'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29T03:00'],
    ['2026-10-25T00:59:00.000Z', '2026-10-25T02:59'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25T02:00'],
  ])('%j → %j', (input, expected) => {
    expect(toLocalDateTimeInput(input)).toBe(expected);
  });

  it('honours another time zone when given', () => {
    expect(toLocalDateTimeInput('2026-07-01T16:00:00.000Z', 'America/New_York')).toBe('2026-07-01T12:00');
  });

  const minute = 60_000;
  const instantArb = fc
    .integer({ min: Date.parse('2000-01-01T00:00:00.000Z') / minute, max: Date.parse('2040-01-01T00:00:00.000Z') / minute })
    .map((m) => new Date(m * minute));

  it('property: an instant → local input → instant round-trips (outside the repeated autumn hour)', () => {
    fc.assert(
      fc.property(instantArb, (at) => {
        const local = toLocalDateTimeInput(at.toISOString());
        expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
        const back = parseLocalDateTime(local);
        expect(back).not.toBeNull();
        const diff = back!.getTime() - at.getTime();
        // In the repeated hour the wall-clock text is ambiguous, so either occurrence is acceptable.
        if (local.slice(11, 13) === '02' && /-10-\d{2}$/.test(local.slice(0, 10))) {
          expect([0, 3_600_000, -3_600_000]).toContain(diff);
        } else {
          expect(diff).toBe(0);
        }
        // And the text itself is always stable.
        expect(toLocalDateTimeInput(back!.toISOString())).toBe(local);
      }),
      { numRuns: 500 },
    );
  });

  it('property: every autumn-switch minute round-trips as text, and instants outside 01:00–02:00 UTC round-trip exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 * 60 - 1 }), (m) => {
        const at = new Date(Date.parse('2026-10-24T23:00:00.000Z') + m * minute);
        const local = toLocalDateTimeInput(at.toISOString());
        const back = parseLocalDateTime(local)!;
        expect(toLocalDateTimeInput(back.toISOString())).toBe(local);
        const inFold = at.getTime() >= Date.parse('2026-10-25T00:00:00.000Z') && at.getTime() < Date.parse('2026-10-25T02:00:00.000Z');
        if (!inFold) expect(back.toISOString()).toBe(at.toISOString());
      }),
    );
  });

  it('property: a valid wall-clock minute round-trips (except in the spring gap)', () => {
    const localArb = fc
      .record({
        y: fc.integer({ min: 2000, max: 2039 }),
        mo: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
        h: fc.integer({ min: 0, max: 23 }),
        mi: fc.integer({ min: 0, max: 59 }),
      })
      .map(({ y, mo, d, h, mi }) => {
        const p = (n: number) => String(n).padStart(2, '0');
        return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}`;
      });
    fc.assert(
      fc.property(localArb, (local) => {
        const at = parseLocalDateTime(local);
        expect(at).not.toBeNull();
        const back = toLocalDateTimeInput(at!.toISOString());
        const inSpringGap = /-03-\d{2}T02:/.test(local) && back !== local;
        if (inSpringGap) expect(back).toBe(local.replace('T02:', 'T03:'));
        else expect(back).toBe(local);
      }),
      { numRuns: 500 },
    );
  });
});
