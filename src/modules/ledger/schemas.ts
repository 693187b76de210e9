import { z } from 'zod';
import { euros, text } from '../../shared/http/form.ts';
import { SLUG_PATTERN } from '../../shared/slug.ts';
import { EXPENSE_CATEGORIES } from './expense-categories.ts';

export { euros };

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int('errors.invalid').positive('errors.invalid').nullable());
const requiredId = z.preprocess((v) => (v === '' || v === undefined ? NaN : Number(v)), z.number('errors.required').int('errors.invalid').positive('errors.invalid'));
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
export const splitSchema = z.object({
  visuals_percent: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.replace(',', '.')) : NaN),
    z.number('errors.required').min(0, 'errors.invalid').max(100, 'errors.invalid').refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, 'errors.invalid'),
  ),
});
export const bookSchema = z.object({
  title: text(200),
  slug: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''), z.string().min(1, 'errors.required').max(80, 'errors.tooLong').regex(SLUG_PATTERN, 'errors.slugFormat')),
  unit_price: euros(),
  manufacturing_cost: euros({ allowZero: true }),
  split_method: z.enum(['equal', 'weights'], 'errors.invalid'),
});
export const saleSchema = z.object({
  book_id: requiredId,
  quantity: z.preprocess((v) => (v === '' || v === undefined ? NaN : Number(v)), z.number('errors.required').int('errors.invalid').min(1, 'errors.invalid').max(100_000, 'errors.invalid')),
  fees: euros({ allowZero: true }),
  key: formKey,
});
export const payoutSchema = z.object({ contributor_id: requiredId, amount: euros(), key: formKey });
