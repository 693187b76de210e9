import { LANGS } from '../../../shared/i18n/index.ts';
import { z } from 'zod';
import { emailField, euros, localDateTime, text } from '../../../shared/http/form.ts';
import { TICKET_KINDS } from './domain/order.ts';


const formKey = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'errors.invalid'));
const positiveInt = (max: number, fallback?: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? (fallback ?? NaN) : Number(v)),
    z.number('errors.required').int('errors.invalid').min(1, 'errors.invalid').max(max, 'errors.invalid'),
  );
// A generous ceiling: 10 000 € per seat keeps every total a safe integer of cents.
const optionalEuros = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? v : undefined),
  euros({ allowZero: true }).refine((c) => c <= 1_000_000, 'tickets.offeredTooHigh').optional(),
);

export const orderSchema = z.object({
  ticket_type_id: positiveInt(1e9),
  quantity: positiveInt(20, 1),
  name: text(120),
  email: emailField,
  offered: optionalEuros,
  code: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : ''), z.string().max(40, 'errors.tooLong')),
  key: formKey,
  /** Through the site's provider (a transfer, or a card), or at the door where the evening allows it. */
  payment: z.preprocess((v) => (v === undefined || v === '' ? 'online' : v), z.enum(['online', 'door'], 'errors.invalid')),
});

export const waitlistSchema = z.object({ ticket_type_id: positiveInt(1e9), name: text(120), email: emailField });

export const ticketTypeSchema = z.object({
  kind: z.enum(TICKET_KINDS, 'errors.invalid'),
  name: text(80),
  price: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v : '0'), euros({ allowZero: true })),
  quota: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int('errors.invalid').min(0, 'errors.invalid').max(100_000, 'errors.invalid').nullable()),
  max_per_order: positiveInt(20, 1),
  /** The language the name is written in. */
  language: z.preprocess((v) => v || 'fr', z.enum(LANGS, 'errors.invalid')),
});

export const codeSchema = z.object({
  code: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : ''), z.string().max(40, 'errors.tooLong').regex(/^[A-Z0-9-]*$/, 'errors.slugFormat')),
  price: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v : '0'), euros({ allowZero: true })),
  max_uses: positiveInt(10_000),
  expires_at: localDateTime({ optional: true }),
  note: text(200, { optional: true }),
});

/** An order's public id in the path (random, URL-safe). */
export const orderParams = z.object({ publicId: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/) });
/** The secret of an order's link, in the query string (a missing or wrong one is a 404, like an unknown order). */
export const orderLinkQuery = z.object({ token: z.string().max(100).optional() });
/** Forms on the order page carry the link's secret. */
export const orderTokenBody = z.object({ token: z.string().max(100).optional() });
export const cancelEventBody = z.object({ confirm: z.literal('yes', 'ticketing.cancelNeedsConfirm') });
export const checkinBody = z.object({ code: z.preprocess((v) => (typeof v === 'string' ? v.slice(0, 300) : ''), z.string()) });
