import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACCOUNT_KINDS,
  accountLabelKey,
  eventFundAccount,
  isKnownAccount,
  naturalBalance,
  parseAccount,
  royaltiesAccount,
} from './accounts.ts';
import { UnknownAccountError } from './errors.ts';

describe('parseAccount', () => {
  it.each([
    { code: 'assets:bank', type: 'asset', side: 'debit' },
    { code: 'assets:payment_provider', type: 'asset', side: 'debit' },
    { code: 'income:tickets', type: 'income', side: 'credit' },
    { code: 'income:book_sales', type: 'income', side: 'credit' },
    { code: 'income:donations', type: 'income', side: 'credit' },
    { code: 'expenses:event_logistics', type: 'expense', side: 'debit' },
    { code: 'expenses:visuals', type: 'expense', side: 'debit' },
    { code: 'expenses:book_editing', type: 'expense', side: 'debit' },
    { code: 'expenses:book_manufacturing', type: 'expense', side: 'debit' },
    { code: 'expenses:payment_fees', type: 'expense', side: 'debit' },
    { code: 'expenses:royalties', type: 'expense', side: 'debit' },
    { code: 'funds:visuals', type: 'fund', side: 'credit' },
    { code: 'funds:book_editing', type: 'fund', side: 'credit' },
    { code: 'funds:general', type: 'fund', side: 'credit' },
  ])('fixed $code is a $type account, normally $side', ({ code, type, side }) => {
    expect(parseAccount(code)).toEqual({ code, type, normalSide: side, kind: code });
    expect(isKnownAccount(code)).toBe(true);
  });

  it.each([
    { code: 'funds:event:42', type: 'fund', side: 'credit', kind: 'funds:event', param: 42 },
    { code: 'funds:event:1', type: 'fund', side: 'credit', kind: 'funds:event', param: 1 },
    { code: 'liabilities:royalties:7', type: 'liability', side: 'credit', kind: 'liabilities:royalties', param: 7 },
    {
      code: 'liabilities:royalties:9007199254740991',
      type: 'liability',
      side: 'credit',
      kind: 'liabilities:royalties',
      param: 9007199254740991,
    },
  ])('parameterised $code', ({ code, type, side, kind, param }) => {
    expect(parseAccount(code)).toEqual({ code, type, normalSide: side, kind, param });
  });

  it.each([
    '',
    'assets',
    'assets:cash',
    'Assets:bank',
    'assets:bank ',
    ' assets:bank',
    'assets:bank:1',
    'funds:visuals:3',
    'income:tickets:3',
    'expenses:book_royalties',
    'funds:event',
    'funds:event:',
    'funds:event:0',
    'funds:event:042',
    'funds:event:-1',
    'funds:event:1.5',
    'funds:event:1e3',
    'funds:event:9007199254740992',
    'liabilities:royalties',
    'liabilities:royalties:abc',
    'liabilities:other:3',
    'toString',
    '__proto__',
    'constructor',
    'hasOwnProperty',
  ])('"%s" is unknown', (code) => {
    expect(parseAccount(code)).toBeNull();
    expect(isKnownAccount(code)).toBe(false);
  });
});

describe('account builders', () => {
  it('writes the canonical code', () => {
    expect(eventFundAccount(42)).toBe('funds:event:42');
    expect(royaltiesAccount(7)).toBe('liabilities:royalties:7');
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])('refuses id %s', (id) => {
    expect(() => eventFundAccount(id)).toThrow(UnknownAccountError);
    expect(() => royaltiesAccount(id)).toThrow(UnknownAccountError);
  });

  it('round-trips any id through the code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (id) => {
        expect(parseAccount(eventFundAccount(id))?.param).toBe(id);
        expect(parseAccount(royaltiesAccount(id))?.param).toBe(id);
      }),
    );
  });
});

describe('accountLabelKey', () => {
  it.each([
    { code: 'assets:bank', key: 'ledger.account.assets:bank' },
    { code: 'expenses:royalties', key: 'ledger.account.expenses:royalties' },
    { code: 'funds:event:42', key: 'ledger.account.funds:event' },
    { code: 'liabilities:royalties:7', key: 'ledger.account.liabilities:royalties' },
  ])('$code → $key', ({ code, key }) => {
    expect(accountLabelKey(code)).toBe(key);
  });

  it('refuses an unknown account', () => {
    expect(() => accountLabelKey('assets:cash')).toThrow(UnknownAccountError);
  });

  it('has one key per kind of account: 14 fixed and 2 parameterised', () => {
    expect(ACCOUNT_KINDS).toHaveLength(16);
    expect(new Set(ACCOUNT_KINDS.map((kind) => `ledger.account.${kind}`)).size).toBe(16);
    expect(ACCOUNT_KINDS.slice(-2)).toEqual(['funds:event', 'liabilities:royalties']);
  });
});

describe('naturalBalance', () => {
  it.each([
    { code: 'assets:bank', balance: 50000, expected: 50000 },
    { code: 'assets:bank', balance: -300, expected: -300 },
    { code: 'expenses:visuals', balance: 1200, expected: 1200 },
    { code: 'funds:visuals', balance: -50000, expected: 50000 },
    { code: 'income:tickets', balance: -1000, expected: 1000 },
    { code: 'liabilities:royalties:3', balance: -250, expected: 250 },
    { code: 'funds:general', balance: 400, expected: -400 },
  ])('$code at $balance reads $expected', ({ code, balance, expected }) => {
    expect(naturalBalance(code, balance)).toBe(expected);
  });

  it('reads an empty credit account as plain 0', () => {
    expect(Object.is(naturalBalance('funds:general', 0), 0)).toBe(true);
  });

  it('refuses an unknown account', () => {
    expect(() => naturalBalance('funds:nope', 0)).toThrow(UnknownAccountError);
  });
});
