import { LANGS } from '../../shared/i18n/index.ts';
import { z } from 'zod';
import { list, localDateTime, text } from '../../shared/http/form.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/slug.ts';

/** A date and time typed in the form (Paris time), and the same optional (empty is null). */
const localDate = localDateTime();
const optionalLocalDate = localDateTime({ optional: true });

export const eventSchema = z.object({
  title: text(200),
  slug: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
    z.string().max(SLUG_MAX_LENGTH, 'errors.tooLong').refine((s) => s === '' || SLUG_PATTERN.test(s), 'errors.slugFormat'),
  ),
  series_id: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int('errors.invalid').positive('errors.invalid').nullable()),
  theme_id: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int('errors.invalid').positive('errors.invalid').nullable()),
  description: text(50_000, { optional: true }),
  venue: text(200, { optional: true }),
  address: text(500, { optional: true }),
  starts_at: localDate,
  ends_at: localDate,
  capacity: z.preprocess((v) => (v === '' || v === undefined ? NaN : Number(v)), z.number('errors.required').int('errors.invalid').min(0, 'errors.invalid').max(100_000, 'errors.invalid')),
  registration_opens_at: optionalLocalDate,
  registration_closes_at: optionalLocalDate,
  // Cancelling is an action of its own (it notifies and refunds attendees), not a field.
  status: z.enum(['draft', 'published'], 'errors.invalid'),
  // One picker per speaker: the empty ones ("—") name nobody.
  speakers: z.preprocess((v) => (Array.isArray(v) ? v.filter((x) => x !== '') : v), list(z.coerce.number().int().positive('errors.invalid'))),
  /** How buyers may pay besides the site's provider: 'door' (at the entrance). */
  payment_options: list(z.enum(['door'], 'errors.invalid')),
  /** The language the evening is held in. */
  language: z.preprocess((v) => v || 'fr', z.enum(LANGS, 'errors.invalid')),
});

export const seriesSchema = z.object({
  title: text(200),
  slug: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
    z.string().max(SLUG_MAX_LENGTH, 'errors.tooLong').refine((s) => s === '' || SLUG_PATTERN.test(s), 'errors.slugFormat'),
  ),
  description: text(2000, { optional: true }),
});
