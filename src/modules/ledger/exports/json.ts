/**
 * The ledger as JSON for programs: a stable, versioned document, a pure function of its input.
 *
 * ```jsonc
 * {
 *   "version": 1,                       // bumped on any incompatible change
 *   "currency": "EUR",                  // ISO 4217, every amount below is in its minor unit
 *   "period": { "from": "2025-01-01", "to": "2025-12-31" },   // as asked, inclusive, Paris days
 *   "transactions": [                   // chronological: by instant, then id
 *     {
 *       "id": 103,
 *       "date": "2025-04-01",           // the day in Europe/Paris
 *       "occurredAt": "2025-03-31T22:30:00Z",   // the instant, as recorded (UTC)
 *       "description": "…",
 *       "cause": { "type": "event_closure", "id": "7" },      // id: string or null
 *       "reverses": null,               // id of the transaction this one cancels, or null
 *       "lines": [                      // in recorded order
 *         { "account": "income:tickets", "accountLabel": "…", "eventId": 7, "eventTitle": "…",
 *           "debitCents": 45000, "creditCents": 0 }         // integers ≥ 0, one of them 0
 *       ]
 *     }
 *   ]
 * }
 * ```
 *
 * No generation timestamp: the same ledger gives the same bytes. The caller chooses which
 * transactions belong to the period; `period` only says what was asked for.
 */
import { chronological, isCalendarDate, parisDate } from './format.ts';
import type { ExportContext, ExportTransaction } from './types.ts';

export const LEDGER_JSON_VERSION = 1;

export interface LedgerJsonLine {
  account: string;
  accountLabel: string;
  eventId: number | null;
  eventTitle: string | null;
  debitCents: number;
  creditCents: number;
}

export interface LedgerJsonTransaction {
  id: number;
  date: string;
  occurredAt: string;
  description: string;
  cause: { type: string; id: string | null };
  reverses: number | null;
  lines: LedgerJsonLine[];
}

export interface LedgerJson {
  version: typeof LEDGER_JSON_VERSION;
  currency: string;
  period: { from: string; to: string };
  transactions: LedgerJsonTransaction[];
}

/**
 * The ledger extract as a JSON-ready object (`JSON.stringify` it). Throws RangeError when the
 * period is not two `YYYY-MM-DD` days in order, or an amount is not integer cents.
 */
export function transactionsToJson(
  transactions: readonly ExportTransaction[],
  ctx: ExportContext,
  period: { from: string; to: string },
): LedgerJson {
  const { from, to } = period;
  if (!isCalendarDate(from) || !isCalendarDate(to) || from > to) {
    throw new RangeError(`bad period ${JSON.stringify({ from, to })}`);
  }
  return {
    version: LEDGER_JSON_VERSION,
    currency: ctx.currency,
    period: { from, to },
    transactions: chronological(transactions).map((tx) => ({
      id: tx.id,
      date: parisDate(tx.occurredAt),
      occurredAt: tx.occurredAt,
      description: tx.description,
      cause: { type: tx.causeType, id: tx.causeId },
      reverses: tx.reversesId,
      lines: tx.lines.map((line) => {
        if (!Number.isSafeInteger(line.amount)) throw new RangeError(`transaction ${tx.id}: amount ${line.amount} is not integer cents`);
        return {
          account: line.account,
          accountLabel: ctx.accountLabel(line.account),
          eventId: line.eventId,
          eventTitle: line.eventId == null ? null : (ctx.eventTitle(line.eventId) ?? null),
          debitCents: line.amount > 0 ? line.amount : 0,
          creditCents: line.amount < 0 ? 0 - line.amount : 0,
        };
      }),
    })),
  };
}
