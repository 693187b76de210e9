/**
 * Properties of the exports over random balanced ledgers: the FEC always balances and validates,
 * the CSV always has one record per line plus the header, whatever the texts contain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, transactionsToCsv } from './csv.ts';
import { transactionsToFec, validateFec } from './fec.ts';
import { transactionsToJson } from './json.ts';
import { PCG_FIXED } from './pcg-mapping.ts';
import { parseCsv } from '../../../../tests/support/csv-reader.ts';
import { ctx } from '../../../../tests/support/ledger-export-fixtures.ts';
import type { ExportLine, ExportTransaction } from './types.ts';

const account = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(PCG_FIXED)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((id) => `funds:event:${id}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((id) => `liabilities:royalties:${id}`) },
);

/** Texts full of what breaks files: separators, quotes, line breaks, formula starts, accents. */
const nastyText = fc.string({
  unit: fc.constantFrom('a', 'Z', '7', ' ', 'é', '«', '€', ',', ';', '|', '"', "'", '\t', '\r', '\n', '=', '+', '-', '@', '\u2028'),
  maxLength: 24,
});

const line = fc.record({
  account,
  amount: fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).filter((n) => n !== 0),
  eventId: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
});

/** Between 1 January 00:00 and 31 December 23:59:59 in Paris (UTC+1 in winter). */
const occurredAt = fc
  .integer({ min: Date.UTC(2024, 11, 31, 23, 0, 0), max: Date.UTC(2025, 11, 31, 22, 59, 59) })
  .map((ms) => new Date(ms).toISOString());

const transactionDraft = fc.record({
  occurredAt,
  description: nastyText,
  causeType: fc.constantFrom('order', 'ticket_income', 'book_sale', 'expense_payment', 'royalty_payout', 'event_closure', 'reversal', 'donation', 'other'),
  causeId: fc.option(nastyText, { nil: null }),
  reversesId: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
  lines: fc.array(line, { minLength: 1, maxLength: 8 }),
  balancing: account,
});

/** Transactions whose lines sum to 0: the last line balances the others. */
const ledger = fc.array(transactionDraft, { maxLength: 25 }).map((drafts) =>
  drafts.map(({ lines, balancing, ...rest }, i): ExportTransaction => {
    const sum = lines.reduce((n, l) => n + l.amount, 0);
    const balanced: ExportLine[] = sum === 0 ? lines : [...lines, { account: balancing, amount: 0 - sum, eventId: null }];
    return { id: i + 1, ...rest, lines: balanced };
  }),
);

describe('export properties', () => {
  it('the FEC of any balanced ledger validates, total debit = total credit', () => {
    fc.assert(
      fc.property(ledger, (transactions) => {
        const { content } = transactionsToFec(transactions, ctx, { siren: '123456789', closingDate: '2025-12-31' });
        const result = validateFec(content);
        expect(result.errors).toEqual([]);
        expect(result.totalDebitCents).toBe(result.totalCreditCents);
      }),
    );
  });

  it('the CSV has one record per line plus the header, 13 fields each, texts intact', () => {
    fc.assert(
      fc.property(ledger, (transactions) => {
        const rows = parseCsv(transactionsToCsv(transactions, ctx));
        const lineCount = transactions.reduce((n, tx) => n + tx.lines.length, 0);
        expect(rows).toHaveLength(lineCount + 1);
        for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
        const descriptions = new Set(transactions.map((tx) => tx.description));
        for (const row of rows.slice(1)) {
          const cell = row[2] ?? '';
          // Either as written, or behind the apostrophe that neutralises a formula.
          expect(descriptions.has(cell) || (cell.startsWith("'") && descriptions.has(cell.slice(1)))).toBe(true);
        }
      }),
    );
  });

  it('the JSON keeps every line and each transaction balanced', () => {
    fc.assert(
      fc.property(ledger, (transactions) => {
        const json = transactionsToJson(transactions, ctx, { from: '2025-01-01', to: '2025-12-31' });
        expect(json.transactions).toHaveLength(transactions.length);
        for (const tx of json.transactions) {
          expect(tx.lines.reduce((n, l) => n + l.debitCents - l.creditCents, 0)).toBe(0);
        }
      }),
    );
  });
});
