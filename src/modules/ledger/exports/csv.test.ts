import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, escapeCsvField, neutraliseFormula, transactionsToCsv } from './csv.ts';
import { ctx, eventClosure, expensePayment, reversal, ticketIncome, year2025 } from '../../../../tests/support/ledger-export-fixtures.ts';
import { parseCsv } from '../../../../tests/support/csv-reader.ts';
import type { ExportContext, ExportTransaction } from './types.ts';

const HEADER = 'transaction_id,date,description,cause_type,cause_id,reverses_transaction_id,account,account_label,event_id,event_title,debit,credit,currency';

describe('transactionsToCsv', () => {
  it('writes the exact CSV of a small case: BOM, CRLF, quoting, decimals, sorted by date', () => {
    const csv = transactionsToCsv([expensePayment, ticketIncome], ctx);
    expect(csv).toBe(
      '\uFEFF' +
        `${HEADER}\r\n` +
        '101,2025-03-14,Billets – soirée Données ouvertes,ticket_income,order-5001,,assets:payment_provider,Prestataire de paiement,7,"Soirée « Données ouvertes », Lyon",450.00,,EUR\r\n' +
        '101,2025-03-14,Billets – soirée Données ouvertes,ticket_income,order-5001,,income:tickets,Billetterie,7,"Soirée « Données ouvertes », Lyon",,450.00,EUR\r\n' +
        '102,2025-03-15,Location de la salle et traiteur,expense_payment,31,,expenses:event_logistics,Logistique des soirées,7,"Soirée « Données ouvertes », Lyon",300.00,,EUR\r\n' +
        '102,2025-03-15,Location de la salle et traiteur,expense_payment,31,,assets:bank,Banque,7,"Soirée « Données ouvertes », Lyon",,300.00,EUR\r\n',
    );
  });

  it('dates in Paris, reversals and lines without an event', () => {
    const rows = parseCsv(transactionsToCsv([reversal, eventClosure], ctx));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      '103', '2025-04-01', 'Clôture de la soirée : excédent 60 % visuels, 40 % édition', 'event_closure', '7', '',
      'income:tickets', 'Billetterie', '7', 'Soirée « Données ouvertes », Lyon', '450.00', '', 'EUR',
    ]);
    expect(rows.at(-1)).toEqual([
      '107', '2025-07-02', 'Annulation : virement rejeté par la banque', 'reversal', 'payout-3', '105',
      'assets:bank', 'Banque', '', '', '24.73', '', 'EUR',
    ]);
  });

  it('has one row per line plus the header, 13 fields each', () => {
    const rows = parseCsv(transactionsToCsv(year2025, ctx));
    const lineCount = year2025.reduce((n, tx) => n + tx.lines.length, 0);
    expect(rows).toHaveLength(lineCount + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      ['101', '101', '102', '102', '103', '103', '103', '103', ...Array(9).fill('104'), '105', '105', '106', '106', '107', '107', '108', '108'],
    );
  });

  it('writes only the header for an empty ledger', () => {
    expect(transactionsToCsv([], ctx)).toBe(`\uFEFF${HEADER}\r\n`);
  });

  it('round-trips a description with a comma, quotes and line breaks', () => {
    const description = 'Dîner, salle "Le Bon Coin"\r\nseconde ligne\net une troisième';
    const tx: ExportTransaction = { ...ticketIncome, description, causeId: 'a,b' };
    const csv = transactionsToCsv([tx], ctx);
    expect(csv).toContain('"Dîner, salle ""Le Bon Coin""\r\nseconde ligne\net une troisième"');
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[2]).toBe(description);
    expect(rows[1]?.[4]).toBe('a,b');
  });

  describe('formula injection', () => {
    const hostile: ExportContext = {
      ...ctx,
      accountLabel: () => '@SUM(A1:A9)',
      eventTitle: () => '+33 1 23 45 67 89',
    };
    it.each([
      ['=HYPERLINK("http://evil.example","clic")', `"'=HYPERLINK(""http://evil.example"",""clic"")"`],
      ['+1+1', "'+1+1"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', `"'\r=1+1"`],
    ])('neutralises the description %j', (description, field) => {
      const csv = transactionsToCsv([{ ...ticketIncome, description, causeId: '-5' }], hostile);
      const record = csv.split('\r\n')[1];
      expect(record).toBe(`101,2025-03-14,${field},ticket_income,'-5,,assets:payment_provider,'@SUM(A1:A9),7,'+33 1 23 45 67 89,450.00,,EUR`);
      expect(parseCsv(csv)[1]?.[2]).toBe(`'${description}`);
    });

    it('leaves number cells alone', () => {
      const rows = parseCsv(transactionsToCsv([reversal], ctx));
      expect(rows[1]?.slice(10, 12)).toEqual(['', '24.73']);
      expect(rows[2]?.[5]).toBe('105');
    });
  });

  it('leaves text that cannot start a formula as it is', () => {
    const rows = parseCsv(transactionsToCsv([{ ...ticketIncome, description: 'Prix = 10 €, 1+1' }], ctx));
    expect(rows[1]?.[2]).toBe('Prix = 10 €, 1+1');
  });

  it('escapes and neutralises one field at a time', () => {
    expect(escapeCsvField('plain')).toBe('plain');
    expect(escapeCsvField('a"b')).toBe('"a""b"');
    expect(escapeCsvField('a\nb')).toBe('"a\nb"');
    expect(neutraliseFormula('=1')).toBe("'=1");
    expect(neutraliseFormula('1=1')).toBe('1=1');
  });

  it('refuses amounts that are not integer cents', () => {
    const tx: ExportTransaction = { ...ticketIncome, lines: [{ account: 'assets:bank', amount: 0.5, eventId: null }] };
    expect(() => transactionsToCsv([tx], ctx)).toThrow(RangeError);
  });
});
