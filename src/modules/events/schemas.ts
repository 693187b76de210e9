import { z } from 'zod';
import { list, text } from '../../shared/http/form.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/slug.ts';
import { parseLocalDateTime } from '../../shared/time.ts';

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
/** A date and time typed in the form (Paris time): required. */
const localDate = z.preprocess(trimmed, z.string().min(1, 'errors.required').refine((s) => parseLocalDateTime(s) !== null, 'errors.date').transform((s) => parseLocalDateTime(s) as Date));
/** The same, optional: empty is null. */
const optionalLocalDate = z.preprocess(trimmed, z.string().refine((s) => s === '' || parseLocalDateTime(s) !== null, 'errors.date').transform((s) => (s ? parseLocalDateTime(s) : null)));

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
  speakers: list(z.coerce.number().int().positive('errors.invalid')),
});

export const seriesSchema = z.object({
  title: text(200),
  slug: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
    z.string().max(SLUG_MAX_LENGTH, 'errors.tooLong').refine((s) => s === '' || SLUG_PATTERN.test(s), 'errors.slugFormat'),
  ),
  description: text(2000, { optional: true }),
});
