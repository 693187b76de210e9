import { z } from 'zod';
import { pageParam } from '../../shared/pagination.ts';
import { emailField, text } from '../../shared/http/form.ts';
import { idParam } from '../../shared/http/route-schema.ts';
import { parseWebUrl } from './domain/mention-urls.ts';

/** Never seen by people (hidden by the stylesheet): a robot that fills it is refused. */
const honeypot = z.preprocess((v) => v ?? '', z.string().max(0, 'errors.invalid'));

/** An optional http(s) address, shown as the author's link ("example.org" is read as https://example.org). */
const websiteField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : ''),
  z
    .string()
    .max(300, 'errors.tooLong')
    .transform((s, ctx) => {
      if (s === '') return null;
      const url = parseWebUrl(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
      if (url && url.hostname.includes('.')) return url.href;
      ctx.addIssue({ code: 'custom', message: 'conversation.websiteFormat' });
      return z.NEVER;
    }),
);

/** The signed time the form was shown (checked by the command against the minimum fill time). */
const stamp = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(80));

export const commentSchema = z.object({
  name: text(80),
  email: emailField,
  website: websiteField,
  body: text(5000, { min: 2 }),
  parent_id: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable().catch(null)),
  started: stamp,
  company: honeypot,
});

export const responseSchema = z.object({
  name: text(80),
  email: emailField,
  website: websiteField,
  title: text(200),
  body: text(20_000, { min: 20 }),
  started: stamp,
  company: honeypot,
});

/** /pieces/:slug/comment?reply=12 — anything odd is a new thread. */
export const commentFormQuery = z.object({ reply: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined) });

export const ITEM_TYPES = ['comment', 'response', 'mention'] as const;
export const itemParams = z.object({ type: z.enum(ITEM_TYPES), id: idParam });
export const editableParams = z.object({ type: z.enum(['comment', 'response']), id: idParam });

/** Where a moderation button sends the editor back (a path of this site; anything else: the queue). */
const next = z.preprocess((v) => (typeof v === 'string' ? v : undefined), z.string().max(500).optional());

export const moderationSchema = z.object({ next });

export const commentEditSchema = z.object({ name: text(80), website: websiteField, body: text(5000, { min: 2 }) });
export const responseEditSchema = z.object({ name: text(80), website: websiteField, title: text(200), body: text(20_000, { min: 20 }) });

const flag = z.preprocess((v) => v === '1' || v === 'on' || v === 'true', z.boolean());

export const featureSchema = z.object({ featured: flag, next });
export const closedSchema = z.object({ closed: flag, next });

export const settingsSchema = z.object({
  blocklist: text(20_000, { optional: true }),
  notify_authors: flag,
  moderate_mentions: flag,
});

export const queueQuery = z.object({ status: z.enum(['held', 'spam', 'published']).catch('held'), page: pageParam });

/** A webmention's form body: checked by the command (a bad value is a 400, as the W3C Recommendation asks). */
export const webmentionBody = z.object({
  source: z.string().max(4096).catch(''),
  target: z.string().max(4096).catch(''),
});
