import { describe, expect, it } from 'vitest';
import { manualPaymentDeadline, paymentReference, paymentReminderAt, referenceSearchKey } from './manual-payment.ts';

const DAY = 24 * 3_600_000;
const now = new Date('2026-06-01T10:00:00.000Z');

describe('manualPaymentDeadline', () => {
  it.each([
    { startsAt: '2026-06-20T18:00:00.000Z', termDays: 7, choice: 'online' as const, expected: '2026-06-08T10:00:00.000Z', why: 'the term, well before the evening' },
    { startsAt: '2026-06-04T18:00:00.000Z', termDays: 7, choice: 'online' as const, expected: '2026-06-04T18:00:00.000Z', why: 'never past the start' },
    { startsAt: '2026-06-20T18:00:00.000Z', termDays: 1, choice: 'online' as const, expected: '2026-06-02T10:00:00.000Z', why: 'a one-day term' },
    { startsAt: '2026-06-20T18:00:00.000Z', termDays: 7, choice: 'door' as const, expected: '2026-06-20T21:00:00.000Z', why: 'at the door: until the evening ends' },
  ])('$why', ({ startsAt, termDays, choice, expected }) => {
    expect(manualPaymentDeadline({ now, startsAt, endsAt: '2026-06-20T21:00:00.000Z', termDays, choice }).toISOString()).toBe(expected);
  });
});

describe('paymentReminderAt', () => {
  it('reminds two days before a long term ends, halfway through a short one, never for less than a day', () => {
    expect(paymentReminderAt({ now, until: new Date(now.getTime() + 7 * DAY) })?.toISOString()).toBe(new Date(now.getTime() + 5 * DAY).toISOString());
    expect(paymentReminderAt({ now, until: new Date(now.getTime() + 2 * DAY) })?.toISOString()).toBe(new Date(now.getTime() + DAY).toISOString());
    expect(paymentReminderAt({ now, until: new Date(now.getTime() + DAY) })?.toISOString()).toBe(new Date(now.getTime() + DAY / 2).toISOString());
    expect(paymentReminderAt({ now, until: new Date(now.getTime() + DAY - 1) })).toBeNull();
  });
});

describe('paymentReference', () => {
  it('writes 40 random bits as OE-XXXX-XXXX in Crockford base 32', () => {
    expect(paymentReference(new Uint8Array([0, 0, 0, 0, 0]))).toBe('OE-0000-0000');
    expect(paymentReference(new Uint8Array([255, 255, 255, 255, 255, 9, 9]))).toBe('OE-ZZZZ-ZZZZ');
    expect(paymentReference(new Uint8Array([0, 0, 0, 0, 33]))).toBe('OE-0000-0011');
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(Array.from({ length: 8 }, () => Math.floor(Math.random() * 256)));
      expect(paymentReference(bytes)).toMatch(/^OE-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    }
    expect(() => paymentReference(new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('referenceSearchKey', () => {
  it.each([
    ['OE-7K3M-9Q2T', 'OE7K3M9Q2T'],
    ['oe 7k3m 9q2t', 'OE7K3M9Q2T'],
    ['7k3m', '7K3M'],
    ['7k3', null],
    ['Dupont, Marie', null],
    ['marie@example.org', null],
  ])('%s → %s', (text, expected) => {
    expect(referenceSearchKey(text)).toBe(expected);
  });
});
