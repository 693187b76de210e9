/** One zod schema per input of the ledger: route params, query strings and form bodies. */
import { z } from 'zod';
import { euros, text } from '../../shared/http/form.ts';
import { isKnownAccount } from './domain/accounts.ts';
import { EXPENSE_CATEGORIES } from './domain/expense-categories.ts';
import { pageParam } from '../../shared/pagination.ts';

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int('errors.invalid').positive('errors.invalid').nullable());
const requiredId = z.preprocess((v) => (v === '' || v === undefined ? NaN : Number(v)), z.number('errors.required').int('errors.invalid').positive('errors.invalid').max(Number.MAX_SAFE_INTEGER, 'errors.invalid'));
/** A one-time key put in the form when it is shown: a double submit carries the same key. */
const formKey = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'errors.invalid'));

export const incomeSchema = z.object({
  kind: z.enum(['tickets', 'donation'], 'errors.invalid'),
  event_id: optionalId,
  amount: euros(),
  description: text(300),
  key: formKey,
});

export const expenseSchema = z.object({
  category: z.enum(EXPENSE_CATEGORIES, 'errors.invalid'),
  event_id: optionalId,
  amount: euros(),
  payee: text(200),
  description: text(500),
  key: formKey,
});

export const approveSchema = z.object({ override_reason: text(500, { optional: true }) });
export const rejectSchema = z.object({ reason: text(500) });
export const reverseSchema = z.object({ transaction_id: requiredId, reason: text(500) });
/** The visuals share as people type it (a percentage, two decimals at most) → basis points. */
export const splitSchema = z
  .object({
    visuals_percent: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.replace(',', '.')) : NaN),
      z.number('errors.required').min(0, 'errors.invalid').max(100, 'errors.invalid').refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, 'errors.invalid'),
    ),
  })
  .transform(({ visuals_percent }) => ({ basisPoints: Math.round(visuals_percent * 100) }));
export const payoutSchema = z.object({ contributor_id: requiredId, amount: euros(), key: formKey });

/** A calendar day as typed in a date field (YYYY-MM-DD, a real day). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z.string().regex(DAY).refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s));
const DAY_MS = 24 * 3600 * 1000;

/**
 * The filter of a transactions URL (the list and the exports). A malformed filter is a bad
 * request; a bad page number reads as the first page.
 */
export const transactionsQuery = z
  .object({
    account: z.string().refine(isKnownAccount).optional(),
    prefix: z.string().regex(/^[a-z_]+:[a-z_]+$/).optional(),
    event: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number).optional(),
    cause: z.string().regex(/^[a-z_]{1,40}$/).optional(),
    from: day.optional(),
    to: day.optional(),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .transform((q) => ({
    page: q.page,
    filter: {
      ...(q.account !== undefined ? { account: q.account } : {}),
      ...(q.prefix !== undefined ? { accountPrefix: `${q.prefix}:` } : {}),
      ...(q.event !== undefined ? { eventId: q.event } : {}),
      ...(q.cause !== undefined ? { causeType: q.cause } : {}),
      ...(q.from !== undefined ? { from: new Date(q.from).toISOString() } : {}),
      // `to` is inclusive for people: up to the end of that day.
      ...(q.to !== undefined ? { to: new Date(Date.parse(q.to) + DAY_MS).toISOString() } : {}),
    },
    /** The filter as it was asked, for the page's links (pagination, exports). */
    query: new URLSearchParams(Object.entries({ account: q.account, prefix: q.prefix, event: q.event, cause: q.cause, from: q.from, to: q.to }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString(),
  }));
export type TransactionsQuery = z.output<typeof transactionsQuery>;

/** The FEC's financial year (a calendar year); none: the current one. */
export const fecQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** A royalty statement's period; a missing or malformed day falls back to the current year's bounds. */
export const statementQuery = z.object({ from: day.optional().catch(undefined), to: day.optional().catch(undefined) });

/** The transparency page: which page of the evenings, newest first (a missing or absurd value is the first). */
export const transparencyQuery = z.object({ page: pageParam });
