import { z } from 'zod';
import { emailField, text } from '../../shared/http/form.ts';

/** The pages editors may rewrite. */
export const EDITABLE_PAGES = ['about'] as const;

export const pageParams = z.object({ slug: z.enum(EDITABLE_PAGES) });

export const pageSchema = z.object({
  title_fr: text(200),
  body_md_fr: text(100_000),
  title_en: text(200),
  body_md_en: text(100_000),
});

export const contactSchema = z.object({
  name: text(120),
  email: emailField,
  subject: text(200),
  body: text(10_000, { min: 10 }),
  // The honeypot: people never see it, robots fill it in.
  website: z.preprocess((v) => v ?? '', z.string().max(0, 'errors.invalid')),
});
