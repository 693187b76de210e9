/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.x documents, written by the `feed` library from the search
 * index's documents (pieces) or from a piece's comments. Every feed carries the licence and the
 * authors (never an email: the library is given names and profile links only).
 */
import { Feed, type Item } from 'feed';

export const FEED_FORMATS = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The licences pieces may carry, named and linked in feeds. */
const LICENCES: Record<string, { name: string; url: string }> = {
  'CC-BY-SA-4.0': { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' },
};

export function licenceStatement(code: string): string {
  const licence = LICENCES[code] ?? LICENCES['CC-BY-SA-4.0']!;
  return `${licence.name} — ${licence.url}`;
}

/** Atom titles and summaries are typed "html" by the library, and RSS readers read them as HTML: plain text is escaped for both. */
function asText(format: FeedFormat, text: string): string {
  if (format === 'json') return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed follows (a path). */
  pagePath: string;
  /** The feed's own path without its extension (`/feeds/pieces`). */
  feedPath: string;
  language: string;
  /** Licence code of the whole feed ('CC-BY-SA-4.0'). */
  licence: string;
}

export interface FeedEntry {
  title: string;
  /** Path of the entry's page (absolute URLs are made with the base URL). */
  path: string;
  summary: string;
  contentHtml: string;
  authors: { name: string; url: string | null }[];
  contributors?: { name: string; url: string | null }[];
  categories: string[];
  published: string;
  updated: string;
  licence: string;
}

export function renderFeed(format: FeedFormat, baseUrl: string, channel: FeedChannel, entries: FeedEntry[]): string {
  const absolute = (path: string) => (path.startsWith('http') ? path : `${baseUrl}${path}`);
  const person = (p: { name: string; url: string | null }) => ({ name: p.name, ...(p.url ? { link: absolute(p.url) } : {}) });
  // The newest change is the feed's date: the same entries give the same document (and ETag).
  const updated = entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: absolute(channel.pagePath),
    title: channel.title,
    description: channel.description,
    link: absolute(channel.pagePath),
    language: channel.language,
    copyright: licenceStatement(channel.licence),
    updated: new Date(updated),
    generator: false,
    favicon: absolute('/static/favicon.svg'),
    feedLinks: { rss: absolute(`${channel.feedPath}.rss`), atom: absolute(`${channel.feedPath}.atom`), json: absolute(`${channel.feedPath}.json`) },
  });
  for (const e of entries) {
    const item: Item = {
      title: asText(format, e.title),
      id: absolute(e.path),
      link: absolute(e.path),
      date: new Date(e.updated),
      published: new Date(e.published),
      description: asText(format, e.summary),
      content: e.contentHtml,
      author: e.authors.map(person),
      contributor: (e.contributors ?? []).map(person),
      category: e.categories.map((name) => ({ name })),
      copyright: licenceStatement(e.licence),
    };
    feed.addItem(item);
  }
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
}
