import { describe, expect, it } from 'vitest';
import { transactionsToJson } from './json.ts';
import { bookSale, ctx, eventClosure, reversal, ticketIncome, year2025 } from '../../../../tests/support/ledger-export-fixtures.ts';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

describe('transactionsToJson', () => {
  it('has the documented shape, cents as integers, chronological', () => {
    expect(transactionsToJson([reversal, eventClosure, ticketIncome], ctx, YEAR)).toEqual({
      version: 1,
      currency: 'EUR',
      period: { from: '2025-01-01', to: '2025-12-31' },
      transactions: [
        {
          id: 101,
          date: '2025-03-14',
          occurredAt: '2025-03-14T19:30:00Z',
          description: 'Billets – soirée Données ouvertes',
          cause: { type: 'ticket_income', id: 'order-5001' },
          reverses: null,
          lines: [
            { account: 'assets:payment_provider', accountLabel: 'Prestataire de paiement', eventId: 7, eventTitle: 'Soirée « Données ouvertes », Lyon', debitCents: 45000, creditCents: 0 },
            { account: 'income:tickets', accountLabel: 'Billetterie', eventId: 7, eventTitle: 'Soirée « Données ouvertes », Lyon', debitCents: 0, creditCents: 45000 },
          ],
        },
        {
          id: 103,
          date: '2025-04-01',
          occurredAt: '2025-03-31T22:30:00Z',
          description: 'Clôture de la soirée : excédent 60 % visuels, 40 % édition',
          cause: { type: 'event_closure', id: '7' },
          reverses: null,
          lines: [
            { account: 'income:tickets', accountLabel: 'Billetterie', eventId: 7, eventTitle: 'Soirée « Données ouvertes », Lyon', debitCents: 45000, creditCents: 0 },
            { account: 'expenses:event_logistics', accountLabel: 'Logistique des soirées', eventId: 7, eventTitle: 'Soirée « Données ouvertes », Lyon', debitCents: 0, creditCents: 30000 },
            { account: 'funds:visuals', accountLabel: 'Fonds visuels', eventId: 7, eventTitle: 'Soirée « Données ouvertes », Lyon', debitCents: 0, creditCents: 9000 },
            { account: 'funds:book_editing', accountLabel: 'Fonds édition', eventId: 7, eventTitle: 'Soirée « Données ouvertes », Lyon', debitCents: 0, creditCents: 6000 },
          ],
        },
        {
          id: 107,
          date: '2025-07-02',
          occurredAt: '2025-07-02T12:00:00Z',
          description: 'Annulation : virement rejeté par la banque',
          cause: { type: 'reversal', id: 'payout-3' },
          reverses: 105,
          lines: [
            { account: 'liabilities:royalties:3', accountLabel: 'Droits dus au contributeur n° 3', eventId: null, eventTitle: null, debitCents: 0, creditCents: 2473 },
            { account: 'assets:bank', accountLabel: 'Banque', eventId: null, eventTitle: null, debitCents: 2473, creditCents: 0 },
          ],
        },
      ],
    });
  });

  it('is deterministic: the same ledger in any order gives the same bytes', () => {
    const a = JSON.stringify(transactionsToJson(year2025, ctx, YEAR));
    const b = JSON.stringify(transactionsToJson([...year2025].reverse(), ctx, YEAR));
    expect(a).toBe(b);
    expect(a).not.toMatch(/generated/i);
  });

  it('keeps every line, debits equal to credits in each transaction', () => {
    const json = transactionsToJson(year2025, ctx, YEAR);
    expect(json.transactions.map((t) => t.id)).toEqual([101, 102, 103, 104, 105, 106, 107, 108]);
    for (const tx of json.transactions) {
      const debit = tx.lines.reduce((n, l) => n + l.debitCents, 0);
      const credit = tx.lines.reduce((n, l) => n + l.creditCents, 0);
      expect(debit).toBe(credit);
      for (const line of tx.lines) {
        expect(Number.isSafeInteger(line.debitCents) && Number.isSafeInteger(line.creditCents)).toBe(true);
        expect(line.debitCents === 0 || line.creditCents === 0).toBe(true);
      }
    }
    const sale = json.transactions.find((t) => t.id === bookSale.id);
    expect(sale?.lines.map((l) => [l.account, l.debitCents - l.creditCents])).toEqual(bookSale.lines.map((l) => [l.account, l.amount]));
  });

  it('gives an unknown event a null title', () => {
    const json = transactionsToJson([{ ...ticketIncome, lines: [{ account: 'funds:event:99', amount: -1, eventId: 99 }, { account: 'assets:bank', amount: 1, eventId: null }] }], ctx, YEAR);
    expect(json.transactions[0]?.lines[0]).toEqual({
      account: 'funds:event:99', accountLabel: 'Fonds de l’événement n° 99', eventId: 99, eventTitle: null, debitCents: 0, creditCents: 1,
    });
  });

  it.each([
    [{ from: '2025-12-31', to: '2025-01-01' }],
    [{ from: '2025-02-30', to: '2025-12-31' }],
    [{ from: '2025-01-01', to: '31/12/2025' }],
  ])('refuses the period %j', (period) => {
    expect(() => transactionsToJson([], ctx, period)).toThrow(RangeError);
  });
});
