/**
 * The chart of accounts as data. Codes are `type:name` strings; two kinds take a parameter, an id
 * written in canonical decimal (`funds:event:42`, never `funds:event:042`), so one account can
 * only be spelt one way.
 *
 * Sign convention for amounts on lines and balances: debit > 0, credit < 0. Assets and expenses
 * normally carry a debit (positive) balance; liabilities, income and funds a credit (negative)
 * one. `naturalBalance` flips the sign for display.
 */
import type { MessageKey } from '../../../shared/i18n/index.ts';
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
/** A fixed account code, or the family of a parameterised one. */
export type AccountKind = FixedAccount | ParameterisedKind;

/** Every kind of account, fixed ones first, in chart order (one label key each). */
export const ACCOUNT_KINDS = [
  ...Object.keys(FIXED_ACCOUNTS),
  ...Object.keys(PARAMETERISED_ACCOUNTS),
] as readonly AccountKind[];

export interface ParsedAccount {
  code: string;
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
    const type = FIXED_ACCOUNTS[code as FixedAccount];
    return { code, type, normalSide: NORMAL_SIDE[type], kind: code as FixedAccount };
  }
  const match = PARAMETERISED.exec(code);
  if (!match) return null;
  const [, kind = '', digits = ''] = match;
  const param = Number(digits);
  if (!Object.hasOwn(PARAMETERISED_ACCOUNTS, kind) || !Number.isSafeInteger(param)) return null;
  const type = PARAMETERISED_ACCOUNTS[kind as ParameterisedKind];
  return { code, type, normalSide: NORMAL_SIDE[type], kind: kind as ParameterisedKind, param };
}

/** Whether the chart knows this account code. */
export function isKnownAccount(code: string): boolean {
  return parseAccount(code) !== null;
}

function isId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

/** The fund holding money earmarked for one event; throws UnknownAccountError for a bad id. */
export function eventFundAccount(eventId: number): string {
  if (!isId(eventId)) throw new UnknownAccountError(`funds:event:${eventId}`);
  return `funds:event:${eventId}`;
}

/** What the programme owes one contributor; throws UnknownAccountError for a bad id. */
export function royaltiesAccount(contributorId: number): string {
  if (!isId(contributorId)) throw new UnknownAccountError(`liabilities:royalties:${contributorId}`);
  return `liabilities:royalties:${contributorId}`;
}

/**
 * The i18n key naming an account for people: `ledger.account.<kind>`, one per kind, so
 * `funds:event:42` reads `ledger.account.funds:event` (its text takes an `{id}` parameter).
 */
export function accountLabelKey(code: string): MessageKey {
  const account = parseAccount(code);
  if (!account) throw new UnknownAccountError(code);
  return `ledger.account.${account.kind}` as MessageKey;
}

/**
 * A balance as people read it, positive when the account holds what it normally holds: a fund
 * of 500 € (credit, −50000 in the ledger) reads +50000.
 */
export function naturalBalance(code: string, balance: Cents): Cents {
  const account = parseAccount(code);
  if (!account) throw new UnknownAccountError(code);
  return account.normalSide === 'debit' ? balance : 0 - balance;
}
