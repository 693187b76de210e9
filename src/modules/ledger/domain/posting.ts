/**
 * Double-entry posting rules. A transaction is a set of lines whose amounts add up to exactly
 * zero cents (debit > 0, credit < 0). Nothing recorded is ever edited: a correction is a new
 * transaction that reverses the old one, linked to it by `reversesId`.
 */
import { ValidationError } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { isKnownAccount, type AccountCode } from './accounts.ts';
import { EmptyTransactionError, InvalidAmountError, UnbalancedTransactionError, UnknownAccountError } from './errors.ts';
import { isCents, type Cents } from '../../../shared/money.ts';
import { isSaneDate } from '../../../shared/time.ts';

export interface PostingLine {
  account: AccountCode;
  /** Debit > 0, credit < 0, never 0. */
  amount: Cents;
  /** The event this line belongs to, for per-event reporting and closing. */
  eventId?: number | null;
}

/** A label the system writes: a `ledger.describe.*` catalogue key and its parameters. */
export interface TransactionLabel {
  key: string;
  params: Record<string, string | number>;
}

export interface TransactionDraft {
  /** ISO 8601 date or date-time. */
  date: string;
  /** The accounting label, in French (the FEC's language). */
  description: string;
  /** The same label as a catalogue key and its parameters, for readers in any language. */
  label?: TransactionLabel | null;
  /** What caused the transaction (`ticket_order`, `event_close`, `book_sale`, …). */
  causeType: string;
  causeId: string | number | null;
  /** Makes a retried command post once: 1 to 200 characters. */
  idempotencyKey: string;
  lines: PostingLine[];
  /** The transaction this one cancels, for a reversal. */
  reversesId?: number | null;
}

/** A transaction as stored, with its id. */
export interface RecordedTransaction extends TransactionDraft {
  id: number;
}

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/** A line debiting `account`: the amount is stored positive. */
export function debit(account: AccountCode, amount: Cents, eventId?: number | null): PostingLine {
  return eventId == null ? { account, amount } : { account, amount, eventId };
}

/** A line crediting `account`: the amount (given positive) is stored negative. */
export function credit(account: AccountCode, amount: Cents, eventId?: number | null): PostingLine {
  return debit(account, 0 - amount, eventId);
}

function isId(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/**
 * The rules on lines alone: at least two, each on a known account with a non-zero safe-integer
 * amount, summing to exactly 0. Throws EmptyTransactionError, UnknownAccountError,
 * InvalidAmountError or UnbalancedTransactionError.
 */
export function validateLines(lines: readonly PostingLine[]): void {
  if (lines.length < 2) throw new EmptyTransactionError(lines.length);
  let sum = 0n; // BigInt: many large safe amounts can add up past 2^53.
  lines.forEach((line, i) => {
    if (!isKnownAccount(line.account)) throw new UnknownAccountError(line.account);
    if (!isCents(line.amount) || line.amount === 0) throw new InvalidAmountError(`lines.${i}.amount`, line.amount);
    if (line.eventId != null && !isId(line.eventId)) {
      throw new ValidationError({ [`lines.${i}.eventId`]: 'errors.invalid' });
    }
    sum += BigInt(line.amount);
  });
  if (sum !== 0n) throw new UnbalancedTransactionError(sum);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Whether `value` is an ISO 8601 date, or date-time with its zone (`Z` or `+02:00`: without one,
 * JavaScript would read it in the server's local time), naming a real day (no 30 February).
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/**
 * Checks a whole draft before it is posted: the line rules (see validateLines), then a real ISO
 * date, a non-blank description and cause type, a 1–200 character idempotency key and, for a
 * reversal, a positive id. Field problems come together in one ValidationError.
 */
export function validateTransaction(draft: TransactionDraft): void {
  validateLines(draft.lines);
  const fields: Record<string, MessageKey> = {};
  if (!isIsoDate(draft.date)) fields.date = 'errors.date';
  else if (!isSaneDate(new Date(draft.date))) fields.date = 'errors.dateRange';
  if (draft.description.trim() === '') fields.description = 'errors.required';
  if (draft.causeType.trim() === '') fields.causeType = 'errors.required';
  if (draft.idempotencyKey.length === 0) fields.idempotencyKey = 'errors.required';
  else if (draft.idempotencyKey.length > IDEMPOTENCY_KEY_MAX_LENGTH) fields.idempotencyKey = 'errors.tooLong';
  if (draft.reversesId != null && !isId(draft.reversesId)) fields.reversesId = 'errors.invalid';
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/**
 * The correction of a recorded transaction: a new draft with every line negated (same accounts,
 * same events), the same cause, and `reversesId` pointing at the original. It may not be dated
 * before the original, since a correction is booked when it is made.
 */
export function reversalOf(
  original: RecordedTransaction,
  correction: { date: string; description: string; label?: TransactionLabel | null; idempotencyKey: string },
): TransactionDraft {
  if (isIsoDate(correction.date) && isIsoDate(original.date) && Date.parse(correction.date) < Date.parse(original.date)) {
    throw new ValidationError({ date: 'errors.date' });
  }
  const draft: TransactionDraft = {
    date: correction.date,
    description: correction.description,
    ...(correction.label ? { label: correction.label } : {}),
    causeType: original.causeType,
    causeId: original.causeId,
    idempotencyKey: correction.idempotencyKey,
    lines: original.lines.map((line) => ({ ...line, amount: 0 - line.amount })),
    reversesId: original.id,
  };
  validateTransaction(draft);
  return draft;
}

/** The balance of each account over some lines (debit > 0), in order of first appearance. */
export function balancesOf(lines: Iterable<PostingLine>): Map<AccountCode, Cents> {
  const balances = new Map<AccountCode, Cents>();
  for (const line of lines) {
    const next = (balances.get(line.account) ?? 0) + line.amount;
    if (!isCents(next)) throw new InvalidAmountError(line.account, next);
    balances.set(line.account, next);
  }
  return balances;
}
