/**
 * What the ledger exports read: recorded transactions as plain data, and the few look-ups they
 * need to make them readable. Deliberately independent of `../domain/` so the exports stay pure
 * functions of their input (no database, no HTTP, no clock).
 *
 * Amounts are integer cents: debit > 0, credit < 0; the lines of one transaction sum to 0.
 */

export interface ExportLine {
  /** Ledger account code: `assets:bank`, `funds:event:42`, `liabilities:royalties:12`, … */
  account: string;
  /** Integer cents, debit > 0, credit < 0. */
  amount: number;
  eventId: number | null;
}

export interface ExportTransaction {
  id: number;
  /** ISO 8601 instant in UTC, e.g. `2025-03-14T19:30:00Z`. */
  occurredAt: string;
  /** The French accounting label. */
  description: string;
  /** A label written by the system, as a catalogue key and parameters (for pages in any language). */
  label?: { key: string; params: Record<string, string | number> } | null;
  /** What caused the transaction: `ticket_income`, `book_sale`, `event_closure`, … */
  causeType: string;
  causeId: string | null;
  /** For a reversal: the transaction it cancels. */
  reversesId: number | null;
  lines: ExportLine[];
}

export interface ExportContext {
  /** ISO 4217 code of the ledger's currency (`EUR`). */
  currency: string;
  /** A person-readable name for an account code. */
  accountLabel(code: string): string;
  /** The event's title, or undefined when unknown. */
  eventTitle(id: number): string | undefined;
  /** Already anonymised by the caller: a name or "Contributeur n° 12". */
  contributorLabel(id: number): string;
}
