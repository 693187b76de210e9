/** Reads of reach: the search (through db/search.ts, where the databases differ) and the documents feeds are made of. */
import type { Executor } from '../../db/database.ts';
import { MARK_END, MARK_START, searchFullText } from '../../db/search.ts';

/** A piece of text, marked when it matched the search. */
export interface Segment {
  text: string;
  marked: boolean;
}

export interface DocumentAuthor {
  name: string;
  url: string | null;
  role: string;
}

export interface SearchResult {
  id: number;
  url: string;
  kind: string;
  language: string;
  publishedAt: string;
  authors: DocumentAuthor[];
  title: Segment[];
  /** The body's extract when it matched, else the summary's. */
  extract: Segment[];
}

/** Splits a database-marked string into segments (views render them as text and <mark>, escaped). */
export function toSegments(marked: string): Segment[] {
  const segments: Segment[] = [];
  let rest = marked;
  while (rest.length) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      segments.push({ text: rest, marked: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), marked: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const inner = end === -1 ? rest.slice(start + 1) : rest.slice(start + 1, end);
    if (inner) segments.push({ text: inner, marked: true });
    rest = end === -1 ? '' : rest.slice(end + 1);
  }
  return segments.map((s) => ({ ...s, text: s.text.replaceAll(MARK_START, '').replaceAll(MARK_END, '') }));
}

export function parseAuthors(json: string): DocumentAuthor[] {
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter((a): a is DocumentAuthor => typeof a === 'object' && a !== null && typeof (a as DocumentAuthor).name === 'string');
  } catch {
    return [];
  }
}

export interface SearchRequest {
  terms: { word: string; stem: string }[];
  kind?: string | undefined;
  themeId?: number | undefined;
  now: Date;
  page: number;
  pageSize: number;
}

/** One page of pieces matching the terms, ranked, with their matches marked. */
export async function searchPieces(db: Executor, request: SearchRequest): Promise<{ results: SearchResult[]; total: number }> {
  const { hits, total } = await searchFullText(db, {
    terms: request.terms,
    source: 'piece',
    kind: request.kind,
    tag: request.themeId !== undefined ? `theme:${request.themeId}` : undefined,
    publishedBefore: request.now.toISOString(),
    limit: request.pageSize,
    offset: (request.page - 1) * request.pageSize,
  });
  return {
    total,
    results: hits.map((h) => ({
      id: h.source_id,
      url: h.url,
      kind: h.kind,
      language: h.language,
      publishedAt: h.published_at,
      authors: parseAuthors(h.authors_json),
      title: toSegments(h.title_marked),
      extract: toSegments(h.body_marked.includes(MARK_START) || !h.summary_marked ? h.body_marked : h.summary_marked),
    })),
  };
}

export interface FeedDocument {
  id: number;
  source_id: number;
  url: string;
  title: string;
  summary: string;
  content_html: string;
  authors: DocumentAuthor[];
  kind: string;
  language: string;
  licence: string;
  published_at: string;
  updated_at: string;
  tags: string[];
}

/** The latest public documents of a source (optionally of one kind or carrying one tag), newest first, for a feed. */
export async function listFeedDocuments(db: Executor, filter: { source: string; now: Date; kind?: string; tag?: string; limit: number }): Promise<FeedDocument[]> {
  let q = db
    .selectFrom('search_documents')
    .select(['id', 'source_id', 'url', 'title', 'summary', 'content_html', 'authors_json', 'kind', 'language', 'licence', 'published_at', 'updated_at'])
    .where('source', '=', filter.source)
    .where('published_at', '<=', filter.now.toISOString());
  if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    q = q.where((eb) => eb.exists(eb.selectFrom('search_tags').select('search_tags.document_id').whereRef('search_tags.document_id', '=', 'search_documents.id').where('search_tags.tag', '=', tag)));
  }
  const rows = await q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  if (rows.length === 0) return [];
  const tags = await db.selectFrom('search_tags').select(['document_id', 'tag']).where('document_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map(({ authors_json, ...r }) => ({ ...r, authors: parseAuthors(authors_json), tags: tags.filter((t) => t.document_id === r.id).map((t) => t.tag) }));
}

/** Whether a source was ever indexed in full (if not, the plugin indexes it at start). */
export async function isSourceIndexed(db: Executor, source: string): Promise<boolean> {
  return (await db.selectFrom('search_sources').select('source').where('source', '=', source).executeTakeFirst()) !== undefined;
}

/** What a source's feeds are made of, as a version: the index's last write and its size. */
export async function getIndexVersion(db: Executor, source: string): Promise<string> {
  const row = await db
    .selectFrom('search_documents')
    .select((eb) => [eb.fn.max('indexed_at').as('last'), eb.fn.countAll<number>().as('n')])
    .where('source', '=', source)
    .executeTakeFirstOrThrow();
  return `${String(row.last ?? '')}:${Number(row.n)}`;
}
