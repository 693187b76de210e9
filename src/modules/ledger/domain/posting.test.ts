import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ValidationError } from '../../../shared/errors.ts';
import type { AccountCode } from './accounts.ts';
import { EmptyTransactionError, InvalidAmountError, UnbalancedTransactionError, UnknownAccountError } from './errors.ts';
import {
  balancesOf,
  credit,
  debit,
  isIsoDate,
  reversalOf,
  validateLines,
  validateTransaction,
  type PostingLine,
  type RecordedTransaction,
  type TransactionDraft,
} from './posting.ts';

const MAX = Number.MAX_SAFE_INTEGER;

function draft(overrides: Partial<TransactionDraft> = {}): TransactionDraft {
  return {
    date: '2026-04-15T10:00:00.000Z',
    description: 'Billets, soirée du 14 avril',
    causeType: 'ticket_order',
    causeId: 31,
    idempotencyKey: 'ticket_order:31',
    lines: [
      { account: 'assets:payment_provider', amount: 2500 },
      { account: 'income:tickets', amount: -2500, eventId: 4 },
    ],
    ...overrides,
  };
}

function fieldsOf(run: () => void): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fields;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('debit / credit', () => {
  it('debit is positive, credit negative, event kept only when given', () => {
    expect(debit('assets:bank', 300)).toEqual({ account: 'assets:bank', amount: 300 });
    expect(credit('funds:visuals', 300, 9)).toEqual({ account: 'funds:visuals', amount: -300, eventId: 9 });
    expect(debit('assets:bank', 300, null)).toEqual({ account: 'assets:bank', amount: 300 });
  });

  it('a zero credit is +0, not -0', () => {
    expect(Object.is(credit('assets:bank', 0).amount, 0)).toBe(true);
  });
});

describe('validateTransaction', () => {
  it('accepts a balanced transaction', () => {
    expect(() => validateTransaction(draft())).not.toThrow();
  });

  it('accepts many lines that balance', () => {
    const lines: PostingLine[] = [
      { account: 'assets:payment_provider', amount: 6000 },
      { account: 'income:book_sales', amount: -6000 },
      { account: 'expenses:payment_fees', amount: 180 },
      { account: 'assets:payment_provider', amount: -180 },
    ];
    expect(() => validateTransaction(draft({ lines }))).not.toThrow();
  });

  it.each([
    { name: 'no lines', lines: [] },
    { name: 'one line', lines: [{ account: 'assets:bank', amount: 0 }] satisfies PostingLine[] },
  ])('refuses $name (EmptyTransactionError)', ({ lines }) => {
    expect(() => validateTransaction(draft({ lines }))).toThrow(EmptyTransactionError);
  });

  it('refuses an unbalanced transaction and says by how much', () => {
    const lines = [debit('assets:bank', 100), credit('income:donations', 99)];
    expect(() => validateTransaction(draft({ lines }))).toThrow(UnbalancedTransactionError);
    try {
      validateLines(lines);
    } catch (error) {
      expect((error as UnbalancedTransactionError).imbalance).toBe(1n);
    }
  });

  it('adds exactly: large amounts that float arithmetic would call balanced are refused', () => {
    // In doubles MAX + 2 rounds to MAX + 1, so this would sum to 0; exactly it sums to 1.
    const lines = [debit('assets:bank', MAX), debit('assets:bank', 2), credit('funds:general', MAX), credit('funds:general', 1)];
    expect(MAX + 2 - MAX - 1).toBe(0);
    expect(() => validateLines(lines)).toThrow(UnbalancedTransactionError);
  });

  it('accepts large amounts that balance exactly', () => {
    const lines = [debit('assets:bank', MAX), debit('assets:bank', MAX), credit('funds:general', MAX), credit('funds:general', MAX)];
    expect(() => validateLines(lines)).not.toThrow();
  });

  it.each([
    { name: 'zero', amount: 0 },
    { name: 'a fraction of a cent', amount: 12.5 },
    { name: 'NaN', amount: Number.NaN },
    { name: 'Infinity', amount: Number.POSITIVE_INFINITY },
    { name: 'beyond 2^53', amount: 2 ** 53 },
    { name: 'a string', amount: '100' as unknown as number },
  ])('refuses an amount that is $name (InvalidAmountError)', ({ amount }) => {
    const lines: PostingLine[] = [{ account: 'assets:bank', amount }, { account: 'funds:general', amount: -100 }];
    expect(() => validateTransaction(draft({ lines }))).toThrow(InvalidAmountError);
  });

  it('names the faulty line', () => {
    const lines: PostingLine[] = [debit('assets:bank', 100), { account: 'funds:general', amount: -99.5 }];
    expect(() => validateLines(lines)).toThrow(expect.objectContaining({ field: 'lines.1.amount', value: -99.5 }));
  });

  it.each(['assets:cash', 'funds:event:0', 'liabilities:royalties', ''])('refuses unknown account "%s"', (account) => {
    // Past the type checker (a stored code, a caller in plain JavaScript): the rule still holds.
    const lines = [debit('assets:bank', 100), credit(account as AccountCode, 100)];
    expect(() => validateTransaction(draft({ lines }))).toThrow(UnknownAccountError);
  });

  it.each([0, -3, 1.5])('refuses event id %s on a line', (eventId) => {
    const lines: PostingLine[] = [debit('assets:bank', 100), { account: 'funds:general', amount: -100, eventId }];
    expect(fieldsOf(() => validateTransaction(draft({ lines })))).toEqual({ 'lines.1.eventId': 'errors.invalid' });
  });

  it.each([
    { field: 'description', value: { description: '   ' }, key: 'errors.required' },
    { field: 'causeType', value: { causeType: '' }, key: 'errors.required' },
    { field: 'idempotencyKey', value: { idempotencyKey: '' }, key: 'errors.required' },
    { field: 'idempotencyKey', value: { idempotencyKey: 'k'.repeat(201) }, key: 'errors.tooLong' },
    { field: 'date', value: { date: '2026-02-30' }, key: 'errors.date' },
    { field: 'date', value: { date: '2026-04-15T10:00:00' }, key: 'errors.date' },
    { field: 'date', value: { date: '15/04/2026' }, key: 'errors.date' },
    { field: 'date', value: { date: '' }, key: 'errors.date' },
    { field: 'reversesId', value: { reversesId: 0 }, key: 'errors.invalid' },
  ])('refuses a bad $field ($key)', ({ field, value, key }) => {
    expect(fieldsOf(() => validateTransaction(draft(value)))).toEqual({ [field]: key });
  });

  it('reports every bad field at once', () => {
    expect(fieldsOf(() => validateTransaction(draft({ description: '', idempotencyKey: '', date: 'soon' })))).toEqual({
      description: 'errors.required',
      idempotencyKey: 'errors.required',
      date: 'errors.date',
    });
  });

  it('checks the lines before the fields', () => {
    expect(() => validateTransaction(draft({ description: '', lines: [] }))).toThrow(EmptyTransactionError);
  });

  it('accepts a 200-character key, a date alone, an offset, and a reversal id', () => {
    expect(() => validateTransaction(draft({ idempotencyKey: 'k'.repeat(200) }))).not.toThrow();
    expect(() => validateTransaction(draft({ date: '2024-02-29', reversesId: 12 }))).not.toThrow();
    expect(() => validateTransaction(draft({ date: '2026-04-15T12:00:00+02:00', causeId: null }))).not.toThrow();
  });
});

describe('isIsoDate', () => {
  it.each([
    { value: '2026-04-15', ok: true },
    { value: '2024-02-29', ok: true },
    { value: '2025-02-29', ok: false },
    { value: '2026-04-31', ok: false },
    { value: '2026-13-01', ok: false },
    { value: '2026-04-15T10:00Z', ok: true },
    { value: '2026-04-15T10:00:00.123Z', ok: true },
    { value: '2026-04-15T10:00:00-05:00', ok: true },
    { value: '2026-04-15T10:00:00', ok: false },
    { value: '2026-04-15T25:00:00Z', ok: false },
    { value: '2026-4-15', ok: false },
  ])('$value → $ok', ({ value, ok }) => {
    expect(isIsoDate(value)).toBe(ok);
  });
});

describe('reversalOf', () => {
  const original: RecordedTransaction = {
    id: 17,
    ...draft({
      lines: [
        { account: 'assets:payment_provider', amount: 2500 },
        { account: 'income:tickets', amount: -2300, eventId: 4 },
        { account: 'funds:event:4', amount: -200, eventId: 4 },
      ],
    }),
  };
  const correction = { date: '2026-04-20T09:00:00.000Z', description: 'Remboursement', idempotencyKey: 'refund:31' };

  it('negates every line, keeps the accounts, events and cause, and links to the original', () => {
    expect(reversalOf(original, correction)).toEqual({
      date: '2026-04-20T09:00:00.000Z',
      description: 'Remboursement',
      causeType: 'ticket_order',
      causeId: 31,
      idempotencyKey: 'refund:31',
      lines: [
        { account: 'assets:payment_provider', amount: -2500 },
        { account: 'income:tickets', amount: 2300, eventId: 4 },
        { account: 'funds:event:4', amount: 200, eventId: 4 },
      ],
      reversesId: 17,
    });
  });

  it('leaves the original untouched and cancels it exactly', () => {
    const before = structuredClone(original);
    const reversal = reversalOf(original, correction);
    expect(original).toEqual(before);
    expect([...balancesOf([...original.lines, ...reversal.lines]).values()]).toEqual([0, 0, 0]);
  });

  it('reversing the reversal gives the original lines back', () => {
    const reversal: RecordedTransaction = { id: 18, ...reversalOf(original, correction) };
    const again = reversalOf(reversal, { ...correction, idempotencyKey: 'refund:31:undo' });
    expect(again.lines).toEqual(original.lines);
    expect(again.reversesId).toBe(18);
  });

  it('may be dated the same instant but not before the original', () => {
    expect(() => reversalOf(original, { ...correction, date: original.date })).not.toThrow();
    expect(fieldsOf(() => reversalOf(original, { ...correction, date: '2026-04-15T09:59:59.999Z' }))).toEqual({ date: 'errors.date' });
  });

  it('holds the correction to the transaction rules', () => {
    expect(fieldsOf(() => reversalOf(original, { ...correction, idempotencyKey: '' }))).toEqual({ idempotencyKey: 'errors.required' });
  });
});

describe('balancesOf', () => {
  it('sums per account in order of first appearance, keeping accounts that net to zero', () => {
    const balances = balancesOf([
      debit('assets:bank', 1000),
      credit('funds:general', 1000),
      debit('expenses:visuals', 400),
      credit('assets:bank', 400),
      debit('funds:general', 1000),
      credit('income:donations', 1000),
    ]);
    expect([...balances]).toEqual([
      ['assets:bank', 600],
      ['funds:general', 0],
      ['expenses:visuals', 400],
      ['income:donations', -1000],
    ]);
  });

  it('is empty for no lines', () => {
    expect(balancesOf([]).size).toBe(0);
  });

  it('refuses a balance beyond safe integers rather than round it', () => {
    expect(() => balancesOf([debit('assets:bank', MAX), debit('assets:bank', 1)])).toThrow(InvalidAmountError);
  });
});

const ACCOUNTS: AccountCode[] = ['assets:bank', 'assets:payment_provider', 'income:tickets', 'funds:general', 'funds:event:3', 'liabilities:royalties:8'];

/** Any balanced set of lines: random non-zero amounts plus the one line that balances them. */
const balancedLines = fc
  .array(
    fc.record({
      account: fc.constantFrom(...ACCOUNTS),
      amount: fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((n) => n !== 0),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .filter((lines) => lines.reduce((sum, line) => sum + line.amount, 0) !== 0)
  .chain((lines) =>
    fc.constantFrom(...ACCOUNTS).map((account) => [...lines, { account, amount: -lines.reduce((sum, line) => sum + line.amount, 0) }]),
  );

describe('posting properties', () => {
  it('any balanced set of lines validates, and its reversal cancels it', () => {
    fc.assert(
      fc.property(balancedLines, (lines) => {
        const original: RecordedTransaction = { id: 1, ...draft({ lines }) };
        validateTransaction(original);
        const reversal = reversalOf(original, { date: '2026-05-01', description: 'Correction', idempotencyKey: 'fix:1' });
        for (const balance of balancesOf([...lines, ...reversal.lines]).values()) expect(balance).toBe(0);
      }),
    );
  });

  it('changing one amount by any non-zero delta unbalances it', () => {
    fc.assert(
      fc.property(balancedLines, fc.nat(), fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0), (lines, at, delta) => {
        const i = at % lines.length;
        const changed = lines.map((line, j) => (j === i ? { ...line, amount: line.amount + delta } : line));
        fc.pre(changed.every((line) => line.amount !== 0));
        expect(() => validateLines(changed)).toThrow(UnbalancedTransactionError);
      }),
    );
  });
});
