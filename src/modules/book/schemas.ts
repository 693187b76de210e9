/** One zod schema per input of the book desk. */
import { z } from 'zod';
import { euros, text } from '../../shared/http/form.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/slug.ts';
import { SPLIT_METHODS } from './domain/split-method.ts';

const positiveInt = (max: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? NaN : Number(v)), z.number('errors.required').int('errors.invalid').min(1, 'errors.invalid').max(max, 'errors.invalid'));
/** A one-time key put in the form when it is shown: a double submit carries the same key. */
const formKey = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'errors.invalid'));

/** `weight_<contributor id>`: one field per contributor of the programme; empty or 0 leaves them out. */
const WEIGHT_FIELD = /^weight_(\d{1,15})$/;
const MAX_WEIGHT = 100_000;

/** A new book: its prices, how royalties are shared, and the weight of each contributor who shares them. */
export const bookSchema = z
  .looseObject({
    title: text(200),
    slug: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''), z.string().min(1, 'errors.required').max(SLUG_MAX_LENGTH, 'errors.tooLong').regex(SLUG_PATTERN, 'errors.slugFormat')),
    unit_price: euros(),
    manufacturing_cost: euros({ allowZero: true }),
    split_method: z.enum(SPLIT_METHODS, 'errors.invalid'),
  })
  .transform(({ title, slug, unit_price, manufacturing_cost, split_method, ...fields }, ctx) => {
    const contributors: { contributorId: number; weight: number }[] = [];
    for (const [name, raw] of Object.entries(fields)) {
      const match = WEIGHT_FIELD.exec(name);
      if (!match || typeof raw !== 'string' || raw.trim() === '') continue;
      const weight = Number(raw);
      if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) {
        ctx.addIssue({ code: 'custom', path: ['contributors'], message: 'errors.invalid' });
        return z.NEVER;
      }
      if (weight > 0) contributors.push({ contributorId: Number(match[1]), weight });
    }
    return { title, slug, unitPrice: unit_price, manufacturingCost: manufacturing_cost, splitMethod: split_method, contributors };
  });

/** A sale of paper copies of one book. */
export const saleSchema = z.object({
  book_id: positiveInt(Number.MAX_SAFE_INTEGER),
  quantity: positiveInt(100_000),
  fees: euros({ allowZero: true }),
  key: formKey,
});
