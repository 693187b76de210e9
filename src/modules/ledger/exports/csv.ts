/**
 * The ledger as CSV for spreadsheets: one row per line, RFC 4180.
 *
 * - A UTF-8 byte order mark first, so Excel and LibreOffice read accents right.
 * - CRLF after every record (the last included); a field is quoted when it holds a comma, a
 *   double quote, CR or LF, and its double quotes are doubled.
 * - Formula injection (CWE-1236): a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
 *   leading apostrophe, so a description like `=HYPERLINK(…)` is shown, never evaluated. Number
 *   cells (ids, event id, debit, credit) are produced by this code and left alone.
 * - `date` is the day in Europe/Paris; `debit`/`credit` are decimal strings with a dot and two
 *   decimals (`12.50`), empty when the line is on the other side.
 * - Transactions in chronological order (instant, then id); lines in recorded order.
 */
import { chronological, formatCents, parisDate } from './format.ts';
import type { ExportContext, ExportTransaction } from './types.ts';

export const CSV_COLUMNS = [
  'transaction_id',
  'date',
  'description',
  'cause_type',
  'cause_id',
  'reverses_transaction_id',
  'account',
  'account_label',
  'event_id',
  'event_title',
  'debit',
  'credit',
  'currency',
] as const;

const CRLF = '\r\n';

export { CSV_BOM, escapeCsvField, neutraliseFormula } from '../../../shared/csv.ts';

import { CSV_BOM, escapeCsvField, neutraliseFormula } from '../../../shared/csv.ts';

type Cell = { text: string } | { number: string };

function render(cell: Cell): string {
  return 'text' in cell ? escapeCsvField(neutraliseFormula(cell.text)) : escapeCsvField(cell.number);
}

const text = (value: string): Cell => ({ text: value });
const num = (value: number | null): Cell => ({ number: value == null ? '' : String(value) });
const money = (cents: number): Cell => ({ number: cents === 0 ? '' : formatCents(cents, '.') });

/** The whole ledger extract as CSV text, BOM included (write it as UTF-8). */
export function transactionsToCsv(transactions: readonly ExportTransaction[], ctx: ExportContext): string {
  const records: string[] = [CSV_COLUMNS.map((name) => escapeCsvField(name)).join(',')];
  for (const tx of chronological(transactions)) {
    const date = parisDate(tx.occurredAt);
    for (const line of tx.lines) {
      if (!Number.isSafeInteger(line.amount)) throw new RangeError(`transaction ${tx.id}: amount ${line.amount} is not integer cents`);
      const cells: Cell[] = [
        num(tx.id),
        text(date),
        text(tx.description),
        text(tx.causeType),
        text(tx.causeId ?? ''),
        num(tx.reversesId),
        text(line.account),
        text(ctx.accountLabel(line.account)),
        num(line.eventId),
        text(line.eventId == null ? '' : (ctx.eventTitle(line.eventId) ?? '')),
        money(line.amount > 0 ? line.amount : 0),
        money(line.amount < 0 ? 0 - line.amount : 0),
        text(ctx.currency),
      ];
      records.push(cells.map(render).join(','));
    }
  }
  return CSV_BOM + records.map((record) => record + CRLF).join('');
}
