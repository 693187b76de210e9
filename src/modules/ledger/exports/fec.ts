/**
 * The "fichier des écritures comptables" (FEC) the association's accountant and the tax
 * administration read: article A47 A-1 of the Livre des procédures fiscales, flat-file variant.
 *
 * What the article requires, and what this file does:
 * - VI 1°: records separated by CR and/or LF, fields by a tab or `|`. → CRLF after every
 *   record, tab between fields (descriptions may well contain `|`; a tab, CR or LF inside a text
 *   is turned into a space so the separators stay unequivocal, I 4°).
 * - VII 1°: the 18 fields below, in this order; VII 4°: a first line naming them.
 * - VII 1°: entries in chronological order of validation. → sorted by date in Paris, instant,
 *   then id; ValidDate = EcritureDate (the ledger posts an entry when it happens and never edits
 *   it).
 * - IX: the file is named `<SIREN>FEC<AAAAMMJJ>` with the closing date of the financial year.
 *   → `<SIREN>FEC<AAAAMMJJ>.txt`.
 * - XII 1°: characters from ASCII, ISO 8859-15, or Unicode ISO/IEC 10646 as UTF-8. → `content`
 *   is to be written as UTF-8, without a byte order mark (it would glue itself to `JournalCode`).
 * - XII 2°: decimal comma, no thousands separator. → `1234,56`; the side not used is `0,00`.
 * - XII 4°: dates as AAAAMMJJ.
 * - II / XI: a description of the file goes with it. → `fecDescription()`.
 *
 * Journals, from the cause of the transaction (reversals always go to OD):
 *   VE Journal des ventes        order, ticket_order, ticket_income, book_sale
 *   BQ Journal de banque         expense_payment, royalty_payout, provider_payout, payout, donation
 *   OD Opérations diverses       event_closure, event_close, reversal, and anything else
 * EcritureNum is `<journal><6 digits>`, a gapless sequence per journal in chronological order
 * (VE000001, VE000002, …), so it is also unique in the file. PieceRef is our transaction id;
 * PieceDate = EcritureDate. EcritureLet, DateLet, Montantdevise and Idevise are blank: nothing is
 * lettered here and the ledger has one currency (EUR).
 *
 * Accounts: see pcg-mapping.ts, including why event closures are rewritten on 689/789.
 *
 * Not covered yet: opening entries. VII 3° wants the first entries of a year to carry over the
 * previous year's balances; the ledger has none for its first year, and later years need the
 * caller to provide them.
 */
import { neutraliseFormula } from '../../../shared/csv.ts';
import { chronological, formatCents, isCalendarDate, parisDate } from './format.ts';
import { FUND_REPORT, FUND_USE, pcgAccountFor, pcgMappingTable, type PcgAccount, type PcgMapping } from './pcg-mapping.ts';
import type { ExportContext, ExportTransaction } from './types.ts';

export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export const FEC_FIELD_SEPARATOR = '\t';
export const FEC_RECORD_SEPARATOR = '\r\n';
export const FEC_ENCODING = 'UTF-8';

export const FEC_JOURNALS = {
  VE: 'Journal des ventes',
  BQ: 'Journal de banque',
  OD: 'Opérations diverses',
} as const;
export type FecJournal = keyof typeof FEC_JOURNALS;

const JOURNAL_BY_CAUSE: ReadonlyMap<string, FecJournal> = new Map<string, FecJournal>([
  ['order', 'VE'],
  ['ticket_order', 'VE'],
  ['ticket_income', 'VE'],
  ['book_sale', 'VE'],
  ['expense_payment', 'BQ'],
  ['royalty_payout', 'BQ'],
  ['provider_payout', 'BQ'],
  ['payout', 'BQ'],
  ['donation', 'BQ'],
  ['event_closure', 'OD'],
  ['event_close', 'OD'],
  ['reversal', 'OD'],
]);

/** Causes whose entries close an event (income and costs into the funds). */
const CLOSURE_CAUSES: ReadonlySet<string> = new Set(['event_closure', 'event_close']);

/** The journal of a transaction: OD for any reversal, else by cause, OD when the cause is unknown. */
export function journalFor(tx: Pick<ExportTransaction, 'causeType' | 'reversesId'>): FecJournal {
  if (tx.reversesId != null) return 'OD';
  return JOURNAL_BY_CAUSE.get(tx.causeType) ?? 'OD';
}

export interface FecOptions {
  /** The association's SIREN, 9 digits. */
  siren: string;
  /** Last day of the financial year, `YYYY-MM-DD`. */
  closingDate: string;
}

export interface FecFile {
  /** `<SIREN>FEC<AAAAMMJJ>.txt` */
  filename: string;
  /** Header and records, each ended by CRLF; write it as UTF-8 without a BOM. */
  content: string;
}

interface FecLineDraft {
  account: PcgAccount;
  auxiliary: PcgMapping['auxiliary'];
  amount: number;
}

/**
 * A text field: no tab, CR, LF or other control character (they would break the records), and
 * inert when the file is opened in a spreadsheet (accountants do): the CSV's formula guard.
 */
function fecText(value: string): string {
  return neutraliseFormula(value.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim());
}

function compact(date: string): string {
  return date.replaceAll('-', '');
}

/**
 * The FEC lines of one transaction: one per ledger line (zero amounts dropped), except that an
 * allocation (only income, expense and fund lines, and moving a fund or closing an event) has its
 * income and expense lines replaced by their net on 689600 / 789600 (see pcg-mapping.ts).
 */
function fecLinesOf(tx: ExportTransaction): FecLineDraft[] {
  const mapped = tx.lines
    .filter((line) => {
      if (!Number.isSafeInteger(line.amount)) throw new RangeError(`transaction ${tx.id}: amount ${line.amount} is not integer cents`);
      return line.amount !== 0;
    })
    .map((line) => ({ pcg: pcgAccountFor(line.account), amount: line.amount }));
  const isResult = (m: { pcg: PcgMapping }): boolean => m.pcg.nature === 'income' || m.pcg.nature === 'expense';
  const isAllocation =
    mapped.length > 0 &&
    mapped.every((m) => isResult(m) || m.pcg.nature === 'fund') &&
    (mapped.some((m) => m.pcg.nature === 'fund') || CLOSURE_CAUSES.has(tx.causeType));
  if (!isAllocation) return mapped.map(({ pcg, amount }) => ({ account: pcg, auxiliary: pcg.auxiliary, amount }));

  const drafts: FecLineDraft[] = [];
  let net = 0;
  let netAt = -1;
  for (const { pcg, amount } of mapped) {
    if (isResult({ pcg })) {
      net += amount;
      if (!Number.isSafeInteger(net)) throw new RangeError(`transaction ${tx.id}: amounts overflow`);
      if (netAt < 0) netAt = drafts.length;
    } else {
      drafts.push({ account: pcg, auxiliary: pcg.auxiliary, amount });
    }
  }
  if (net !== 0) {
    // Money into the funds is a report (689); a reversal mirrors what it cancels.
    const intoFunds = tx.reversesId == null ? net > 0 : net < 0;
    drafts.splice(netAt, 0, { account: intoFunds ? FUND_REPORT : FUND_USE, auxiliary: null, amount: net });
  }
  return drafts;
}

function auxiliaryFields(auxiliary: PcgMapping['auxiliary'], ctx: ExportContext): [string, string] {
  if (!auxiliary) return ['', ''];
  if (auxiliary.kind === 'contributor') return [`C${auxiliary.id}`, fecText(ctx.contributorLabel(auxiliary.id))];
  const title = ctx.eventTitle(auxiliary.id);
  return [`E${auxiliary.id}`, fecText(title ?? '') || `Événement n° ${auxiliary.id}`];
}

/**
 * The FEC of one financial year. The caller passes that year's transactions; any dated (in
 * Paris) after `closingDate` is refused. Throws RangeError for a bad SIREN or closing date, a
 * currency other than EUR, an account pcg-mapping.ts does not know, or a misdated transaction.
 */
export function transactionsToFec(
  transactions: readonly ExportTransaction[],
  ctx: ExportContext,
  options: FecOptions,
): FecFile {
  const { siren, closingDate } = options;
  if (!/^\d{9}$/.test(siren)) throw new RangeError(`a SIREN has 9 digits: ${JSON.stringify(siren)}`);
  if (!isCalendarDate(closingDate)) throw new RangeError(`bad closing date ${JSON.stringify(closingDate)}`);
  if (ctx.currency !== 'EUR') throw new RangeError(`the FEC is kept in euros, not ${ctx.currency}`);

  const dated = chronological(transactions).map((tx) => ({ tx, date: parisDate(tx.occurredAt) }));
  for (const { tx, date } of dated) {
    if (date > closingDate) throw new RangeError(`transaction ${tx.id} is dated ${date}, after the closing date ${closingDate}`);
  }
  // Sorted by instant, so by Paris day too (the day of an instant never goes backwards).

  const next: Record<FecJournal, number> = { VE: 0, BQ: 0, OD: 0 };
  const records: string[] = [FEC_COLUMNS.join(FEC_FIELD_SEPARATOR)];
  for (const { tx, date } of dated) {
    const drafts = fecLinesOf(tx);
    if (drafts.length === 0) continue;
    const journal = journalFor(tx);
    next[journal] += 1;
    const ecritureNum = `${journal}${String(next[journal]).padStart(6, '0')}`;
    const day = compact(date);
    const label = fecText(tx.description) || fecText(tx.causeType);
    for (const draft of drafts) {
      const [auxNum, auxLib] = auxiliaryFields(draft.auxiliary, ctx);
      const fields: Record<(typeof FEC_COLUMNS)[number], string> = {
        JournalCode: journal,
        JournalLib: FEC_JOURNALS[journal],
        EcritureNum: ecritureNum,
        EcritureDate: day,
        CompteNum: draft.account.compteNum,
        CompteLib: draft.account.compteLib,
        CompAuxNum: auxNum,
        CompAuxLib: auxLib,
        PieceRef: String(tx.id),
        PieceDate: day,
        EcritureLib: label,
        Debit: formatCents(draft.amount > 0 ? draft.amount : 0, ','),
        Credit: formatCents(draft.amount < 0 ? 0 - draft.amount : 0, ','),
        EcritureLet: '',
        DateLet: '',
        ValidDate: day,
        Montantdevise: '',
        Idevise: '',
      };
      records.push(FEC_COLUMNS.map((column) => fields[column]).join(FEC_FIELD_SEPARATOR));
    }
  }
  return {
    filename: `${siren}FEC${compact(closingDate)}.txt`,
    content: records.map((record) => record + FEC_RECORD_SEPARATOR).join(''),
  };
}

/**
 * The description that must go with the file (A47 A-1 II and XI): fields, codes, technical
 * choices and the account mapping, in French, as plain text.
 */
export function fecDescription(options: FecOptions): string {
  const { siren, closingDate } = options;
  const rows = pcgMappingTable().map(
    (row) => `  ${row.compteNum}  ${row.compteLib}${row.auxiliary ? ` (auxiliaire ${row.auxiliary})` : ''}  <-  ${row.ledger}`,
  );
  return [
    `Description du fichier ${siren}FEC${compact(closingDate)}.txt`,
    '',
    "Fichier des écritures comptables (article A47 A-1 du livre des procédures fiscales), fichier à plat.",
    `Jeu de caractères : Unicode ISO/CEI 10646, ${FEC_ENCODING}, sans marque d'ordre d'octets.`,
    'Structure : mono-structure, enregistrements de longueur variable.',
    'Séparateur de zones : tabulation. Séparateur d\'enregistrements : retour chariot + fin de ligne (CR LF).',
    'Première ligne : noms des 18 zones. Montants : virgule décimale, deux décimales, sans séparateur de milliers.',
    'Dates : AAAAMMJJ, jour civil à Paris. Écritures classées par ordre chronologique.',
    '',
    `Zones : ${FEC_COLUMNS.join(', ')}.`,
    'EcritureNum : code journal suivi d\'un numéro continu par journal (VE000001…).',
    'PieceRef : numéro de la transaction dans le grand livre public du programme.',
    'ValidDate : date de l\'écriture (le grand livre enregistre chaque opération le jour où elle a lieu et ne la modifie jamais ; une correction est une contre-passation).',
    'EcritureLet, DateLet, Montantdevise, Idevise : à blanc (pas de lettrage, comptabilité tenue en euros).',
    '',
    'Journaux :',
    ...Object.entries(FEC_JOURNALS).map(([code, lib]) => `  ${code}  ${lib}`),
    '',
    'Comptes (plan comptable des associations, règlement ANC 2018-06) :',
    ...rows,
    '',
    "Clôture d'un événement : les produits et charges de l'événement restent dans les comptes 70x et 60x ;",
    "l'excédent affecté aux fonds est porté en 689600 (reports en fonds dédiés) au crédit des comptes 196,",
    'un déficit couvert par un fonds en 789600 (utilisations des fonds dédiés).',
    '',
  ].join('\r\n');
}

// ── Validation ─────────────────────────────────────────────────────────────────────────────

export interface FecValidation {
  valid: boolean;
  errors: string[];
  /** Records after the header. */
  lines: number;
  /** Distinct EcritureNum. */
  entries: number;
  totalDebitCents: bigint;
  totalCreditCents: bigint;
}

const AMOUNT = /^(-?)(\d+)(?:,(\d{1,2}))?$/;

function amountCents(value: string): bigint | null {
  const match = AMOUNT.exec(value);
  if (!match) return null;
  const [, sign = '', units = '0', decimals = ''] = match;
  const cents = BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0') || '0');
  return sign === '-' ? -cents : cents;
}

function isFecDate(value: string): boolean {
  return /^\d{8}$/.test(value) && isCalendarDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`);
}

/**
 * Checks a flat FEC against the rules this module can verify on its own: the header (tab or `|`
 * separated, the 18 names in order, no BOM), 18 fields on every record, the mandatory fields
 * filled, CompteNum starting with three digits, AAAAMMJJ dates (DateLet may be blank), amounts
 * with a decimal comma and at most two decimals, ValidDate never going backwards, one journal
 * and one date per EcritureNum, each EcritureNum balanced, and total debits = total credits.
 */
export function validateFec(content: string): FecValidation {
  const errors: string[] = [];
  const records = content.split(/\r\n|\n|\r/);
  if (records.at(-1) === '') records.pop();
  const header = records[0] ?? '';
  const separator = header.includes('\t') ? '\t' : header.includes('|') ? '|' : null;
  if (header.startsWith('\uFEFF')) errors.push('header: starts with a byte order mark');
  if (separator === null) errors.push('header: fields must be separated by a tab or |');
  else if (header.split(separator).join(',') !== FEC_COLUMNS.join(',')) {
    errors.push(`header: expected ${FEC_COLUMNS.join(',')}`);
  }

  const entries = new Map<string, { journal: string; date: string; debit: bigint; credit: bigint }>();
  let totalDebitCents = 0n;
  let totalCreditCents = 0n;
  let lastValidDate = '';
  const body = records.slice(1);
  body.forEach((record, index) => {
    const where = `line ${index + 2}`;
    const fields = separator === null ? [record] : record.split(separator);
    if (fields.length !== FEC_COLUMNS.length) {
      errors.push(`${where}: ${fields.length} fields instead of ${FEC_COLUMNS.length}`);
      return;
    }
    const f = Object.fromEntries(FEC_COLUMNS.map((name, i) => [name, fields[i] ?? ''])) as Record<(typeof FEC_COLUMNS)[number], string>;
    for (const name of ['JournalCode', 'JournalLib', 'EcritureNum', 'CompteNum', 'CompteLib', 'PieceRef', 'EcritureLib'] as const) {
      if (f[name].trim() === '') errors.push(`${where}: ${name} is empty`);
    }
    if (!/^\d{3}/.test(f.CompteNum)) errors.push(`${where}: CompteNum ${JSON.stringify(f.CompteNum)} does not start with 3 digits`);
    for (const name of ['EcritureDate', 'PieceDate', 'ValidDate'] as const) {
      if (!isFecDate(f[name])) errors.push(`${where}: ${name} ${JSON.stringify(f[name])} is not AAAAMMJJ`);
    }
    if (f.DateLet !== '' && !isFecDate(f.DateLet)) errors.push(`${where}: DateLet ${JSON.stringify(f.DateLet)} is not AAAAMMJJ`);
    if (f.ValidDate < lastValidDate) errors.push(`${where}: not in chronological order`);
    if (isFecDate(f.ValidDate)) lastValidDate = f.ValidDate;
    if (f.Montantdevise !== '' && amountCents(f.Montantdevise) === null) errors.push(`${where}: Montantdevise is not a number`);
    const debit = amountCents(f.Debit);
    const credit = amountCents(f.Credit);
    if (debit === null) errors.push(`${where}: Debit ${JSON.stringify(f.Debit)} is not an amount like 1234,56`);
    if (credit === null) errors.push(`${where}: Credit ${JSON.stringify(f.Credit)} is not an amount like 1234,56`);
    if (debit === null || credit === null) return;
    totalDebitCents += debit;
    totalCreditCents += credit;
    const entry = entries.get(f.EcritureNum);
    if (!entry) {
      entries.set(f.EcritureNum, { journal: f.JournalCode, date: f.EcritureDate, debit, credit });
      return;
    }
    if (entry.journal !== f.JournalCode) errors.push(`${where}: ${f.EcritureNum} spans journals ${entry.journal} and ${f.JournalCode}`);
    if (entry.date !== f.EcritureDate) errors.push(`${where}: ${f.EcritureNum} spans dates ${entry.date} and ${f.EcritureDate}`);
    entry.debit += debit;
    entry.credit += credit;
  });
  for (const [num, entry] of entries) {
    if (entry.debit !== entry.credit) errors.push(`${num}: debits ${entry.debit} ≠ credits ${entry.credit} (cents)`);
  }
  if (totalDebitCents !== totalCreditCents) errors.push(`file: total debits ${totalDebitCents} ≠ total credits ${totalCreditCents} (cents)`);
  return { valid: errors.length === 0, errors, lines: body.length, entries: entries.size, totalDebitCents, totalCreditCents };
}
