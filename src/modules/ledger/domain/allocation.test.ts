import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ValidationError } from '../../../shared/errors.ts';
import { bookSale, closeEvent, royaltyPayout, type BookSaleInput, type CloseEventInput } from './allocation.ts';
import { InvalidAmountError, InvalidSplitError, NoRecipientsError, RoyaltyOverpaymentError, UnknownAccountError } from './errors.ts';
import { balancesOf, validateLines } from './posting.ts';

function close(overrides: Partial<CloseEventInput> & { visualsBasisPoints?: number } = {}) {
  const { visualsBasisPoints = 5000, ...rest } = overrides;
  return closeEvent({ eventId: 7, income: 0, logistics: 0, split: { visualsBasisPoints }, coverDeficitFrom: 'funds:general', ...rest });
}

describe('closeEvent', () => {
  it('surplus 50/50: 1001 cents → 501 to visuals, 500 to book editing', () => {
    expect(close({ income: 3001, logistics: 2000 })).toEqual({
      kind: 'surplus',
      surplus: 1001,
      toVisuals: 501,
      toBookEditing: 500,
      deficit: 0,
      lines: [
        { account: 'income:tickets', amount: 3001, eventId: 7 },
        { account: 'expenses:event_logistics', amount: -2000, eventId: 7 },
        { account: 'funds:visuals', amount: -501, eventId: 7 },
        { account: 'funds:book_editing', amount: -500, eventId: 7 },
      ],
    });
  });

  it.each([
    { name: '70/30 of 10 000', income: 10000, logistics: 0, bp: 7000, visuals: 7000, editing: 3000 },
    { name: '70/30 of 1001', income: 1501, logistics: 500, bp: 7000, visuals: 701, editing: 300 },
    { name: '30/70 of 5: the half cent goes to the larger part', income: 5, logistics: 0, bp: 3000, visuals: 1, editing: 4 },
    { name: '50/50 of 1 cent: visuals', income: 101, logistics: 100, bp: 5000, visuals: 1, editing: 0 },
    { name: 'all to visuals', income: 900, logistics: 100, bp: 10000, visuals: 800, editing: 0 },
    { name: 'all to book editing', income: 900, logistics: 100, bp: 0, visuals: 0, editing: 800 },
    { name: '33.33 % of 100', income: 100, logistics: 0, bp: 3333, visuals: 33, editing: 67 },
  ])('surplus $name', ({ income, logistics, bp, visuals, editing }) => {
    const closing = close({ income, logistics, visualsBasisPoints: bp });
    expect(closing).toMatchObject({ kind: 'surplus', surplus: income - logistics, toVisuals: visuals, toBookEditing: editing, deficit: 0 });
    expect(balancesOf(closing.lines).get('funds:visuals') ?? 0).toBe(0 - visuals);
    expect(balancesOf(closing.lines).get('funds:book_editing') ?? 0).toBe(0 - editing);
  });

  it('omits zero lines: income only, all to visuals', () => {
    expect(close({ income: 800, visualsBasisPoints: 10000 }).lines).toEqual([
      { account: 'income:tickets', amount: 800, eventId: 7 },
      { account: 'funds:visuals', amount: -800, eventId: 7 },
    ]);
  });

  it('deficit covered by funds:general', () => {
    expect(close({ income: 1000, logistics: 1500 })).toEqual({
      kind: 'deficit',
      surplus: 0,
      toVisuals: 0,
      toBookEditing: 0,
      deficit: 500,
      lines: [
        { account: 'income:tickets', amount: 1000, eventId: 7 },
        { account: 'expenses:event_logistics', amount: -1500, eventId: 7 },
        { account: 'funds:general', amount: 500, eventId: 7 },
      ],
    });
  });

  it('deficit of a free event, covered by the event’s own fund', () => {
    expect(close({ logistics: 800, coverDeficitFrom: 'funds:event:7' }).lines).toEqual([
      { account: 'expenses:event_logistics', amount: -800, eventId: 7 },
      { account: 'funds:event:7', amount: 800, eventId: 7 },
    ]);
  });

  it('even: income equals logistics, nothing reaches the funds', () => {
    expect(close({ income: 1200, logistics: 1200 })).toEqual({
      kind: 'even',
      surplus: 0,
      toVisuals: 0,
      toBookEditing: 0,
      deficit: 0,
      lines: [
        { account: 'income:tickets', amount: 1200, eventId: 7 },
        { account: 'expenses:event_logistics', amount: -1200, eventId: 7 },
      ],
    });
  });

  it('even with nothing at all: no lines to post', () => {
    expect(close()).toEqual({ kind: 'even', surplus: 0, toVisuals: 0, toBookEditing: 0, deficit: 0, lines: [] });
  });

  it.each([
    { name: 'negative income', input: { income: -1 }, error: InvalidAmountError },
    { name: 'fractional income', input: { income: 10.5 }, error: InvalidAmountError },
    { name: 'NaN income', input: { income: Number.NaN }, error: InvalidAmountError },
    { name: 'negative logistics', input: { logistics: -100 }, error: InvalidAmountError },
    { name: 'infinite logistics', input: { logistics: Number.POSITIVE_INFINITY }, error: InvalidAmountError },
    { name: 'split above 100 %', input: { visualsBasisPoints: 10001 }, error: InvalidSplitError },
    { name: 'negative split', input: { visualsBasisPoints: -1 }, error: InvalidSplitError },
    { name: 'fractional basis points', input: { visualsBasisPoints: 50.5 }, error: InvalidSplitError },
    { name: 'unknown covering fund', input: { coverDeficitFrom: 'funds:rainy_day' }, error: UnknownAccountError },
    { name: 'covering account not a fund', input: { coverDeficitFrom: 'assets:bank' }, error: ValidationError },
    { name: 'bad event id', input: { eventId: 0 }, error: ValidationError },
  ])('refuses $name', ({ input, error }) => {
    expect(() => close({ income: 100, ...input })).toThrow(error);
  });
});

function sale(overrides: Partial<BookSaleInput> = {}) {
  return bookSale({
    quantity: 3,
    unitPrice: 2000,
    manufacturingCostPerCopy: 500,
    fees: 180,
    contributors: [
      { contributorId: 1, weight: 3 },
      { contributorId: 2, weight: 2 },
      { contributorId: 3, weight: 1 },
    ],
    ...overrides,
  });
}

describe('bookSale', () => {
  it('books gross, manufacturing, fees, and shares the net as royalties owed', () => {
    expect(sale()).toEqual({
      gross: 6000,
      manufacturing: 1500,
      fees: 180,
      net: 4320,
      shares: [
        { contributorId: 1, amount: 2160 },
        { contributorId: 2, amount: 1440 },
        { contributorId: 3, amount: 720 },
      ],
      lines: [
        { account: 'assets:payment_provider', amount: 6000 },
        { account: 'income:book_sales', amount: -6000 },
        { account: 'expenses:book_manufacturing', amount: 1500 },
        { account: 'assets:bank', amount: -1500 },
        { account: 'expenses:payment_fees', amount: 180 },
        { account: 'assets:payment_provider', amount: -180 },
        { account: 'expenses:royalties', amount: 4320 },
        { account: 'liabilities:royalties:1', amount: -2160 },
        { account: 'liabilities:royalties:2', amount: -1440 },
        { account: 'liabilities:royalties:3', amount: -720 },
      ],
    });
  });

  it('keeps income intact: income:book_sales holds the gross', () => {
    expect(balancesOf(sale().lines).get('income:book_sales')).toBe(-6000);
  });

  it('weights by chapters: 3, 2, 1 of 1000 cents → 500, 333, 167', () => {
    const result = sale({
      quantity: 1,
      unitPrice: 1500,
      manufacturingCostPerCopy: 400,
      fees: 100,
      contributors: [
        { contributorId: 10, weight: 3 },
        { contributorId: 2, weight: 2 },
        { contributorId: 7, weight: 1 },
      ],
    });
    expect(result.net).toBe(1000);
    expect(result.shares).toEqual([
      { contributorId: 10, amount: 500 },
      { contributorId: 2, amount: 333 },
      { contributorId: 7, amount: 167 },
    ]);
  });

  it('1 contributor gets the whole net', () => {
    const result = sale({ contributors: [{ contributorId: 42, weight: 0.5 }] });
    expect(result.shares).toEqual([{ contributorId: 42, amount: 4320 }]);
    expect(result.lines.slice(-2)).toEqual([
      { account: 'expenses:royalties', amount: 4320 },
      { account: 'liabilities:royalties:42', amount: -4320 },
    ]);
  });

  it('3 contributors and 1 cent: the smallest id wins, in numeric order (4 before 12 and 30)', () => {
    const result = sale({
      quantity: 1,
      unitPrice: 281,
      manufacturingCostPerCopy: 200,
      fees: 80,
      contributors: [
        { contributorId: 30, weight: 1 },
        { contributorId: 4, weight: 1 },
        { contributorId: 12, weight: 1 },
      ],
    });
    expect(result.net).toBe(1);
    expect(result.shares).toEqual([
      { contributorId: 30, amount: 0 },
      { contributorId: 4, amount: 1 },
      { contributorId: 12, amount: 0 },
    ]);
    expect(result.lines.slice(-2)).toEqual([
      { account: 'expenses:royalties', amount: 1 },
      { account: 'liabilities:royalties:4', amount: -1 },
    ]);
  });

  it('a sale at a loss shares nothing and books no royalties', () => {
    const result = sale({ quantity: 1, unitPrice: 1000, manufacturingCostPerCopy: 800, fees: 300 });
    expect(result).toMatchObject({ gross: 1000, manufacturing: 800, fees: 300, net: -100 });
    expect(result.shares.map((s) => s.amount)).toEqual([0, 0, 0]);
    expect(result.lines.map((l) => l.account)).toEqual([
      'assets:payment_provider',
      'income:book_sales',
      'expenses:book_manufacturing',
      'assets:bank',
      'expenses:payment_fees',
      'assets:payment_provider',
    ]);
  });

  it('a net of exactly 0 books no royalties', () => {
    const result = sale({ quantity: 1, unitPrice: 1000, manufacturingCostPerCopy: 900, fees: 100 });
    expect(result.net).toBe(0);
    expect(result.lines.some((l) => l.account.includes('royalties'))).toBe(false);
  });

  it('free copies: only manufacturing is booked', () => {
    expect(sale({ quantity: 2, unitPrice: 0, fees: 0 }).lines).toEqual([
      { account: 'expenses:book_manufacturing', amount: 1000 },
      { account: 'assets:bank', amount: -1000 },
    ]);
  });

  it.each([
    { name: 'no contributors', input: { contributors: [] }, error: NoRecipientsError },
    { name: 'no contributors on a loss', input: { contributors: [], fees: 99999 }, error: NoRecipientsError },
    { name: 'zero copies', input: { quantity: 0 }, error: InvalidAmountError },
    { name: 'half a copy', input: { quantity: 1.5 }, error: InvalidAmountError },
    { name: 'negative price', input: { unitPrice: -1 }, error: InvalidAmountError },
    { name: 'NaN price', input: { unitPrice: Number.NaN }, error: InvalidAmountError },
    { name: 'fractional fees', input: { fees: 1.5 }, error: InvalidAmountError },
    { name: 'negative manufacturing', input: { manufacturingCostPerCopy: -5 }, error: InvalidAmountError },
    { name: 'a gross beyond safe integers', input: { quantity: 2 ** 40, unitPrice: 2 ** 20 }, error: InvalidAmountError },
    { name: 'a negative weight', input: { contributors: [{ contributorId: 1, weight: -1 }] }, error: InvalidSplitError },
    { name: 'all weights zero', input: { contributors: [{ contributorId: 1, weight: 0 }] }, error: InvalidSplitError },
    {
      name: 'a contributor listed twice',
      input: { contributors: [{ contributorId: 1, weight: 1 }, { contributorId: 1, weight: 2 }] },
      error: InvalidSplitError,
    },
    { name: 'a bad contributor id', input: { contributors: [{ contributorId: 0, weight: 1 }] }, error: ValidationError },
  ])('refuses $name', ({ input, error }) => {
    expect(() => sale(input)).toThrow(error);
  });
});

describe('royaltyPayout', () => {
  it('pays part of what is owed from the bank', () => {
    expect(royaltyPayout({ contributorId: 5, amount: 500, owed: 1200 })).toEqual([
      { account: 'liabilities:royalties:5', amount: 500 },
      { account: 'assets:bank', amount: -500 },
    ]);
  });

  it('may pay everything owed', () => {
    expect(royaltyPayout({ contributorId: 5, amount: 1200, owed: 1200 })[0]?.amount).toBe(1200);
  });

  it.each([
    { name: 'more than owed', input: { amount: 1201, owed: 1200 }, error: RoyaltyOverpaymentError },
    { name: 'anything when nothing is owed', input: { amount: 1, owed: 0 }, error: RoyaltyOverpaymentError },
    { name: 'zero', input: { amount: 0, owed: 1200 }, error: InvalidAmountError },
    { name: 'a negative amount', input: { amount: -5, owed: 1200 }, error: InvalidAmountError },
    { name: 'a fraction of a cent', input: { amount: 1.5, owed: 1200 }, error: InvalidAmountError },
    { name: 'NaN', input: { amount: Number.NaN, owed: 1200 }, error: InvalidAmountError },
    { name: 'a NaN debt', input: { amount: 5, owed: Number.NaN }, error: InvalidAmountError },
    { name: 'a bad contributor id', input: { contributorId: -2, amount: 5, owed: 10 }, error: ValidationError },
  ])('refuses $name', ({ input, error }) => {
    expect(() => royaltyPayout({ contributorId: 5, ...input })).toThrow(error);
  });
});

describe('allocation properties', () => {
  const amount = fc.oneof(fc.nat({ max: 1_000_000 }), fc.maxSafeNat());

  it('closeEvent always balances, zeroes the event, and splits the whole surplus', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 10_000 }), (income, logistics, bp) => {
        const closing = close({ income, logistics, visualsBasisPoints: bp });
        if (closing.lines.length > 0) validateLines(closing.lines);
        expect(closing.toVisuals + closing.toBookEditing).toBe(closing.surplus);
        expect(closing.surplus - closing.deficit).toBe(income - logistics);
        expect(closing.lines.every((l) => l.eventId === 7 && l.amount !== 0)).toBe(true);
        const balances = balancesOf(closing.lines);
        expect(balances.get('income:tickets') ?? 0).toBe(income);
        expect(balances.get('expenses:event_logistics') ?? 0).toBe(0 - logistics);
        // Visuals within one cent of surplus × bp / 10 000, exactly.
        const diff = BigInt(closing.toVisuals) * 10_000n - BigInt(closing.surplus) * BigInt(bp);
        expect(diff > -10_000n && diff < 10_000n).toBe(true);
      }),
    );
  });

  it('bookSale always balances and shares exactly the positive net', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.nat({ max: 100_000 }),
        fc.nat({ max: 50_000 }),
        fc.nat({ max: 100_000 }),
        fc.uniqueArray(fc.record({ contributorId: fc.integer({ min: 1, max: 50 }), weight: fc.integer({ min: 1, max: 20 }) }), {
          selector: (c) => c.contributorId,
          minLength: 1,
          maxLength: 6,
        }),
        (quantity, unitPrice, manufacturingCostPerCopy, fees, contributors) => {
          const result = bookSale({ quantity, unitPrice, manufacturingCostPerCopy, fees, contributors });
          if (result.lines.length > 0) validateLines(result.lines);
          expect(result.net).toBe(quantity * unitPrice - quantity * manufacturingCostPerCopy - fees);
          expect(result.shares.reduce((sum, s) => sum + s.amount, 0)).toBe(Math.max(result.net, 0));
          expect(balancesOf(result.lines).get('income:book_sales') ?? 0).toBe(0 - result.gross);
        },
      ),
    );
  });
});
