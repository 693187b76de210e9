import { z } from 'zod';
import { FEED_FORMATS, type FeedFormat } from './feeds.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/;

/** `<slug>.<rss|atom|json>` in a feed's path; anything else is a 404. */
export const feedFileParams = z.object({
  file: z.string().transform((file, ctx) => {
    const match = /^(.+)\.(rss|atom|json)$/.exec(file);
    if (match && SLUG.test(match[1]!) && (FEED_FORMATS as readonly string[]).includes(match[2]!)) return { slug: match[1]!, format: match[2] as FeedFormat };
    ctx.addIssue({ code: 'custom', message: 'errors.notFound' });
    return z.NEVER;
  }),
});

/** Whatever a query string holds, the search page shows: odd values fall back to none. */
export const searchQuery = z.object({
  q: z.string().max(200).catch('').default(''),
  theme: z.string().regex(SLUG).optional().catch(undefined),
  kind: z.string().regex(SLUG).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(50).catch(1).default(1),
});

export const mastodonQuery = z.object({
  instance: z.string().max(300).catch(''),
  text: z.string().max(1000).catch(''),
});
