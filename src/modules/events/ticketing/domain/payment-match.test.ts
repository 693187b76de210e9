import { describe, expect, it } from 'vitest';
import { paymentMatches } from './payment-match.ts';

describe('paymentMatches', () => {
  it('accepts the same amount in the same currency, whatever its case', () => {
    expect(paymentMatches({ amount: 1500, currency: 'EUR' }, { amount: 1500, currency: 'eur' })).toBe(true);
  });
  it('refuses another amount or another currency', () => {
    expect(paymentMatches({ amount: 1, currency: 'eur' }, { amount: 1500, currency: 'eur' })).toBe(false);
    expect(paymentMatches({ amount: 1500, currency: 'jpy' }, { amount: 1500, currency: 'eur' })).toBe(false);
  });
});
