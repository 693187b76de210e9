import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import {
  EmptyTransactionError,
  InvalidAmountError,
  InvalidSplitError,
  NoRecipientsError,
  RoyaltyOverpaymentError,
  UnbalancedTransactionError,
  UnknownAccountError,
} from './errors.ts';

describe('ledger errors', () => {
  it.each([
    {
      error: new UnbalancedTransactionError(3n),
      name: 'UnbalancedTransactionError',
      code: 'unbalanced_transaction',
      key: 'errors.ledger.unbalanced',
      detail: 'lines sum to 3 cents, not 0',
    },
    {
      error: new InvalidAmountError('lines.0.amount', 1.5),
      name: 'InvalidAmountError',
      code: 'invalid_amount',
      key: 'errors.invalidAmount',
      detail: 'lines.0.amount: 1.5',
    },
    {
      error: new UnknownAccountError('assets:cash'),
      name: 'UnknownAccountError',
      code: 'unknown_account',
      key: 'errors.ledger.unknownAccount',
      detail: 'assets:cash',
    },
    {
      error: new EmptyTransactionError(1),
      name: 'EmptyTransactionError',
      code: 'empty_transaction',
      key: 'errors.ledger.emptyTransaction',
      detail: '1 line(s)',
    },
    {
      error: new InvalidSplitError('total -1'),
      name: 'InvalidSplitError',
      code: 'invalid_split',
      key: 'errors.ledger.invalidSplit',
      detail: 'total -1',
    },
    {
      error: new NoRecipientsError(),
      name: 'NoRecipientsError',
      code: 'no_recipients',
      key: 'errors.ledger.noRecipients',
      detail: 'no_recipients',
    },
    {
      error: new RoyaltyOverpaymentError(501, 500),
      name: 'RoyaltyOverpaymentError',
      code: 'royalty_overpayment',
      key: 'errors.ledger.royaltyOverpayment',
      detail: 'pay 501 > owed 500',
    },
  ])('$name: code $code, status 422, key $key', ({ error, name, code, key, detail }) => {
    expect(error).toBeInstanceOf(AppError);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.status).toBe(422);
    expect(error.messageKey).toBe(key);
    expect(error.message).toBe(detail);
  });

  it('keeps the facts for the logs', () => {
    expect(new UnbalancedTransactionError(-2n).imbalance).toBe(-2n);
    expect(new InvalidAmountError('fees', Number.NaN)).toMatchObject({ field: 'fees', value: Number.NaN });
    expect(new UnknownAccountError('x').account).toBe('x');
    expect(new EmptyTransactionError(0).lineCount).toBe(0);
    expect(new RoyaltyOverpaymentError(7, 6)).toMatchObject({ amount: 7, owed: 6 });
  });
});
