/**
 * Small formatting helpers shared by the exports: the civil date in Paris of an instant, cents
 * as a decimal string, and the one order every export lists transactions in.
 */
import type { ExportTransaction } from './types.ts';

/** The programme's books are kept in France: a transaction's day is its day in Paris. */
export const LEDGER_TIME_ZONE = 'Europe/Paris';

const PARIS_DAY = new Intl.DateTimeFormat('en-US', {
  timeZone: LEDGER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Milliseconds since the epoch of an ISO 8601 instant; throws RangeError when it is not one. */
export function instantOf(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 date: ${JSON.stringify(iso)}`);
  return ms;
}

/** `YYYY-MM-DD`, the civil date in Europe/Paris of an ISO 8601 instant (DST included). */
export function parisDate(iso: string): string {
  const parts = PARIS_DAY.formatToParts(new Date(instantOf(iso)));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a `YYYY-MM-DD` date naming a real day (no 30 February). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/**
 * A non-negative number of cents as a decimal string with exactly two decimals, integer
 * arithmetic only (no float rounding): 1250 → `12.50` (or `12,50`), 5 → `0.05`, 0 → `0.00`.
 * No thousands separator. Throws RangeError for a negative or non-safe-integer amount.
 */
export function formatCents(cents: number, decimalSeparator: '.' | ','): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not a non-negative amount of cents: ${cents}`);
  const units = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${units}${decimalSeparator}${String(rest).padStart(2, '0')}`;
}

/**
 * Transactions in the order every export uses: by instant, then by id (so two transactions at
 * the same instant always come out the same way). Returns a new array; lines keep their order.
 */
export function chronological<T extends Pick<ExportTransaction, 'id' | 'occurredAt'>>(transactions: readonly T[]): T[] {
  return transactions
    .map((tx) => ({ tx, at: instantOf(tx.occurredAt) }))
    .sort((a, b) => a.at - b.at || a.tx.id - b.tx.id)
    .map(({ tx }) => tx);
}
