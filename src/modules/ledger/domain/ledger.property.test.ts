/**
 * The ledger as a whole: any sequence of the programme's operations, each built by the domain
 * rules and posted as one transaction, keeps every transaction balanced and the books at zero.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eventFundAccount } from './accounts.ts';
import { bookSale, closeEvent, royaltyPayout } from './allocation.ts';
import { InvalidAmountError } from './errors.ts';
import { balancesOf, credit, debit, reversalOf, validateTransaction, type PostingLine, type RecordedTransaction } from './posting.ts';

const EVENTS = [1, 2, 3];
const CONTRIBUTORS = [1, 2, 3, 4];

const operation = fc.oneof(
  fc.record({
    op: fc.constant('ticketSale' as const),
    eventId: fc.constantFrom(...EVENTS),
    gross: fc.integer({ min: 1, max: 100_000 }),
    feePercent: fc.nat({ max: 10 }),
  }),
  fc.record({
    op: fc.constant('eventExpense' as const),
    eventId: fc.constantFrom(...EVENTS),
    amount: fc.integer({ min: 1, max: 100_000 }),
  }),
  fc.record({
    op: fc.constant('donation' as const),
    eventId: fc.option(fc.constantFrom(...EVENTS)),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.record({
    op: fc.constant('closeEvent' as const),
    eventId: fc.constantFrom(...EVENTS),
    bp: fc.integer({ min: 0, max: 10_000 }),
    cover: fc.constantFrom('funds:general', 'funds:visuals'),
  }),
  fc.record({
    op: fc.constant('bookSale' as const),
    quantity: fc.integer({ min: 1, max: 20 }),
    unitPrice: fc.nat({ max: 3000 }),
    manufacturing: fc.nat({ max: 1500 }),
    fees: fc.nat({ max: 500 }),
    contributors: fc.uniqueArray(fc.record({ contributorId: fc.constantFrom(...CONTRIBUTORS), weight: fc.integer({ min: 1, max: 12 }) }), {
      selector: (c) => c.contributorId,
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({
    op: fc.constant('payout' as const),
    contributorId: fc.constantFrom(...CONTRIBUTORS),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ op: fc.constant('reversal' as const), pick: fc.nat() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** What the event still holds on an account (sum of its lines there). */
function eventBalance(lines: PostingLine[], account: string, eventId: number): number {
  return lines.filter((l) => l.account === account && l.eventId === eventId).reduce((sum, l) => sum + l.amount, 0);
}

/** The lines an operation posts given the books so far, or null when it does not apply. */
function linesFor(
  op: Operation,
  books: RecordedTransaction[],
  all: PostingLine[],
): { lines: PostingLine[]; reversesId?: number } | null {
  switch (op.op) {
    case 'ticketSale': {
      const fee = Math.floor((op.gross * op.feePercent) / 100);
      const lines = [debit('assets:payment_provider', op.gross), credit('income:tickets', op.gross, op.eventId)];
      if (fee > 0) lines.push(debit('expenses:payment_fees', fee), credit('assets:payment_provider', fee));
      return { lines };
    }
    case 'eventExpense':
      return { lines: [debit('expenses:event_logistics', op.amount, op.eventId), credit('assets:bank', op.amount)] };
    case 'donation':
      return {
        lines: [
          debit('assets:bank', op.amount),
          credit(op.eventId === null ? 'income:donations' : eventFundAccount(op.eventId), op.amount),
        ],
      };
    case 'closeEvent': {
      const income = -eventBalance(all, 'income:tickets', op.eventId);
      const logistics = eventBalance(all, 'expenses:event_logistics', op.eventId);
      const input = { eventId: op.eventId, income, logistics, split: { visualsBasisPoints: op.bp }, coverDeficitFrom: op.cover };
      if (income < 0 || logistics < 0) {
        // Only after a reversal of a sale or expense already closed: the rule must refuse.
        expect(() => closeEvent(input)).toThrow(InvalidAmountError);
        return null;
      }
      const closing = closeEvent(input);
      expect(closing.toVisuals + closing.toBookEditing).toBe(closing.surplus);
      expect(eventBalance([...all, ...closing.lines], 'income:tickets', op.eventId)).toBe(0);
      expect(eventBalance([...all, ...closing.lines], 'expenses:event_logistics', op.eventId)).toBe(0);
      return closing.lines.length > 0 ? { lines: closing.lines } : null;
    }
    case 'bookSale': {
      const sale = bookSale({ ...op, manufacturingCostPerCopy: op.manufacturing });
      return sale.lines.length > 0 ? { lines: sale.lines } : null;
    }
    case 'payout': {
      const owed = -(balancesOf(all).get(`liabilities:royalties:${op.contributorId}`) ?? 0);
      if (owed <= 0) return null;
      const amount = Math.max(1, Math.floor(owed * op.fraction));
      return { lines: royaltyPayout({ contributorId: op.contributorId, amount, owed }) };
    }
    case 'reversal': {
      const original = books[op.pick % Math.max(books.length, 1)];
      return original ? { lines: original.lines.map((l) => ({ ...l, amount: -l.amount })), reversesId: original.id } : null;
    }
  }
}

describe('ledger properties', () => {
  it('any sequence of operations posts balanced transactions and keeps the books at zero', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 40, size: 'medium' }), (operations) => {
        const books: RecordedTransaction[] = [];
        const all: PostingLine[] = [];
        operations.forEach((op, i) => {
          const date = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
          const planned = linesFor(op, books, all);
          if (!planned) return;
          const meta = { date, description: op.op, idempotencyKey: `${op.op}:${i}` };
          const original = planned.reversesId === undefined ? undefined : books.find((t) => t.id === planned.reversesId);
          const draft = original
            ? reversalOf(original, meta)
            : { ...meta, causeType: op.op, causeId: i, lines: planned.lines };
          if (original) expect(draft.lines).toEqual(planned.lines);
          validateTransaction(draft);
          books.push({ id: books.length + 1, ...draft });
          all.push(...draft.lines);
        });
        for (const transaction of books) {
          expect(transaction.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(0);
        }
        expect([...balancesOf(all).values()].reduce((sum, b) => sum + b, 0)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
