import { describe, expect, it } from 'vitest';
import { FEC_COLUMNS, fecDescription, journalFor, transactionsToFec, validateFec } from './fec.ts';
import { pcgAccountFor, pcgMappingTable } from './pcg-mapping.ts';
import { bookSale, ctx, eventClosure, EVENT_ID, expensePayment, ticketIncome, year2025 } from '../../../../tests/support/ledger-export-fixtures.ts';
import type { ExportTransaction } from './types.ts';

const OPTIONS = { siren: '123456789', closingDate: '2025-12-31' };
const HEADER = 'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';

/** The records of a FEC (header excluded), each as its 18 fields. */
function records(content: string): string[][] {
  return content.split('\r\n').slice(1, -1).map((record) => record.split('\t'));
}

const field = (record: string[] | undefined, name: (typeof FEC_COLUMNS)[number]): string | undefined =>
  record?.[FEC_COLUMNS.indexOf(name)];

describe('transactionsToFec', () => {
  const fec = transactionsToFec(year2025, ctx, OPTIONS);
  const lines = fec.content.split('\r\n');

  it('is named <SIREN>FEC<closing date>.txt', () => {
    expect(fec.filename).toBe('123456789FEC20251231.txt');
  });

  it('starts with the 18 field names, tab-separated, no BOM, every record ended by CRLF', () => {
    expect(lines[0]).toBe(HEADER);
    expect(FEC_COLUMNS).toHaveLength(18);
    expect(fec.content.startsWith('J')).toBe(true);
    expect(fec.content.endsWith('\r\n')).toBe(true);
    expect(fec.content.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const record of records(fec.content)) expect(record).toHaveLength(18);
  });

  it('passes its own validation, debits = credits', () => {
    expect(validateFec(fec.content)).toEqual({
      valid: true,
      errors: [],
      lines: 24,
      entries: 8,
      totalDebitCents: 151946n,
      totalCreditCents: 151946n,
    });
  });

  it('writes a ticket sale in the sales journal, decimal comma, dates AAAAMMJJ', () => {
    expect(lines[1]).toBe(
      "VE\tJournal des ventes\tVE000001\t20250314\t511500\tValeurs à l'encaissement - prestataire de paiement\t\t\t101\t20250314\tBillets – soirée Données ouvertes\t450,00\t0,00\t\t\t20250314\t\t",
    );
    expect(lines[2]).toBe(
      'VE\tJournal des ventes\tVE000001\t20250314\t706000\tPrestations de services\t\t\t101\t20250314\tBillets – soirée Données ouvertes\t0,00\t450,00\t\t\t20250314\t\t',
    );
  });

  it('writes an event closure as a report into fonds dédiés, dated in Paris, leaving 706/604 alone', () => {
    expect(lines.slice(5, 8)).toEqual([
      'OD\tOpérations diverses\tOD000001\t20250401\t689600\tReports en fonds dédiés sur ressources liées à la générosité du public\t\t\t103\t20250401\tClôture de la soirée : excédent 60 % visuels, 40 % édition\t150,00\t0,00\t\t\t20250401\t\t',
      'OD\tOpérations diverses\tOD000001\t20250401\t196100\tFonds dédiés sur ressources liées à la générosité du public - visuels\t\t\t103\t20250401\tClôture de la soirée : excédent 60 % visuels, 40 % édition\t0,00\t90,00\t\t\t20250401\t\t',
      'OD\tOpérations diverses\tOD000001\t20250401\t196200\tFonds dédiés sur ressources liées à la générosité du public - édition des livres\t\t\t103\t20250401\tClôture de la soirée : excédent 60 % visuels, 40 % édition\t0,00\t60,00\t\t\t20250401\t\t',
    ]);
    // The year's income and costs survive the closure: 450 € of tickets, 300 € of logistics.
    const on = (compte: string) => records(fec.content).filter((r) => field(r, 'CompteNum') === compte);
    expect(on('706000').map((r) => [field(r, 'Debit'), field(r, 'Credit')])).toEqual([['0,00', '450,00']]);
    expect(on('604100').map((r) => [field(r, 'Debit'), field(r, 'Credit')])).toEqual([['300,00', '0,00']]);
  });

  it('details royalties owed per contributor with an auxiliary account', () => {
    expect(lines[15]).toBe(
      "VE\tJournal des ventes\tVE000002\t20250502\t467100\tAutres comptes débiteurs ou créditeurs - droits d'auteur dus\tC3\tCamille Durand\t104\t20250502\tVente de 3 exemplaires du livre\t0,00\t24,73\t\t\t20250502\t\t",
    );
    expect(lines[16]).toBe(
      "VE\tJournal des ventes\tVE000002\t20250502\t467100\tAutres comptes débiteurs ou créditeurs - droits d'auteur dus\tC12\tContributeur n° 12\t104\t20250502\tVente de 3 exemplaires du livre\t0,00\t12,37\t\t\t20250502\t\t",
    );
  });

  it('numbers entries without gaps per journal, in date order; PieceRef is the transaction id', () => {
    const seen = [...new Map(records(fec.content).map((r) => [field(r, 'EcritureNum'), field(r, 'PieceRef')])).entries()];
    expect(seen).toEqual([
      ['VE000001', '101'],
      ['BQ000001', '102'],
      ['OD000001', '103'],
      ['VE000002', '104'],
      ['BQ000002', '105'],
      ['BQ000003', '106'],
      ['OD000002', '107'],
      ['BQ000004', '108'],
    ]);
  });

  it('leaves lettering and currency fields blank; ValidDate and PieceDate are the entry date', () => {
    for (const r of records(fec.content)) {
      expect([field(r, 'EcritureLet'), field(r, 'DateLet'), field(r, 'Montantdevise'), field(r, 'Idevise')]).toEqual(['', '', '', '']);
      expect(field(r, 'ValidDate')).toBe(field(r, 'EcritureDate'));
      expect(field(r, 'PieceDate')).toBe(field(r, 'EcritureDate'));
    }
  });

  it('writes a deficit covered by the general fund as a use of fonds dédiés (789)', () => {
    const deficit: ExportTransaction = {
      ...eventClosure,
      description: 'Clôture : déficit',
      lines: [
        { account: 'income:tickets', amount: 10000, eventId: EVENT_ID },
        { account: 'expenses:event_logistics', amount: -30000, eventId: EVENT_ID },
        { account: 'funds:general', amount: 20000, eventId: EVENT_ID },
      ],
    };
    const out = records(transactionsToFec([deficit], ctx, OPTIONS).content);
    expect(out.map((r) => [field(r, 'CompteNum'), field(r, 'Debit'), field(r, 'Credit')])).toEqual([
      ['789600', '0,00', '200,00'],
      ['196300', '200,00', '0,00'],
    ]);
  });

  it('mirrors a reversed closure back on 689, in OD', () => {
    const undo: ExportTransaction = {
      ...eventClosure,
      id: 200,
      occurredAt: '2025-04-02T08:00:00Z',
      reversesId: eventClosure.id,
      lines: eventClosure.lines.map((l) => ({ ...l, amount: 0 - l.amount })),
    };
    const content = transactionsToFec([eventClosure, undo], ctx, OPTIONS).content;
    expect(validateFec(content).valid).toBe(true);
    expect(records(content).map((r) => [field(r, 'EcritureNum'), field(r, 'CompteNum'), field(r, 'Debit'), field(r, 'Credit')])).toEqual([
      ['OD000001', '689600', '150,00', '0,00'],
      ['OD000001', '196100', '0,00', '90,00'],
      ['OD000001', '196200', '0,00', '60,00'],
      ['OD000002', '689600', '0,00', '150,00'],
      ['OD000002', '196100', '90,00', '0,00'],
      ['OD000002', '196200', '60,00', '0,00'],
    ]);
  });

  it('writes no entry for a closure whose income equals its costs', () => {
    const even: ExportTransaction = {
      ...eventClosure,
      lines: [
        { account: 'income:tickets', amount: 30000, eventId: EVENT_ID },
        { account: 'expenses:event_logistics', amount: -30000, eventId: EVENT_ID },
      ],
    };
    const content = transactionsToFec([ticketIncome, even, expensePayment], ctx, OPTIONS).content;
    expect(records(content).map((r) => field(r, 'EcritureNum'))).toEqual(['VE000001', 'VE000001', 'BQ000001', 'BQ000001']);
  });

  it('keeps a reclassification between expense accounts as it is', () => {
    const reclass: ExportTransaction = {
      ...expensePayment,
      causeType: 'expense_reclassification',
      lines: [
        { account: 'expenses:visuals', amount: 5000, eventId: null },
        { account: 'expenses:book_editing', amount: -5000, eventId: null },
      ],
    };
    const out = records(transactionsToFec([reclass], ctx, OPTIONS).content);
    expect(out.map((r) => [field(r, 'JournalCode'), field(r, 'CompteNum'), field(r, 'Debit'), field(r, 'Credit')])).toEqual([
      ['OD', '622600', '50,00', '0,00'],
      ['OD', '604200', '0,00', '50,00'],
    ]);
  });

  it('details event funds by an auxiliary account named after the event', () => {
    const allocation: ExportTransaction = {
      ...eventClosure,
      causeType: 'fund_allocation',
      lines: [
        { account: 'funds:general', amount: 2000, eventId: null },
        { account: `funds:event:${EVENT_ID}`, amount: -1500, eventId: EVENT_ID },
        { account: 'funds:event:8', amount: -500, eventId: 8 },
      ],
    };
    const out = records(transactionsToFec([allocation], ctx, OPTIONS).content);
    expect(out.map((r) => [field(r, 'CompteNum'), field(r, 'CompAuxNum'), field(r, 'CompAuxLib')])).toEqual([
      ['196300', '', ''],
      ['196400', 'E7', 'Soirée « Données ouvertes », Lyon'],
      ['196400', 'E8', 'Événement n° 8'],
    ]);
  });

  it('turns tabs and line breaks inside texts into spaces', () => {
    const messy: ExportTransaction = { ...ticketIncome, description: 'Billets\tsoirée\r\nLyon | 2025 ' };
    const content = transactionsToFec([messy], ctx, OPTIONS).content;
    expect(validateFec(content).valid).toBe(true);
    expect(field(records(content)[0], 'EcritureLib')).toBe('Billets soirée Lyon | 2025');
  });

  it.each([['=1+1'], ['+33 6 12'], ['-2+3'], ['@SUM(A1)'], ['\t=HYPERLINK("http://x")']])('makes the formula-like text %j inert, as the CSV does', (description) => {
    const content = transactionsToFec([{ ...ticketIncome, description }], ctx, OPTIONS).content;
    expect(validateFec(content).valid).toBe(true);
    expect(field(records(content)[0], 'EcritureLib')).toMatch(/^'[=+\-@]/);
  });

  it.each([
    [{ siren: '12345678', closingDate: '2025-12-31' }],
    [{ siren: '123 456 789', closingDate: '2025-12-31' }],
    [{ siren: '123456789', closingDate: '2025-02-30' }],
    [{ siren: '123456789', closingDate: '20251231' }],
  ])('refuses the options %j', (options) => {
    expect(() => transactionsToFec([], ctx, options)).toThrow(RangeError);
  });

  it('refuses a transaction after the closing date (in Paris), another currency, an unknown account', () => {
    const newYearsEve = { ...ticketIncome, occurredAt: '2025-12-31T23:30:00Z' }; // 1 January in Paris
    expect(() => transactionsToFec([newYearsEve], ctx, OPTIONS)).toThrow(/after the closing date/);
    expect(() => transactionsToFec([], { ...ctx, currency: 'USD' }, OPTIONS)).toThrow(RangeError);
    const unknown = { ...ticketIncome, lines: [{ account: 'assets:cash', amount: 1, eventId: null }, { account: 'assets:bank', amount: -1, eventId: null }] };
    expect(() => transactionsToFec([unknown], ctx, OPTIONS)).toThrow(/assets:cash/);
  });

  it('writes only the header for an empty year', () => {
    expect(transactionsToFec([], ctx, OPTIONS).content).toBe(`${HEADER}\r\n`);
    expect(validateFec(`${HEADER}\r\n`).valid).toBe(true);
  });
});

describe('journalFor', () => {
  it.each([
    ['order', null, 'VE'],
    ['ticket_income', null, 'VE'],
    ['book_sale', null, 'VE'],
    ['expense_payment', null, 'BQ'],
    ['royalty_payout', null, 'BQ'],
    ['provider_payout', null, 'BQ'],
    ['donation', null, 'BQ'],
    ['event_closure', null, 'OD'],
    ['reversal', 12, 'OD'],
    ['ticket_income', 12, 'OD'], // the domain's reversals keep the original cause
    ['something_new', null, 'OD'],
    ['constructor', null, 'OD'],
  ])('%s (reverses %s) → %s', (causeType, reversesId, journal) => {
    expect(journalFor({ causeType, reversesId })).toBe(journal);
  });
});

describe('pcgAccountFor', () => {
  it('maps every ledger account to a PCG number of six digits', () => {
    for (const row of pcgMappingTable()) expect(row.compteNum).toMatch(/^\d{6}$/);
    expect(pcgAccountFor('liabilities:royalties:12')).toEqual({
      compteNum: '467100',
      compteLib: "Autres comptes débiteurs ou créditeurs - droits d'auteur dus",
      nature: 'liability',
      auxiliary: { kind: 'contributor', id: 12 },
    });
    expect(pcgAccountFor('expenses:royalties').compteNum).toBe('651600');
  });

  it.each(['funds:event:0', 'funds:event:07', 'liabilities:royalties:', 'toString', 'income'])('refuses %j', (code) => {
    expect(() => pcgAccountFor(code)).toThrow(RangeError);
  });
});

describe('fecDescription', () => {
  it('names the file, the encoding, the separators, every field and every account', () => {
    const text = fecDescription(OPTIONS);
    expect(text).toContain('123456789FEC20251231.txt');
    expect(text).toContain('UTF-8');
    expect(text).toContain('tabulation');
    for (const name of FEC_COLUMNS) expect(text).toContain(name);
    for (const row of pcgMappingTable()) expect(text).toContain(`${row.compteNum}  ${row.compteLib}`);
  });
});

describe('validateFec', () => {
  const good = transactionsToFec([ticketIncome, bookSale], ctx, OPTIONS).content;
  const body = good.split('\r\n').slice(1).join('\r\n');
  const swap = (from: string, to: string): string => good.replace(from, to);

  it('accepts the pipe separator and LF line ends too', () => {
    expect(validateFec(good.replaceAll('\t', '|').replaceAll('\r\n', '\n')).valid).toBe(true);
  });

  it.each<[string, string, RegExp]>([
    ['a byte order mark', `\uFEFF${good}`, /byte order mark/],
    ['a wrong header', `${HEADER.replace('Debit', 'Débit')}\r\n${body}`, /header: expected/],
    ['a semicolon separator', good.replaceAll('\t', ';'), /tab or \|/],
    ['a missing field', swap('\t\t\t20250314\t\t\r\n', '\t\t20250314\t\t\r\n'), /17 fields instead of 18/],
    ['a date with dashes', swap('\t20250314\t511500', '\t2025-03-14\t511500'), /EcritureDate "2025-03-14" is not AAAAMMJJ/],
    ['an impossible date', swap('\t20250314\t511500', '\t20250230\t511500'), /EcritureDate "20250230"/],
    ['a decimal dot', swap('\t450,00\t', '\t450.00\t'), /Debit "450.00" is not an amount/],
    ['an unbalanced entry', swap('\t450,00\t', '\t450,01\t'), /VE000001: debits 45001 ≠ credits 45000/],
    ['an account not in the PCG', swap('\t706000\t', '\tX06000\t'), /CompteNum "X06000"/],
    ['an empty EcritureLib', swap('\tBillets – soirée Données ouvertes\t450,00', '\t\t450,00'), /EcritureLib is empty/],
  ])('rejects %s', (_, content, message) => {
    const result = validateFec(content);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(message);
  });

  it('rejects entries out of chronological order and an EcritureNum spanning two dates', () => {
    const [header = '', ...rest] = good.split('\r\n').filter((l) => l !== '');
    const reversed = [header, ...rest.reverse()].join('\r\n');
    expect(validateFec(reversed).errors.join('\n')).toMatch(/not in chronological order/);
    const split = swap('VE000001\t20250314\t706000', 'VE000001\t20250315\t706000');
    expect(validateFec(split).errors.join('\n')).toMatch(/VE000001 spans dates 20250314 and 20250315/);
  });

  it('reports unequal totals for the file', () => {
    const result = validateFec(good.replace('\t0,00\t450,00\t', '\t0,00\t449,00\t'));
    expect(result.totalDebitCents).toBe(result.totalCreditCents + 100n);
    expect(result.errors).toContain('file: total debits 57000 ≠ total credits 56900 (cents)');
  });
});
