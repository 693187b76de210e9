/** One zod schema per input of the book desk. */
import { z } from 'zod';
import { emailField, euros, text } from '../../shared/http/form.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/slug.ts';
import { ENTRY_KINDS } from './domain/build-status.ts';
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

const slugField = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''), z.string().min(1, 'errors.required').max(SLUG_MAX_LENGTH, 'errors.tooLong').regex(SLUG_PATTERN, 'errors.slugFormat'));
const optionalInt = z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number('errors.invalid').int('errors.invalid').min(1, 'errors.invalid').max(1_000_000, 'errors.invalid').nullable());

/** A book's details, at the book editor. */
export const bookDetailsSchema = z.object({
  title: text(200),
  subtitle: text(300, { optional: true }),
  slug: slugField,
  edition: text(40),
  language: z.enum(['fr', 'en'], 'errors.invalid'),
  about_md: text(20_000, { optional: true }),
  remove_cover: z.preprocess((v) => v === 'on' || v === '1', z.boolean()),
});

export const bookIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
export const entryParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER), entryId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** A part, a published piece (current text or a pinned revision) or an editor's text, added at the end. */
export const addEntrySchema = z.object({
  kind: z.enum(ENTRY_KINDS, 'errors.invalid'),
  title: text(300, { optional: true }),
  piece_id: optionalInt,
  revision_number: optionalInt,
  body_md: text(200_000, { optional: true }),
});

export const updateEntrySchema = z.object({
  title: text(300, { optional: true }),
  revision_number: optionalInt,
  body_md: text(200_000, { optional: true }),
});

export const moveSchema = z.object({ move: z.enum(['up', 'down', 'first', 'last'], 'errors.invalid') });

/** The whole order after a drag and drop: entry ids, comma-separated. */
export const orderSchema = z.object({
  order: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().regex(/^\d{1,15}(,\d{1,15}){0,20000}$/, 'errors.invalid').transform((s) => s.split(',').map(Number))),
});

/** Prices and the shop, at the book editor (admins). */
export const shopSettingsSchema = z.object({
  unit_price: euros({ allowZero: true }),
  manufacturing_cost: euros({ allowZero: true }),
  shop_open: z.preprocess((v) => v === 'on' || v === '1', z.boolean()),
});

/** A paper order in the shop. */
export const bookOrderSchema = z.object({
  name: text(120),
  email: emailField,
  address: text(300),
  postal_code: text(20),
  city: text(120),
  country: text(80),
  shipping: z.enum(['pickup', 'france', 'europe', 'world'], 'errors.invalid'),
  quantity: positiveInt(20),
  key: formKey,
});

export const orderPageParams = z.object({ publicId: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/) });
export const orderPageQuery = z.object({ token: z.string().max(100).optional() });
export const refundSchema = z.object({ reason: text(300) });

/** A stored file of the web edition: a page, the stylesheet, or an image. */
export const webFileParams = z.object({ slug: z.string().min(1).max(200), '*': z.string().regex(/^([a-z0-9-]{1,40}\.(html|css)|images\/img-[0-9a-f]{20}\.(png|jpg|gif))$/) });
export const downloadParams = z.object({ slug: z.string().min(1).max(200), format: z.enum(['epub', 'pdf', 'print-pdf']) });
