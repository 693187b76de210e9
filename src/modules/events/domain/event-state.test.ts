import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventStatus } from './event-state.ts';
import { eventState, scheduleProblems } from './event-state.ts';

const NOW = new Date('2026-06-01T10:00:00.000Z');
const iso = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

describe('eventState', () => {
  it.each<[string, EventStatus, string, string]>([
    ['published, not yet ended', 'published', iso(3600_000), 'published'],
    ['published, ending exactly now', 'published', iso(0), 'published'],
    ['published, ended 1 ms ago', 'published', iso(-1), 'past'],
    ['published, ended long ago', 'published', '2025-01-01T00:00:00.000Z', 'past'],
    ['a draft stays a draft once its date has passed', 'draft', iso(-3600_000), 'draft'],
    ['a draft in the future', 'draft', iso(3600_000), 'draft'],
    ['a cancelled event stays cancelled once its date has passed', 'cancelled', iso(-3600_000), 'cancelled'],
    ['a cancelled event in the future', 'cancelled', iso(3600_000), 'cancelled'],
  ])('%s', (_label, status, endsAt, expected) => {
    expect(eventState({ status, ends_at: endsAt }, NOW)).toBe(expected);
  });

  it('is "past" only for published events whose end has gone by', () => {
    fc.assert(
      fc.property(fc.constantFrom<EventStatus>('draft', 'published', 'cancelled'), fc.integer({ min: -1e9, max: 1e9 }), (status, offset) => {
        const state = eventState({ status, ends_at: iso(offset) }, NOW);
        expect(state).toBe(status === 'published' && offset < 0 ? 'past' : status);
      }),
    );
  });
});

describe('scheduleProblems', () => {
  const base = {
    startsAt: new Date('2026-06-20T18:00:00Z'),
    endsAt: new Date('2026-06-20T21:00:00Z'),
    capacity: 80,
    opensAt: null as Date | null,
    closesAt: null as Date | null,
  };

  it.each<[string, Partial<typeof base>, Record<string, string>]>([
    ['a consistent schedule', {}, {}],
    ['a full registration window', { opensAt: new Date('2026-06-01T08:00:00Z'), closesAt: new Date('2026-06-20T12:00:00Z') }, {}],
    ['only an opening date', { opensAt: new Date('2026-06-01T08:00:00Z') }, {}],
    ['only a closing date', { closesAt: new Date('2026-06-19T08:00:00Z') }, {}],
    ['an end equal to the start', { endsAt: new Date('2026-06-20T18:00:00Z') }, { ends_at: 'events.endBeforeStart' }],
    ['an end before the start', { endsAt: new Date('2026-06-20T17:59:59Z') }, { ends_at: 'events.endBeforeStart' }],
    ['registration closing when it opens', { opensAt: new Date('2026-06-10T08:00:00Z'), closesAt: new Date('2026-06-10T08:00:00Z') }, { registration_closes_at: 'events.closesBeforeOpens' }],
    ['registration closing before it opens', { opensAt: new Date('2026-06-10T08:00:00Z'), closesAt: new Date('2026-06-09T08:00:00Z') }, { registration_closes_at: 'events.closesBeforeOpens' }],
    ['zero seats is allowed', { capacity: 0 }, {}],
    ['the largest capacity', { capacity: 100_000 }, {}],
    ['a negative capacity', { capacity: -1 }, { capacity: 'errors.invalid' }],
    ['a fractional capacity', { capacity: 1.5 }, { capacity: 'errors.invalid' }],
    ['a capacity too large', { capacity: 100_001 }, { capacity: 'errors.invalid' }],
    ['a capacity that is not a number', { capacity: Number.NaN }, { capacity: 'errors.invalid' }],
    ['an infinite capacity', { capacity: Number.POSITIVE_INFINITY }, { capacity: 'errors.invalid' }],
    [
      'several problems at once',
      { endsAt: new Date('2026-06-20T17:00:00Z'), opensAt: new Date('2026-06-10T08:00:00Z'), closesAt: new Date('2026-06-01T08:00:00Z'), capacity: -5 },
      { ends_at: 'events.endBeforeStart', registration_closes_at: 'events.closesBeforeOpens', capacity: 'errors.invalid' },
    ],
  ])('%s', (_label, over, expected) => {
    expect(scheduleProblems({ ...base, ...over })).toEqual(expected);
  });

  it('flags an end before the start exactly when it is not after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), (deltaMs) => {
        const problems = scheduleProblems({ ...base, endsAt: new Date(base.startsAt.getTime() + deltaMs) });
        expect('ends_at' in problems).toBe(deltaMs <= 0);
      }),
    );
  });
});
