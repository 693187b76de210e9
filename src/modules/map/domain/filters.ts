/**
 * The map's filters, shared by the map page, the directory, the embed and every export: one
 * shape, one way to write it in a URL (so a filtered view can be shared and an export matches it).
 */
import type { LegalForm } from './organisation.ts';

export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface MapFilter {
  /** Theme slugs: an organisation in any of them. */
  themes: string[];
  /** Business-model slugs: an organisation using any of them. */
  models: string[];
  legalForms: LegalForm[];
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  foundedFrom: number | null;
  foundedTo: number | null;
  /** Free text: name, city, description. */
  q: string;
  bbox: BoundingBox | null;
}

export const EMPTY_FILTER: MapFilter = { themes: [], models: [], legalForms: [], countries: [], foundedFrom: null, foundedTo: null, q: '', bbox: null };

/** Coordinates written with at most 5 decimals (about a metre): enough for a view, short in a URL. */
function coord(n: number): string {
  return String(Math.round(n * 1e5) / 1e5);
}

export function formatBbox(b: BoundingBox): string {
  return [b.west, b.south, b.east, b.north].map(coord).join(',');
}

/**
 * Reads `west,south,east,north`. A box crossing the antimeridian (west > east) is allowed; an
 * inverted latitude range or a value out of range is not.
 */
export function parseBbox(text: string): BoundingBox | null {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => p === '')) return null;
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  if (![west, south, east, north].every(Number.isFinite)) return null;
  if (south < -90 || north > 90 || south > north) return null;
  if (west < -180 || west > 180 || east < -180 || east > 180) return null;
  return { west, south, east, north };
}

/** The query string of a filter (without `?`), parameters in a stable order; `extra` is appended. */
export function filterQuery(filter: MapFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const t of filter.themes) params.append('theme', t);
  for (const m of filter.models) params.append('model', m);
  for (const l of filter.legalForms) params.append('legal', l);
  for (const c of filter.countries) params.append('country', c);
  if (filter.foundedFrom !== null) params.set('from', String(filter.foundedFrom));
  if (filter.foundedTo !== null) params.set('to', String(filter.foundedTo));
  if (filter.q) params.set('q', filter.q);
  if (filter.bbox) params.set('bbox', formatBbox(filter.bbox));
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

export function isEmptyFilter(filter: MapFilter): boolean {
  return filterQuery(filter) === '';
}
