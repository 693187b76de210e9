/**
 * Typed errors of the ledger's domain rules. Each has a stable code, the HTTP status 422 (the
 * request was understood but breaks a bookkeeping rule) and a message key for the person; the
 * detail (amounts, account codes) goes to the logs only.
 */
import { AppError } from '../../../shared/errors.ts';

export { InvalidAmountError } from '../../../shared/money.ts';

/** The lines of a transaction do not add up to exactly zero cents. */
export class UnbalancedTransactionError extends AppError {
  constructor(public readonly imbalance: bigint) {
    super('unbalanced_transaction', 422, 'errors.ledger.unbalanced', `lines sum to ${imbalance} cents, not 0`);
  }
}

/** An account code is not in the chart of accounts. */
export class UnknownAccountError extends AppError {
  constructor(public readonly account: string) {
    super('unknown_account', 422, 'errors.ledger.unknownAccount', account);
  }
}

/** A transaction has fewer than two lines: there is nothing to balance. */
export class EmptyTransactionError extends AppError {
  constructor(public readonly lineCount: number) {
    super('empty_transaction', 422, 'errors.ledger.emptyTransaction', `${lineCount} line(s)`);
  }
}

/** A split was asked with a bad total or bad weights (negative, not finite, all zero, repeated key). */
export class InvalidSplitError extends AppError {
  constructor(detail: string) {
    super('invalid_split', 422, 'errors.ledger.invalidSplit', detail);
  }
}

/** A split was asked with nobody to receive it. */
export class NoRecipientsError extends AppError {
  constructor(detail?: string) {
    super('no_recipients', 422, 'errors.ledger.noRecipients', detail);
  }
}

/** A royalty payout larger than what the programme owes the contributor. */
export class RoyaltyOverpaymentError extends AppError {
  constructor(
    public readonly amount: number,
    public readonly owed: number,
  ) {
    super('royalty_overpayment', 422, 'errors.ledger.royaltyOverpayment', { detail: `pay ${amount} > owed ${owed}`, field: 'amount' });
  }
}
