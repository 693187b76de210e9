/**
 * The open data formats of the map, both ways: an organisation as a CSV row, a GeoJSON feature
 * and a JSON API item (never with the contact email or anything about suggesters), and a CSV
 * record or GeoJSON feature read back as form fields for the import. Exporting then importing
 * gives the same organisations (tests/…/map-import.test.ts proves it).
 */
import { csvText, escapeCsvField } from '../../shared/csv.ts';
import { readCsv } from './domain/csv-records.ts';
import type { PublicOrganisation } from './queries/organisations.ts';

export interface DataLicence {
  name: string;
  url: string;
}

/** The CSV columns, in order. Lists are written with `;` between items. */
export const CSV_COLUMNS = [
  'id', 'slug', 'name', 'description', 'website', 'logo', 'themes', 'business_models', 'legal_form', 'licences', 'founded_year', 'size_band',
  'address', 'city', 'country', 'lat', 'lng', 'case_studies', 'url', 'updated_at', 'licence',
] as const;

/** Columns an import reads (besides these, the export's own columns are accepted and ignored). */
export const IMPORT_COLUMNS = new Set(['slug', 'name', 'description', 'website', 'logo', 'themes', 'business_models', 'legal_form', 'licences', 'founded_year', 'size_band', 'address', 'city', 'country', 'lat', 'lng', 'case_studies', 'contact_email']);
const IGNORED_COLUMNS = new Set(['id', 'url', 'updated_at', 'created_at', 'licence']);

const organisationUrl = (baseUrl: string, slug: string) => `${baseUrl}/map/organisations/${slug}`;

export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

export function csvRow(o: PublicOrganisation, baseUrl: string, licence: DataLicence): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: String(o.id),
    slug: csvText(o.slug),
    name: csvText(o.name),
    description: csvText(o.description_md),
    website: csvText(o.website),
    logo: csvText(o.logo_url),
    themes: csvText(o.themes.join(';')),
    business_models: csvText(o.models.join(';')),
    legal_form: o.legal_form ?? '',
    licences: csvText(o.licences.join(';')),
    founded_year: o.founded_year === null ? '' : String(o.founded_year),
    size_band: o.size_band ? csvText(o.size_band) : '',
    address: csvText(o.address),
    city: csvText(o.city),
    country: o.country,
    // Numbers are written as they are: a leading minus is a coordinate, not a formula.
    lat: escapeCsvField(String(o.lat)),
    lng: escapeCsvField(String(o.lng)),
    case_studies: csvText(o.caseStudies.map((c) => c.slug).join(';')),
    url: csvText(organisationUrl(baseUrl, o.slug)),
    updated_at: o.updated_at,
    licence: csvText(licence.name),
  };
  return CSV_COLUMNS.map((c) => cells[c]).join(',');
}

/** An organisation in the JSON API and the GeoJSON properties: public fields only. */
export function publicItem(o: PublicOrganisation, baseUrl: string) {
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    url: organisationUrl(baseUrl, o.slug),
    description: o.description_md,
    website: o.website,
    logo: o.logo_url,
    themes: o.themes,
    business_models: o.models,
    legal_form: o.legal_form,
    licences: o.licences,
    founded_year: o.founded_year,
    size_band: o.size_band,
    address: o.address,
    city: o.city,
    country: o.country,
    lat: o.lat,
    lng: o.lng,
    case_studies: o.caseStudies.map((c) => c.slug),
    updated_at: o.updated_at,
  };
}

export function geoJsonFeature(o: PublicOrganisation, baseUrl: string) {
  const { lat, lng, ...properties } = publicItem(o, baseUrl);
  return { type: 'Feature' as const, id: o.id, geometry: { type: 'Point' as const, coordinates: [lng, lat] }, properties };
}

// ---------------------------------------------------------------------------------------------
// Reading a file back

/** One record of an import file, as the form fields of an organisation (lists still as slugs). */
export interface ImportRecord {
  /** "line 4" of a CSV, "feature 3" of a GeoJSON file. */
  where: { kind: 'line' | 'feature'; n: number };
  values: Record<string, string | string[]>;
}

export type ImportFileProblem =
  | { key: 'map.import.encoding' }
  | { key: 'map.import.empty' }
  | { key: 'map.import.unterminatedQuote'; line: number }
  | { key: 'map.import.unknownColumns'; columns: string }
  | { key: 'map.import.missingColumns'; columns: string }
  | { key: 'map.import.badJson' }
  | { key: 'map.import.notFeatureCollection' }
  | { key: 'map.import.unknownFormat' }
  | { key: 'map.import.tooManyRows'; max: number };

export type ImportFile = { ok: true; records: ImportRecord[] } | { ok: false; problem: ImportFileProblem };

/** At most this many organisations in one import (one transaction). */
export const MAX_IMPORT_ROWS = 20_000;

function fromCsv(bytes: Uint8Array): ImportFile {
  const csv = readCsv(bytes);
  if (!csv.ok) {
    if (csv.error === 'encoding') return { ok: false, problem: { key: 'map.import.encoding' } };
    if (csv.error === 'unterminated_quote') return { ok: false, problem: { key: 'map.import.unterminatedQuote', line: csv.line ?? 1 } };
    return { ok: false, problem: { key: 'map.import.empty' } };
  }
  const unknown = csv.header.filter((h) => h !== '' && !IMPORT_COLUMNS.has(h) && !IGNORED_COLUMNS.has(h));
  if (unknown.length) return { ok: false, problem: { key: 'map.import.unknownColumns', columns: unknown.join(', ').slice(0, 300) } };
  const missing = ['name', 'country'].filter((c) => !csv.header.includes(c));
  if (missing.length) return { ok: false, problem: { key: 'map.import.missingColumns', columns: missing.join(', ') } };
  if (csv.records.length > MAX_IMPORT_ROWS) return { ok: false, problem: { key: 'map.import.tooManyRows', max: MAX_IMPORT_ROWS } };
  const records = csv.records.map((r) => {
    const values: Record<string, string> = {};
    csv.header.forEach((h, i) => {
      if (IMPORT_COLUMNS.has(h)) values[h] = unneutralise(r.cells[i] ?? '');
    });
    return { where: { kind: 'line' as const, n: r.line }, values };
  });
  return { ok: true, records };
}

/** The export made cells starting with = + - @ inert with an apostrophe; reading them back removes it. */
function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function fromGeoJson(text: string): ImportFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: { key: 'map.import.badJson' } };
  }
  const collection = parsed as { type?: unknown; features?: unknown };
  if (!collection || typeof collection !== 'object' || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return { ok: false, problem: { key: 'map.import.notFeatureCollection' } };
  }
  if (collection.features.length > MAX_IMPORT_ROWS) return { ok: false, problem: { key: 'map.import.tooManyRows', max: MAX_IMPORT_ROWS } };
  const records = collection.features.map((feature: unknown, i: number) => {
    const f = (feature && typeof feature === 'object' ? feature : {}) as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown };
    const props = (f.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>;
    const values: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(props)) {
      const key = k === 'logo_url' ? 'logo' : k === 'description_md' ? 'description' : k;
      if (!IMPORT_COLUMNS.has(key)) continue;
      if (Array.isArray(v)) values[key] = v.map((x) => String(x));
      else if (v !== null && v !== undefined && typeof v !== 'object') values[key] = String(v);
    }
    const coords = f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? f.geometry.coordinates : null;
    if (coords && coords.length >= 2) {
      values.lng = String(coords[0]);
      values.lat = String(coords[1]);
    } else if (f.geometry !== null && f.geometry !== undefined) {
      // Not a point: marked so the row is rejected with a message on the coordinates.
      values.lat = 'not-a-point';
    }
    return { where: { kind: 'feature' as const, n: i + 1 }, values };
  });
  return { ok: true, records };
}

/** Reads an uploaded CSV or GeoJSON file (by its name, then by its first character). */
export function readImportFile(filename: string, bytes: Uint8Array): ImportFile {
  const name = filename.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt')) return fromCsv(bytes);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (name.endsWith('.geojson') || name.endsWith('.json') || text.startsWith('{')) {
    try {
      return fromGeoJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, problem: { key: 'map.import.encoding' } };
    }
  }
  if (text.length === 0) return { ok: false, problem: { key: 'map.import.empty' } };
  return { ok: false, problem: { key: 'map.import.unknownFormat' } };
}
