import { z } from 'zod';
import { emailField, list, text } from '../../shared/http/form.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/slug.ts';
import { parseLocalDateTime } from '../../shared/time.ts';
import { CREDIT_ROLES } from './domain/kinds.ts';
import { WORKFLOW_ACTIONS } from './domain/workflow.ts';

const lang = z.preprocess((v) => v ?? 'fr', z.enum(['fr', 'en'], 'errors.invalid'));

export const pieceSchema = z
  .object({
    kind: z.enum(['article', 'interview', 'case_study', 'challenge'], 'errors.invalid'),
    title: text(200),
    slug: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
      z.string().max(SLUG_MAX_LENGTH, 'errors.tooLong').refine((s) => s === '' || SLUG_PATTERN.test(s), 'errors.slugFormat'),
    ),
    summary: text(500, { optional: true }),
    body_md: text(200_000, { optional: true }),
    language: lang,
    licence: z.preprocess((v) => v ?? 'CC-BY-SA-4.0', z.enum(['CC-BY-SA-4.0'], 'errors.invalid')),
    cover_alt: text(300, { optional: true }),
    remove_cover: z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean()),
    themes: list(z.coerce.number().int().positive('errors.invalid')),
    credit_contributor: list(z.string()),
    credit_role: list(z.string()),
    note: text(300, { optional: true }),
  })
  .transform(({ credit_contributor, credit_role, remove_cover, ...rest }, ctx) => {
    const credits: { contributorId: number; kind: string }[] = [];
    credit_contributor.forEach((raw, i) => {
      if (!raw) return;
      const contributorId = Number(raw);
      const kind = credit_role[i] || 'author';
      if (!Number.isSafeInteger(contributorId) || contributorId <= 0 || !(CREDIT_ROLES as readonly string[]).includes(kind)) {
        ctx.addIssue({ code: 'custom', path: ['credits'], message: 'errors.invalid' });
        return;
      }
      if (!credits.some((c) => c.contributorId === contributorId && c.kind === kind)) credits.push({ contributorId, kind });
    });
    return { ...rest, removeCover: remove_cover, credits };
  });

export const transitionSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS as [string, ...string[]], 'errors.invalid'),
  feedback: text(5000, { optional: true }),
  publish_at: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().refine((s) => s === '' || parseLocalDateTime(s) !== null, 'errors.date'),
  ),
});

export const proposalSchema = z.object({
  name: text(120),
  email: emailField,
  title: text(200),
  pitch: text(3000, { min: 20 }),
  draft: text(100_000, { optional: true }),
  language: lang,
  // A field people never see: a bot that fills it is refused.
  website: z.preprocess((v) => v ?? '', z.string().max(0, 'errors.invalid')),
});

export const declineSchema = z.object({ message: text(3000, { optional: true }) });
