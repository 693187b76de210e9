/** One zod schema per input of publishing: route params, query strings and form bodies. */
import { z } from 'zod';
import { emailField, list, localDateTime, text } from '../../shared/http/form.ts';
import { idParam } from '../../shared/http/route-schema.ts';
import { LANGS } from '../../shared/i18n/index.ts';
import { deskListQuery } from '../../shared/pagination.ts';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/slug.ts';
import { isCreditRole, kindFromPath, PIECE_KINDS, PIECE_LICENCES } from './domain/kinds.ts';
import { PROPOSAL_STATUSES } from './domain/proposals.ts';
import { PIECE_STATUSES, WORKFLOW_ACTIONS } from './domain/workflow.ts';

/** `?page=` of a listing: anything but a sensible page number reads as the first page. */
export const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

/** /kinds/case-studies: a kind by its plural word; any other word is a 404. */
export const kindParams = z.object({
  kind: z.string().transform((path, ctx) => {
    const kind = kindFromPath(path);
    if (kind) return kind;
    ctx.addIssue({ code: 'custom', message: 'errors.notFound' });
    return z.NEVER;
  }),
});

/** A revision of a piece: /studio/pieces/:id/revisions/:n. */
export const revisionParams = z.object({ id: idParam, n: idParam });

/** A theme in the path: its id, or `new` for the form that adds one. */
export const themeParams = z.object({ id: z.union([z.literal('new'), idParam]) });

const lang = z.preprocess((v) => v ?? 'fr', z.enum(LANGS, 'errors.invalid'));

export const pieceSchema = z
  .object({
    kind: z.enum(PIECE_KINDS, 'errors.invalid'),
    title: text(200),
    slug: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
      z.string().max(SLUG_MAX_LENGTH, 'errors.tooLong').refine((s) => s === '' || SLUG_PATTERN.test(s), 'errors.slugFormat'),
    ),
    summary: text(500, { optional: true }),
    body_md: text(200_000, { optional: true }),
    language: lang,
    /** The short address (slug) of the piece this one translates; empty: an original text. */
    translation_of: text(SLUG_MAX_LENGTH, { optional: true }),
    licence: z.preprocess((v) => v ?? 'CC-BY-SA-4.0', z.enum(PIECE_LICENCES, 'errors.invalid')),
    cover_alt: text(300, { optional: true }),
    image_alt: text(300, { optional: true }),
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
      if (!Number.isSafeInteger(contributorId) || contributorId <= 0 || !isCreditRole(kind)) {
        ctx.addIssue({ code: 'custom', path: ['credits'], message: 'errors.invalid' });
        return;
      }
      if (!credits.some((c) => c.contributorId === contributorId && c.kind === kind)) credits.push({ contributorId, kind });
    });
    return { ...rest, removeCover: remove_cover, credits };
  });

export const transitionSchema = z.object({
  action: z.enum(WORKFLOW_ACTIONS, 'errors.invalid'),
  feedback: text(5000, { optional: true }),
  /** Paris wall-clock time; empty: now. */
  publish_at: localDateTime({ optional: true }).transform((at) => at ?? undefined),
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

export const themeSchema = z.object({
  slug: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''), z.string().min(1, 'errors.required').max(60, 'errors.tooLong').regex(SLUG_PATTERN, 'errors.slugFormat')),
  name_fr: text(80),
  name_en: text(80),
  description_fr: text(400, { optional: true }),
  description_en: text(400, { optional: true }),
  position: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int('errors.invalid').min(0, 'errors.invalid').max(1000, 'errors.invalid')),
});

/** The secret of a proposal's confirmation link (checked by the route; any text here). */
/** The desk's pieces: a page, a filter, and one state or all (a state nobody knows is all). */
export const deskPiecesQuery = deskListQuery.extend({ status: z.enum(PIECE_STATUSES).optional().catch(undefined) });

/** The desk's proposals: a page, a filter, one state (new by default). */
export const deskProposalsQuery = deskListQuery.extend({ status: z.enum(PROPOSAL_STATUSES).catch('new') });

export const proposalTokenQuery = z.object({ token: z.string().max(200).optional() });
export const proposalTokenBody = z.object({ token: z.string().max(200) });
