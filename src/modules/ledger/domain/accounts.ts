/**
 * The chart of accounts as data. Codes are `type:name` strings; two kinds take a parameter, an id
 * written in canonical decimal (`funds:event:42`, never `funds:event:042`), so one account can
 * only be spelt one way.
 *
 * Sign convention for amounts on lines and balances: debit > 0, credit < 0. Assets and expenses
 * normally carry a debit (positive) balance; liabilities, income and funds a credit (negative)
 * one. `naturalBalance` flips the sign for display.
 */
import type { Cents } from '../../../shared/money.ts';
import { UnknownAccountError } from './errors.ts';

export type AccountType = 'asset' | 'liability' | 'income' | 'expense' | 'fund';
export type Side = 'debit' | 'credit';

/** The side on which each type of account grows. */
export const NORMAL_SIDE: Readonly<Record<AccountType, Side>> = {
  asset: 'debit',
  expense: 'debit',
  liability: 'credit',
  income: 'credit',
  fund: 'credit',
};

/** Accounts that exist once. */
export const FIXED_ACCOUNTS = {
  'assets:bank': 'asset',
  'assets:payment_provider': 'asset',
  'income:tickets': 'income',
  'income:book_sales': 'income',
  'income:donations': 'income',
  'expenses:event_logistics': 'expense',
  'expenses:visuals': 'expense',
  'expenses:book_editing': 'expense',
  'expenses:book_manufacturing': 'expense',
  'expenses:payment_fees': 'expense',
  'expenses:royalties': 'expense',
  'funds:visuals': 'fund',
  'funds:book_editing': 'fund',
  'funds:general': 'fund',
} as const satisfies Record<string, AccountType>;

/** Accounts that exist once per event or per contributor: `<kind>:<id>`. */
export const PARAMETERISED_ACCOUNTS = {
  'funds:event': 'fund',
  'liabilities:royalties': 'liability',
} as const satisfies Record<string, AccountType>;

export type FixedAccount = keyof typeof FIXED_ACCOUNTS;
export type ParameterisedKind = keyof typeof PARAMETERISED_ACCOUNTS;
/** The fund of one event (built by `eventFundAccount`). */
export type EventFundAccount = `funds:event:${number}`;
/** What the programme owes one contributor (built by `royaltiesAccount`). */
export type RoyaltiesAccount = `liabilities:royalties:${number}`;
/**
 * An account code of the chart. Only the ledger writes them: other modules say what happened
 * (a ticket paid, a book sold) and the ledger's intents choose the accounts.
 */
export type AccountCode = FixedAccount | EventFundAccount | RoyaltiesAccount;
/** A fixed account code, or the family of a parameterised one. */
export type AccountKind = FixedAccount | ParameterisedKind;

/** Every kind of account, fixed ones first, in chart order (one label key each). */
export const ACCOUNT_KINDS = [
  ...Object.keys(FIXED_ACCOUNTS),
  ...Object.keys(PARAMETERISED_ACCOUNTS),
] as readonly AccountKind[];

export interface ParsedAccount {
  code: AccountCode;
  type: AccountType;
  normalSide: Side;
  /** The fixed code itself, or `funds:event` / `liabilities:royalties`. */
  kind: AccountKind;
  /** The event or contributor id of a parameterised account. */
  param?: number;
}

const PARAMETERISED = /^([a-z_]+:[a-z_]+):([1-9]\d*)$/;

/** Reads an account code against the chart; null when it is not an account the chart knows. */
export function parseAccount(code: string): ParsedAccount | null {
  if (Object.hasOwn(FIXED_ACCOUNTS, code)) {
    const fixed = code as FixedAccount;
    const type = FIXED_ACCOUNTS[fixed];
    return { code: fixed, type, normalSide: NORMAL_SIDE[type], kind: fixed };
  }
  const match = PARAMETERISED.exec(code);
  if (!match) return null;
  const [, kind = '', digits = ''] = match;
  const param = Number(digits);
  if (!Object.hasOwn(PARAMETERISED_ACCOUNTS, kind) || !Number.isSafeInteger(param)) return null;
  const family = kind as ParameterisedKind;
  const type = PARAMETERISED_ACCOUNTS[family];
  return { code: `${family}:${param}`, type, normalSide: NORMAL_SIDE[type], kind: family, param };
}

/** Whether the chart knows this account code. */
export function isKnownAccount(code: string): code is AccountCode {
  return parseAccount(code) !== null;
}

/** A stored or typed account code, checked against the chart; throws UnknownAccountError. */
export function accountCode(code: string): AccountCode {
  const account = parseAccount(code);
  if (!account) throw new UnknownAccountError(code);
  return account.code;
}

function isId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

/** The fund holding money earmarked for one event; throws UnknownAccountError for a bad id. */
export function eventFundAccount(eventId: number): EventFundAccount {
  if (!isId(eventId)) throw new UnknownAccountError(`funds:event:${eventId}`);
  return `funds:event:${eventId}`;
}

/** What the programme owes one contributor; throws UnknownAccountError for a bad id. */
export function royaltiesAccount(contributorId: number): RoyaltiesAccount {
  if (!isId(contributorId)) throw new UnknownAccountError(`liabilities:royalties:${contributorId}`);
  return `liabilities:royalties:${contributorId}`;
}

/**
 * The i18n key naming an account for people: `ledger.account.<kind>`, one per kind, so
 * `funds:event:42` reads `ledger.account.funds:event` (its text takes an `{id}` parameter).
 */
export function accountLabelKey(code: string): AccountLabelKey {
  const account = parseAccount(code);
  if (!account) throw new UnknownAccountError(code);
  return `ledger.account.${account.kind}`;
}

/** The i18n keys naming the accounts, one per kind (each is in the ledger's catalogue fragment). */
export type AccountLabelKey = `ledger.account.${AccountKind}`;

/**
 * A balance as people read it, positive when the account holds what it normally holds: a fund
 * of 500 € (credit, −50000 in the ledger) reads +50000.
 */
export function naturalBalance(code: string, balance: Cents): Cents {
  const account = parseAccount(code);
  if (!account) throw new UnknownAccountError(code);
  return account.normalSide === 'debit' ? balance : 0 - balance;
}
