/**
 * Pages of a desk list: every list an editor sees is cut into pages of `size` rows, reached by
 * `?page=N`, and filtered by `?q=`. We read one row more than the page holds to know whether a
 * next page exists, so no list pays for a count of the whole table.
 */
import { z } from 'zod';

/** Rows per page of a desk list: small enough for a phone, large enough to scan. */
export const DESK_PAGE_SIZE = 50;

/** How many matches a person picker offers at once (typed search narrows them). */
export const PICKER_MATCHES = 20;

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** `?page=` — a missing or absurd value is the first page rather than an error. */
export const pageParam = z.preprocess(firstOf, z.coerce.number().int().min(1).max(1_000_000)).catch(1);

/** `?q=` and other free-text filters: trimmed, bounded, absent means no filter. */
export const searchParam = z.preprocess((v) => firstOf(v) ?? '', z.string().trim().max(100)).catch('');

/** The query string of a plain desk list. */
export const deskListQuery = z.object({ page: pageParam, q: searchParam });

/** Which rows one page covers; `limit` reads one extra row to learn whether a next page exists. */
export interface PageWindow {
  page: number;
  size: number;
  limit: number;
  offset: number;
}

export function pageWindow(page: number, size = DESK_PAGE_SIZE): PageWindow {
  return { page, size, limit: size + 1, offset: (page - 1) * size };
}

export interface Page<T> {
  rows: T[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** The page from rows read with `window.limit` (the extra row only says "there is more"). */
export function toPage<T>(rows: T[], window: PageWindow): Page<T> {
  return { rows: rows.slice(0, window.size), page: window.page, hasPrevious: window.page > 1, hasNext: rows.length > window.size };
}

/** A page's address keeping its filters: empty filters are left out, page 1 is the bare path. */
export function pageHref(path: string, params: Record<string, string | number | undefined>, page: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '' && key !== 'page') query.set(key, String(value));
  if (page > 1) query.set('page', String(page));
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

/** `?who=`: the people search of a page's person pickers without JavaScript. */
export const peopleSearchQuery = z.object({ who: searchParam });
