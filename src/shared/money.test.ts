import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertCents, formatCents, InvalidAmountError, isCents, parseEuros } from './money.ts';

const MAX = Number.MAX_SAFE_INTEGER;
const NNBSP = '\u202f'; // narrow no-break space: French thousands separator
const NBSP = '\u00a0'; // no-break space: before the euro sign

describe('isCents / assertCents', () => {
  it.each([
    { n: 0, ok: true },
    { n: 1, ok: true },
    { n: -1, ok: true },
    { n: MAX, ok: true },
    { n: -MAX, ok: true },
    { n: 1.5, ok: false },
    { n: 0.1, ok: false },
    { n: Number.NaN, ok: false },
    { n: Number.POSITIVE_INFINITY, ok: false },
    { n: MAX + 1, ok: false },
    { n: '100', ok: false },
    { n: null, ok: false },
    { n: 100n, ok: false },
  ])('$n → $ok', ({ n, ok }) => {
    expect(isCents(n)).toBe(ok);
    if (ok) expect(() => assertCents(n, 'price')).not.toThrow();
    else expect(() => assertCents(n, 'price')).toThrow(InvalidAmountError);
  });

  it('names the field in the error', () => {
    try {
      assertCents(12.5, 'unitPrice');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAmountError);
      expect((error as InvalidAmountError).field).toBe('unitPrice');
      expect((error as InvalidAmountError).value).toBe(12.5);
    }
  });
});

describe('parseEuros', () => {
  it.each([
    { input: '12,50', expected: 1250 },
    { input: '12.50', expected: 1250 },
    { input: '12', expected: 1200 },
    { input: '12,5', expected: 1250 },
    { input: '12.5', expected: 1250 },
    { input: '0,05', expected: 5 },
    { input: '0', expected: 0 },
    { input: '007', expected: 700 },
    { input: '  7,10 ', expected: 710 },
    { input: '1 234,56', expected: 123456 },
    { input: `1${NNBSP}234,56`, expected: 123456 },
    { input: `1${NBSP}234${NBSP}567`, expected: 123456700 },
    { input: '90071992547409,91', expected: MAX },
    { input: '90071992547409,92', expected: null },
    { input: '12,505', expected: null },
    { input: '12.', expected: null },
    { input: ',5', expected: null },
    { input: '1e3', expected: null },
    { input: '1E3', expected: null },
    { input: '+5', expected: null },
    { input: '-5', expected: null },
    { input: '', expected: null },
    { input: '   ', expected: null },
    { input: 'abc', expected: null },
    { input: '12 €', expected: null },
    { input: '1,234.56', expected: null },
    { input: '1.234,56', expected: null },
    { input: '12 34', expected: null },
    { input: '1  234', expected: null },
    { input: 'Infinity', expected: null },
    { input: '0x10', expected: null },
    { input: '١٢', expected: null },
  ])('"$input" → $expected', ({ input, expected }) => {
    expect(parseEuros(input)).toBe(expected);
  });

  it.each([
    { input: '-5', expected: -500 },
    { input: '-12,34', expected: -1234 },
    { input: '-1 234,5', expected: -123450 },
    { input: '5', expected: 500 },
    { input: '--5', expected: null },
    { input: '- 5', expected: null },
  ])('with allowNegative: "$input" → $expected', ({ input, expected }) => {
    expect(parseEuros(input, { allowNegative: true })).toBe(expected);
  });

  it('"-0" with allowNegative is plain 0, not -0', () => {
    expect(Object.is(parseEuros('-0,00', { allowNegative: true }), 0)).toBe(true);
  });

  it('reads back any amount written with either separator', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.constantFrom(',', '.'), (cents, separator) => {
        const text = `${Math.floor(cents / 100)}${separator}${String(cents % 100).padStart(2, '0')}`;
        expect(parseEuros(text)).toBe(cents);
      }),
    );
  });

  it('reads back what formatCents writes in French', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (cents) => {
        const text = formatCents(cents, 'fr').replace(`${NBSP}€`, '');
        expect(parseEuros(text, { allowNegative: true })).toBe(cents);
      }),
    );
  });
});

describe('formatCents', () => {
  it.each([
    { cents: 123456, lang: 'fr' as const, expected: `1${NNBSP}234,56${NBSP}€` },
    { cents: 123456, lang: 'en' as const, expected: '€1,234.56' },
    { cents: 0, lang: 'fr' as const, expected: `0,00${NBSP}€` },
    { cents: 0, lang: 'en' as const, expected: '€0.00' },
    { cents: 5, lang: 'fr' as const, expected: `0,05${NBSP}€` },
    { cents: -5, lang: 'fr' as const, expected: `-0,05${NBSP}€` },
    { cents: -5, lang: 'en' as const, expected: '-€0.05' },
    { cents: 100, lang: 'en' as const, expected: '€1.00' },
    { cents: MAX, lang: 'en' as const, expected: '€90,071,992,547,409.91' },
    { cents: MAX, lang: 'fr' as const, expected: `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€` },
    { cents: -MAX, lang: 'en' as const, expected: '-€90,071,992,547,409.91' },
  ])('$cents in $lang → $expected', ({ cents, lang, expected }) => {
    expect(formatCents(cents, lang)).toBe(expected);
  });

  it('takes another currency, still in hundredths', () => {
    expect(formatCents(1234, 'en', 'USD')).toBe('US$12.34');
    expect(formatCents(1234, 'fr', 'CHF')).toBe(`12,34${NBSP}CHF`);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX + 1])('refuses %s', (cents) => {
    expect(() => formatCents(cents, 'fr')).toThrow(InvalidAmountError);
  });
});
