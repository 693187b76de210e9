import { z } from 'zod';
import { text } from '../../shared/http/form.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/slug.ts';
import { parseLinkLines } from './domain/links.ts';

/** The editors' profile form, read into the profile commands' input (the photo comes as an upload). */
export const contributorSchema = z
  .object({
    name: text(120),
    slug: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
      z.string().max(SLUG_MAX_LENGTH, 'errors.tooLong').refine((s) => s === '' || SLUG_PATTERN.test(s), 'errors.slugFormat'),
    ),
    bio: text(2000, { optional: true }),
    links: z.preprocess(
      (v) => parseLinkLines(typeof v === 'string' ? v : ''),
      z
        .array(z.object({ label: z.string().max(80), url: z.string().regex(/^https?:\/\/[^\s]+$/, 'contributors.linkFormat') }))
        .max(8, 'errors.tooLong'),
    ),
    email: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim().toLowerCase() : null), z.email('errors.email').nullable()),
    public_name: z.preprocess((v) => v === 'on' || v === '1', z.boolean()),
  })
  .transform(({ public_name, ...profile }) => ({ ...profile, publicName: public_name }));

/** A contributor's own profile form on their account page: the public side only. */
export const ownProfileSchema = z
  .object({
    name: text(120),
    bio: text(2000, { optional: true }),
    links: z.preprocess(
      (v) => parseLinkLines(typeof v === 'string' ? v : ''),
      z
        .array(z.object({ label: z.string().max(80), url: z.string().regex(/^https?:\/\/[^\s]+$/, 'contributors.linkFormat') }))
        .max(8, 'errors.tooLong'),
    ),
    public_name: z.preprocess((v) => v === 'on' || v === '1', z.boolean()),
  })
  .transform(({ public_name, ...profile }) => ({ ...profile, publicName: public_name }));
