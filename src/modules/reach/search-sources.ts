/**
 * What can be searched: each source (pieces now, the map's organisations later) gives its public
 * documents in one shape; app.ts lists the sources the reach plugin indexes
 * (docs/decisions/014-search.md). A source's documents are also what its feeds are made of.
 */
import type { Executor } from '../../db/database.ts';

export interface SearchDocument {
  /** The document's id in its source. */
  sourceId: number;
  /** Its page, as a path of this site. */
  url: string;
  title: string;
  summary: string;
  /** Plain text. */
  body: string;
  /** Shown with results and in feeds; `role` as the source names it ('author'…). */
  authors: { name: string; url: string | null; role: string }[];
  /** Safe HTML of the whole document, for feeds (may be empty). */
  contentHtml: string;
  kind: string;
  language: string;
  licence: string;
  publishedAt: string;
  updatedAt: string;
  /** Filters: 'theme:3', 'contributor:lea-martin'… */
  tags: string[];
}

export interface SearchSource {
  /** Stored with each document ('piece'); results link to the document's url. */
  name: string;
  /** Public documents whose id is above `afterId`, in id order (rebuilding the index page by page). */
  list(db: Executor, now: Date, afterId: number, limit: number): Promise<SearchDocument[]>;
  /** The public documents among `ids`; an id left out is no longer public. */
  get(db: Executor, now: Date, ids: number[]): Promise<SearchDocument[]>;
}
