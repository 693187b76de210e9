/**
 * Reading the h-entry (microformats2) of a mention's source: who wrote it, its title, an excerpt,
 * and what it does with our piece (reply, like, repost, bookmark or a plain mention). Parsed with
 * microformats-parser; everything it returns is kept as plain text and escaped when shown.
 */
import type * as Microformats from 'microformats-parser';
import { lazyModule } from '../../../shared/lazy-module.ts';

/** The microformats parser, loaded at the first webmention rather than by every instance. */
const microformats = lazyModule<typeof Microformats>('microformats-parser');
import { parseWebUrl, sameDocument } from '../domain/mention-urls.ts';
import type { MentionKind } from '../domain/statuses.ts';

export interface EntryDetails {
  kind: MentionKind;
  authorName: string | null;
  authorUrl: string | null;
  title: string | null;
  excerpt: string | null;
  published: string | null;
}

type Mf2Value = string | { value?: string; html?: string; type?: string[]; properties?: Record<string, Mf2Value[]> };
interface Mf2Item {
  type?: string[];
  properties?: Record<string, Mf2Value[]>;
  children?: Mf2Item[];
}

/** Control characters out, whitespace folded, at most `max` characters. */
export function plainText(value: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function textOf(value: Mf2Value | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  return value.value ?? null;
}

function urlOf(value: Mf2Value | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  return textOf(value.properties?.url?.[0]) ?? value.value ?? null;
}

function findEntry(items: Mf2Item[]): Mf2Item | null {
  for (const item of items) {
    if (item.type?.includes('h-entry')) return item;
    const nested = findEntry(item.children ?? []);
    if (nested) return nested;
  }
  return null;
}

export function readEntry(html: string, sourceUrl: URL, target: URL): EntryDetails | null {
  const parsed = microformats().mf2(html, { baseUrl: sourceUrl.href });
  const entry = findEntry(parsed.items as Mf2Item[]);
  if (!entry) return null;
  const p = entry.properties ?? {};
  const points = (name: string) =>
    (p[name] ?? []).some((v) => {
      const url = parseWebUrl(urlOf(v) ?? '');
      return url !== null && sameDocument(url, target);
    });
  const kind: MentionKind = points('in-reply-to') ? 'reply' : points('like-of') ? 'like' : points('repost-of') ? 'repost' : points('bookmark-of') ? 'bookmark' : 'mention';

  const author = p.author?.[0];
  let authorName: string | null = null;
  let authorUrl: string | null = null;
  if (typeof author === 'string') authorName = author;
  else if (author) {
    authorName = textOf(author.properties?.name?.[0]) ?? author.value ?? null;
    authorUrl = urlOf(author);
  }
  const content = textOf(p.content?.[0]);
  const summary = textOf(p.summary?.[0]);
  const name = textOf(p.name?.[0]);
  const excerptSource = summary ?? content;
  // A note's name is its content again: a title only when it differs.
  const title = name && (!content || !plainText(content, 10_000).startsWith(plainText(name, 10_000).replace(/…$/, ''))) ? name : null;
  const published = textOf(p.published?.[0]);
  const publishedAt = published && !Number.isNaN(Date.parse(published)) ? new Date(published).toISOString() : null;
  const webUrl = authorUrl ? parseWebUrl(authorUrl) : null;
  return {
    kind,
    authorName: authorName ? plainText(authorName, 100) || null : null,
    authorUrl: webUrl ? webUrl.href : null,
    title: title ? plainText(title, 200) || null : null,
    excerpt: excerptSource ? plainText(excerptSource, 280) || null : null,
    published: publishedAt,
  };
}
