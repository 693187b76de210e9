/** The periods exports cover: a JSON export's days, and the FEC's financial year. Pure functions. */
import { parisDate } from './format.ts';
import type { ExportTransaction } from './types.ts';

/**
 * The days a JSON export says it covers (inclusive): those asked for (`from` inclusive, `to`
 * exclusive, as ISO instants), else those of the first and last transactions, else today.
 */
export function exportPeriod(transactions: readonly Pick<ExportTransaction, 'occurredAt'>[], asked: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const days = transactions.map((t) => t.occurredAt.slice(0, 10)).sort();
  const from = asked.from?.slice(0, 10) ?? days[0] ?? today;
  const to = asked.to ? new Date(Date.parse(asked.to) - 1).toISOString().slice(0, 10) : (days.at(-1) ?? today);
  return { from: from <= to ? from : to, to: to >= from ? to : from };
}

/**
 * The financial year: the calendar year in Paris time. `from`/`to` bound the query (Paris is
 * UTC+1 or +2); `contains` decides on the Paris day.
 */
export function financialYear(year: number): { year: number; from: string; to: string; contains: (t: Pick<ExportTransaction, 'occurredAt'>) => boolean } {
  return {
    year,
    from: new Date(Date.UTC(year - 1, 11, 31, 22)).toISOString(),
    to: new Date(Date.UTC(year, 11, 31, 23)).toISOString(),
    contains: (t) => parisDate(t.occurredAt).startsWith(`${year}-`),
  };
}
