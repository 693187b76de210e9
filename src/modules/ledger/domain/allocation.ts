/**
 * The programme's allocation rules, as the lines to post: closing an event into the funds, a book
 * sale into royalties owed to its contributors, and paying those royalties. The rules only
 * compute; commands load the balances, post the lines and record who did it.
 */
import { ValidationError } from '../../../shared/errors.ts';
import { parseAccount, royaltiesAccount } from './accounts.ts';
import { InvalidAmountError, InvalidSplitError, NoRecipientsError, RoyaltyOverpaymentError, UnknownAccountError } from './errors.ts';
import { isCents, type Cents } from '../../../shared/money.ts';
import { credit, debit, validateLines, type PostingLine } from './posting.ts';
import { splitLargestRemainder } from './split.ts';

/** Basis points: 10 000 = 100 %. */
export const BASIS_POINTS = 10_000;

function assertAmount(value: unknown, field: string, { positive = false } = {}): asserts value is Cents {
  if (!isCents(value) || value < 0 || (positive && value === 0)) throw new InvalidAmountError(field, value);
}

function assertId(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new ValidationError({ [field]: 'errors.invalid' });
}

/** Zero-amount lines say nothing: drop them, then hold the rest to the posting rules. */
function postable(lines: PostingLine[]): PostingLine[] {
  const kept = lines.filter((line) => line.amount !== 0);
  if (kept.length > 0) validateLines(kept);
  return kept;
}

export interface CloseEventInput {
  eventId: number;
  /** Ticket income booked for the event (the credit balance of `income:tickets` for it, as a positive number). */
  income: Cents;
  /** Logistics spent on the event (the debit balance of `expenses:event_logistics` for it). */
  logistics: Cents;
  /** The visuals fund's part of a surplus, 0..10 000 basis points; book editing gets the rest. */
  split: { visualsBasisPoints: number };
  /** The fund that absorbs a deficit: `funds:general`, or any other fund account. */
  coverDeficitFrom: string;
}

export interface EventClosing {
  kind: 'surplus' | 'deficit' | 'even';
  surplus: Cents;
  toVisuals: Cents;
  toBookEditing: Cents;
  deficit: Cents;
  /** Every line carries the event id; empty when there was neither income nor logistics. */
  lines: PostingLine[];
}

/**
 * Closes an event: debits `income:tickets` by its income and credits `expenses:event_logistics`
 * by its logistics, zeroing both for the event; a surplus is credited to `funds:visuals` and
 * `funds:book_editing` by largest remainder on basis points (an exact half cent goes to the
 * larger part, and to visuals at 50/50); a deficit is debited to the covering fund.
 */
export function closeEvent(input: CloseEventInput): EventClosing {
  const { eventId, income, logistics, coverDeficitFrom } = input;
  const basisPoints = input.split.visualsBasisPoints;
  assertId(eventId, 'eventId');
  assertAmount(income, 'income');
  assertAmount(logistics, 'logistics');
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > BASIS_POINTS) {
    throw new InvalidSplitError(`visualsBasisPoints ${basisPoints}`);
  }
  const cover = parseAccount(coverDeficitFrom);
  if (!cover) throw new UnknownAccountError(coverDeficitFrom);
  if (cover.type !== 'fund') throw new ValidationError({ coverDeficitFrom: 'errors.invalid' });

  const surplus = Math.max(income - logistics, 0);
  const deficit = Math.max(logistics - income, 0);
  // The key prefixes order the final tie-break (equal remainders and equal weights): visuals first.
  const [visuals, bookEditing] = splitLargestRemainder(surplus, [
    { key: '0:funds:visuals', weight: basisPoints },
    { key: '1:funds:book_editing', weight: BASIS_POINTS - basisPoints },
  ]);
  const toVisuals = visuals?.amount ?? 0;
  const toBookEditing = bookEditing?.amount ?? 0;

  const lines = postable([
    debit('income:tickets', income, eventId),
    credit('expenses:event_logistics', logistics, eventId),
    credit('funds:visuals', toVisuals, eventId),
    credit('funds:book_editing', toBookEditing, eventId),
    debit(cover.code, deficit, eventId),
  ]);
  const kind = surplus > 0 ? 'surplus' : deficit > 0 ? 'deficit' : 'even';
  return { kind, surplus, toVisuals, toBookEditing, deficit, lines };
}

export interface BookSaleInput {
  /** Copies sold, ≥ 1. */
  quantity: number;
  unitPrice: Cents;
  manufacturingCostPerCopy: Cents;
  /** The payment provider's fees on this sale. */
  fees: Cents;
  /** Who shares the royalties, and by what weight (chapters, words…). */
  contributors: readonly { contributorId: number; weight: number }[];
}

export interface BookSale {
  gross: Cents;
  manufacturing: Cents;
  fees: Cents;
  /** gross − manufacturing − fees; negative for a sale at a loss (then nothing is shared). */
  net: Cents;
  /** One per contributor, in input order; all 0 when net ≤ 0. */
  shares: { contributorId: number; amount: Cents }[];
  lines: PostingLine[];
}

/** A contributor id as a split key whose code-unit order is numeric order (ids have ≤ 16 digits). */
function contributorKey(contributorId: number): string {
  return String(contributorId).padStart(16, '0');
}

/**
 * Books a sale of copies of the book. The gross is received by the payment provider (debit
 * `assets:payment_provider`, credit `income:book_sales`); manufacturing is paid from the bank
 * (debit `expenses:book_manufacturing`, credit `assets:bank`); the provider keeps its fees (debit
 * `expenses:payment_fees`, credit `assets:payment_provider`). A positive net becomes royalties
 * owed: an expense `expenses:royalties` is debited and each contributor's
 * `liabilities:royalties:<id>` credited with a largest-remainder share of the weights (ties to
 * the smaller id). Income stays intact, so sales reports read the true gross.
 */
export function bookSale(input: BookSaleInput): BookSale {
  const { quantity, unitPrice, manufacturingCostPerCopy, fees, contributors } = input;
  if (contributors.length === 0) throw new NoRecipientsError('a book sale needs contributors');
  assertAmount(quantity, 'quantity', { positive: true });
  assertAmount(unitPrice, 'unitPrice');
  assertAmount(manufacturingCostPerCopy, 'manufacturingCostPerCopy');
  assertAmount(fees, 'fees');
  for (const { contributorId } of contributors) assertId(contributorId, 'contributorId');

  const gross = quantity * unitPrice;
  const manufacturing = quantity * manufacturingCostPerCopy;
  assertAmount(gross, 'gross');
  assertAmount(manufacturing, 'manufacturing');
  const net = gross - manufacturing - fees;
  if (!isCents(net)) throw new InvalidAmountError('net', net);

  const split = splitLargestRemainder(
    Math.max(net, 0),
    contributors.map((c) => ({ key: contributorKey(c.contributorId), weight: c.weight })),
  );
  const shares = contributors.map((c, i) => ({ contributorId: c.contributorId, amount: split[i]?.amount ?? 0 }));

  const lines = postable([
    debit('assets:payment_provider', gross),
    credit('income:book_sales', gross),
    debit('expenses:book_manufacturing', manufacturing),
    credit('assets:bank', manufacturing),
    debit('expenses:payment_fees', fees),
    credit('assets:payment_provider', fees),
    debit('expenses:royalties', Math.max(net, 0)),
    ...shares.map((share) => credit(royaltiesAccount(share.contributorId), share.amount)),
  ]);
  return { gross, manufacturing, fees, net, shares, lines };
}

/**
 * Pays a contributor part or all of what they are owed: debit `liabilities:royalties:<id>`,
 * credit `assets:bank`. `owed` is what the liability account holds, as a positive number.
 * Refuses an amount ≤ 0 (InvalidAmountError) or above `owed` (RoyaltyOverpaymentError).
 */
export function royaltyPayout(input: { contributorId: number; amount: Cents; owed: Cents }): PostingLine[] {
  const { contributorId, amount, owed } = input;
  assertId(contributorId, 'contributorId');
  assertAmount(amount, 'amount', { positive: true });
  if (!isCents(owed)) throw new InvalidAmountError('owed', owed);
  if (amount > owed) throw new RoyaltyOverpaymentError(amount, owed);
  return postable([debit(royaltiesAccount(contributorId), amount), credit('assets:bank', amount)]);
}
