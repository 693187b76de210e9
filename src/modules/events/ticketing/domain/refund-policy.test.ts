import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cancellationDeadline, organiserCancellationRefund, selfCancellation } from './refund-policy.ts';

const START = '2026-06-20T18:00:00.000Z';
const HOUR = 3600_000;
const beforeStart = (ms: number) => new Date(Date.parse(START) - ms);

describe('cancellationDeadline', () => {
  it.each<[number, string]>([
    [48, '2026-06-18T18:00:00.000Z'],
    [24, '2026-06-19T18:00:00.000Z'],
    [1, '2026-06-20T17:00:00.000Z'],
    [0, START],
  ])('%i hours before the start → %s', (hours, expected) => {
    expect(cancellationDeadline(START, hours).toISOString()).toBe(expected);
  });

  it('crosses a daylight-saving change by the hour, not the wall clock', () => {
    // 2026-03-29 02:00 Europe/Paris jumps to 03:00; deadlines are exact durations.
    expect(cancellationDeadline('2026-03-29T18:00:00.000Z', 48).toISOString()).toBe('2026-03-27T18:00:00.000Z');
  });
});

describe('selfCancellation', () => {
  it.each<[string, { policy: string; paid: number; deadlineHours: number; now: Date }, { allowed: boolean; refund: number }]>([
    ['well before the deadline, full policy: refunded in full', { policy: 'full', paid: 1500, deadlineHours: 48, now: beforeStart(10 * 24 * HOUR) }, { allowed: true, refund: 1500 }],
    ['well before the deadline, no-refund policy: cancelled, nothing back', { policy: 'none', paid: 1500, deadlineHours: 48, now: beforeStart(10 * 24 * HOUR) }, { allowed: true, refund: 0 }],
    ['a free or unpaid order is cancelled with nothing to refund', { policy: 'full', paid: 0, deadlineHours: 48, now: beforeStart(10 * 24 * HOUR) }, { allowed: true, refund: 0 }],
    ['1 ms before the deadline', { policy: 'full', paid: 1500, deadlineHours: 48, now: beforeStart(48 * HOUR + 1) }, { allowed: true, refund: 1500 }],
    ['exactly at the deadline', { policy: 'full', paid: 1500, deadlineHours: 48, now: beforeStart(48 * HOUR) }, { allowed: false, refund: 0 }],
    ['after the deadline, before the start', { policy: 'full', paid: 1500, deadlineHours: 48, now: beforeStart(HOUR) }, { allowed: false, refund: 0 }],
    ['after the start', { policy: 'full', paid: 1500, deadlineHours: 48, now: beforeStart(-HOUR) }, { allowed: false, refund: 0 }],
    ['a zero-hour deadline: until the last millisecond before the start', { policy: 'full', paid: 800, deadlineHours: 0, now: beforeStart(1) }, { allowed: true, refund: 800 }],
    ['a zero-hour deadline: not at the start', { policy: 'full', paid: 800, deadlineHours: 0, now: beforeStart(0) }, { allowed: false, refund: 0 }],
    ['a policy other than "none" refunds in full', { policy: 'something-else', paid: 1200, deadlineHours: 48, now: beforeStart(10 * 24 * HOUR) }, { allowed: true, refund: 1200 }],
  ])('%s', (_label, input, expected) => {
    expect(selfCancellation({ ...input, startsAt: START })).toEqual(expected);
  });

  it('is allowed exactly before the deadline, and refunds either nothing or what was paid', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('full', 'none'),
        fc.nat({ max: 1_000_000 }),
        fc.integer({ min: 0, max: 24 * 14 }),
        fc.integer({ min: -30 * 24 * 60, max: 30 * 24 * 60 }),
        (policy, paid, deadlineHours, minutesBeforeStart) => {
          const now = beforeStart(minutesBeforeStart * 60_000);
          const rule = selfCancellation({ policy, paid, startsAt: START, deadlineHours, now });
          expect(rule.allowed).toBe(now.getTime() < Date.parse(START) - deadlineHours * HOUR);
          expect(rule.refund).toBe(rule.allowed && policy === 'full' ? paid : 0);
          expect(rule.refund).toBeLessThanOrEqual(paid);
        },
      ),
    );
  });
});

describe('organiserCancellationRefund', () => {
  it('refunds everything paid when the organisers cancel, whatever the policy', () => {
    for (const paid of [0, 1, 1500, 123_456]) expect(organiserCancellationRefund(paid)).toBe(paid);
  });
});
