import { describe, expect, it } from 'vitest';
import { chronological, formatCents, isCalendarDate, parisDate } from './format.ts';

describe('parisDate', () => {
  it.each([
    ['2025-01-15T12:00:00Z', '2025-01-15'],
    ['2025-01-15T22:59:59Z', '2025-01-15'], // winter, UTC+1
    ['2025-01-15T23:00:00Z', '2025-01-16'],
    ['2025-03-30T00:59:59Z', '2025-03-30'], // the night summer time begins
    ['2025-07-14T21:59:59Z', '2025-07-14'], // summer, UTC+2
    ['2025-07-14T22:00:00Z', '2025-07-15'],
    ['2025-10-25T22:30:00Z', '2025-10-26'], // the night summer time ends
    ['2025-12-31T23:00:00Z', '2026-01-01'], // a new year in Paris, not yet in London
    ['2025-03-14T19:30:00+01:00', '2025-03-14'],
    ['2025-06-01', '2025-06-01'], // a bare date is UTC midnight
  ])('%s is %s in Paris', (iso, day) => {
    expect(parisDate(iso)).toBe(day);
  });

  it('refuses what is not a date', () => {
    expect(() => parisDate('yesterday')).toThrow(RangeError);
  });
});

describe('formatCents', () => {
  it.each([
    [0, '0.00', '0,00'],
    [5, '0.05', '0,05'],
    [99, '0.99', '0,99'],
    [100, '1.00', '1,00'],
    [1250, '12.50', '12,50'],
    [123456789, '1234567.89', '1234567,89'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91', '90071992547409,91'],
  ])('%i cents', (cents, dot, comma) => {
    expect(formatCents(cents, '.')).toBe(dot);
    expect(formatCents(cents, ',')).toBe(comma);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses %s', (cents) => {
    expect(() => formatCents(cents, '.')).toThrow(RangeError);
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['20251231', false],
    ['2025-1-01', false],
  ])('%s → %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });
});

describe('chronological', () => {
  it('orders by instant, then by id, without touching the input', () => {
    const input = [
      { id: 3, occurredAt: '2025-01-02T00:00:00Z' },
      { id: 2, occurredAt: '2025-01-01T12:00:00Z' },
      { id: 1, occurredAt: '2025-01-01T13:00:00+01:00' }, // the same instant as id 2
    ];
    expect(chronological(input).map((t) => t.id)).toEqual([1, 2, 3]);
    expect(input.map((t) => t.id)).toEqual([3, 2, 1]);
  });
});
