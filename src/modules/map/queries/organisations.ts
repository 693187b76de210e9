/** Reads of organisations: public rows (never the contact email), points for the map, editors' snapshots. */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { listPublishedRefs, listThemes } from '../../publishing/index.ts';
import { foldText } from '../domain/normalise.ts';
import type { OrganisationFields } from '../domain/organisation.ts';
import { filteredOrganisations, type ResolvedFilter } from './filter.ts';

/** Every column the public may see: the contact email is not among them. */
const PUBLIC_COLUMNS = [
  'map_organisations.id',
  'map_organisations.slug',
  'map_organisations.name',
  'map_organisations.description_md',
  'map_organisations.description_html',
  'map_organisations.website',
  'map_organisations.logo_url',
  'map_organisations.legal_form',
  'map_organisations.licences',
  'map_organisations.founded_year',
  'map_organisations.size_band',
  'map_organisations.address',
  'map_organisations.city',
  'map_organisations.country',
  'map_organisations.lat',
  'map_organisations.lng',
  'map_organisations.created_at',
  'map_organisations.updated_at',
] as const;

export interface CaseStudyRef {
  slug: string;
  title: string;
  kind: string;
}

/** An organisation as the public sees it. */
export interface PublicOrganisation {
  id: number;
  slug: string;
  name: string;
  description_md: string;
  description_html: string;
  website: string;
  logo_url: string;
  legal_form: OrganisationFields['legal_form'];
  licences: string[];
  founded_year: number | null;
  size_band: OrganisationFields['size_band'];
  address: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  created_at: string;
  updated_at: string;
  /** Theme slugs. */
  themes: string[];
  /** Business-model slugs. */
  models: string[];
  caseStudies: CaseStudyRef[];
  /** Whether the "write to them" form can relay a message (the address itself is never read here). */
  reachable: boolean;
}

type PublicRow = Omit<PublicOrganisation, 'themes' | 'models' | 'caseStudies' | 'licences' | 'reachable'> & { licences: string; reachable: number };

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds themes, business models and published case studies to rows, in three queries for the lot. */
async function withLinks(db: Executor, rows: PublicRow[], now: Date): Promise<PublicOrganisation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [themes, models, themeLinks, modelLinks, pieceLinks] = await Promise.all([
    listThemes(db),
    db.selectFrom('map_business_models').select(['id', 'slug']).execute(),
    db.selectFrom('map_organisation_themes').select(['organisation_id', 'theme_id']).where('organisation_id', 'in', ids).execute(),
    db.selectFrom('map_organisation_models').select(['organisation_id', 'model_id']).where('organisation_id', 'in', ids).execute(),
    db.selectFrom('map_organisation_pieces').select(['organisation_id', 'piece_id']).where('organisation_id', 'in', ids).execute(),
  ]);
  const themeSlug = new Map(themes.map((t) => [t.id, t.slug]));
  const modelSlug = new Map(models.map((m) => [m.id, m.slug]));
  const pieces = pieceLinks.length ? await listPublishedRefs(db, now, [...new Set(pieceLinks.map((l) => l.piece_id))]) : [];
  const pieceById = new Map(pieces.map((p) => [p.id, p]));
  const group = <T>(links: { organisation_id: number }[], pick: (l: never) => T | undefined) => {
    const out = new Map<number, T[]>();
    for (const l of links) {
      const v = pick(l as never);
      if (v === undefined) continue;
      out.set(l.organisation_id, [...(out.get(l.organisation_id) ?? []), v]);
    }
    return out;
  };
  const themesOf = group<string>(themeLinks, (l: { theme_id: number }) => themeSlug.get(l.theme_id));
  const modelsOf = group<string>(modelLinks, (l: { model_id: number }) => modelSlug.get(l.model_id));
  const piecesOf = group<CaseStudyRef>(pieceLinks, (l: { piece_id: number }) => {
    const p = pieceById.get(l.piece_id);
    return p ? { slug: p.slug, title: p.title, kind: p.kind } : undefined;
  });
  return rows.map(({ reachable, licences, ...r }) => ({
    ...r,
    licences: parseList(licences),
    themes: (themesOf.get(r.id) ?? []).sort(),
    models: (modelsOf.get(r.id) ?? []).sort(),
    caseStudies: piecesOf.get(r.id) ?? [],
    reachable: Number(reachable) === 1,
  }));
}

function publicSelect(db: Executor, filter: ResolvedFilter) {
  return filteredOrganisations(db, filter).select([...PUBLIC_COLUMNS]).select((eb) => eb.case().when('map_organisations.contact_email', 'is not', null).then(1).else(0).end().as('reachable'));
}

/** A page of matching organisations in name order; `hasMore` says whether another page follows. */
export async function listOrganisations(db: Executor, filter: ResolvedFilter, page: { limit: number; offset: number }, now: Date): Promise<{ items: PublicOrganisation[]; hasMore: boolean }> {
  // Two steps: the page's ids first (sorting narrow rows, from the position or name index), then
  // those rows whole by primary key — sorting a bounding box of full rows costs ten times more.
  const picked = await filteredOrganisations(db, filter).select(['map_organisations.id', 'map_organisations.name']).orderBy('map_organisations.name').orderBy('map_organisations.id').limit(page.limit + 1).offset(page.offset).execute();
  const hasMore = picked.length > page.limit;
  const ids = picked.slice(0, page.limit).map((r) => r.id);
  if (ids.length === 0) return { items: [], hasMore };
  const rows = (await publicSelect(db, ALL_PUBLISHED).where('map_organisations.id', 'in', ids).execute()) as PublicRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: await withLinks(db, ids.map((id) => byId.get(id)!).filter(Boolean), now), hasMore };
}

const ALL_PUBLISHED: ResolvedFilter = { themes: [], models: [], legalForms: [], countries: [], foundedFrom: null, foundedTo: null, q: '', bbox: null, themeIds: null, modelIds: null };

export async function countOrganisations(db: Executor, filter: ResolvedFilter): Promise<number> {
  const row = await filteredOrganisations(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every matching organisation, in batches of `batchSize` by id (keyset pagination), for the
 * exports: a 100,000-row export never holds more than one batch.
 */
export async function* eachOrganisation(db: Executor, filter: ResolvedFilter, now: Date, batchSize = 1000): AsyncGenerator<PublicOrganisation[]> {
  let after = 0;
  for (;;) {
    const rows = (await publicSelect(db, filter).where('map_organisations.id', '>', after).orderBy('map_organisations.id').limit(batchSize).execute()) as PublicRow[];
    if (rows.length === 0) return;
    yield await withLinks(db, rows, now);
    after = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}

/** Published organisations by id (after `afterId`, or among `ids`), in id order: the search index's pages. */
export async function listOrganisationsAfter(db: Executor, filter: ResolvedFilter, page: { afterId?: number | undefined; ids?: number[] | undefined; limit: number }, now: Date) {
  let q = publicSelect(db, filter).orderBy('map_organisations.id').limit(page.limit);
  if (page.afterId !== undefined) q = q.where('map_organisations.id', '>', page.afterId);
  if (page.ids) q = q.where('map_organisations.id', 'in', page.ids.length ? page.ids : [-1]);
  const [rows, themes] = await Promise.all([q.execute(), listThemes(db)]);
  return { items: await withLinks(db, rows as PublicRow[], now), themeIds: new Map(themes.map((t) => [t.slug, t.id])) };
}

/** The points of the map: `[id, lat, lng]` of every matching organisation. */
export async function listPoints(db: Executor, filter: ResolvedFilter): Promise<[number, number, number][]> {
  const rows = await filteredOrganisations(db, filter).select(['map_organisations.id', 'map_organisations.lat', 'map_organisations.lng']).execute();
  return rows.map((r) => [r.id, r.lat, r.lng]);
}

/**
 * The matching organisations counted on a grid of `cellDegrees` (the map's first paint, before the
 * browser has built its own clusters): per cell, how many, where their centre is, and the id of
 * one of them (the organisation itself when it is alone). `round(x - 0.5)` is floor on both
 * dialects for these positive values (a point exactly on a line may fall on either side).
 */
export async function listGridClusters(db: Executor, filter: ResolvedFilter, cellDegrees: number): Promise<{ lat: number; lng: number; n: number; id: number }[]> {
  // The cell size is written as a literal (a number the route computed from a validated zoom): with
  // a parameter, PostgreSQL would not see the grouped expression and the selected one as the same.
  const cell = sql.lit(cellDegrees);
  const gy = sql<number>`round((map_organisations.lat + 90) / ${cell} - 0.5)`;
  const gx = sql<number>`round((map_organisations.lng + 180) / ${cell} - 0.5)`;
  const rows = await filteredOrganisations(db, filter)
    .select((eb) => [gy.as('gy'), gx.as('gx'), eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('map_organisations.lat').as('lat'), eb.fn.avg<number>('map_organisations.lng').as('lng'), eb.fn.min('map_organisations.id').as('id')])
    .groupBy([gy, gx])
    .execute();
  return rows.map((r) => ({ lat: Number(r.lat), lng: Number(r.lng), n: Number(r.n), id: Number(r.id) }));
}

/** One published organisation by slug, for its public page. */
export async function getPublicOrganisation(db: Executor, slug: string, now: Date): Promise<PublicOrganisation | undefined> {
  const row = await db
    .selectFrom('map_organisations')
    .select([...PUBLIC_COLUMNS])
    .select((eb) => eb.case().when('map_organisations.contact_email', 'is not', null).then(1).else(0).end().as('reachable'))
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row ? (await withLinks(db, [row as PublicRow], now))[0] : undefined;
}

/** One published organisation by id (the map's popups). */
export async function getPublicOrganisationById(db: Executor, id: number, now: Date): Promise<PublicOrganisation | undefined> {
  const row = await db.selectFrom('map_organisations').select('slug').where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return row ? getPublicOrganisation(db, row.slug, now) : undefined;
}

/** Everything editors may change, as the snapshot a version stores (contact email included). */
export async function getOrganisationFields(db: Executor, id: number): Promise<(OrganisationFields & { id: number; version: number }) | undefined> {
  const row = await db
    .selectFrom('map_organisations')
    .select(['id', 'version', 'name', 'slug', 'description_md', 'website', 'logo_url', 'legal_form', 'licences', 'founded_year', 'size_band', 'address', 'city', 'country', 'lat', 'lng', 'contact_email', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [themes, models, pieces] = await Promise.all([
    db.selectFrom('map_organisation_themes').select('theme_id').where('organisation_id', '=', id).execute(),
    db.selectFrom('map_organisation_models').select('model_id').where('organisation_id', '=', id).execute(),
    db.selectFrom('map_organisation_pieces').select('piece_id').where('organisation_id', '=', id).execute(),
  ]);
  return {
    ...row,
    licences: parseList(row.licences).sort(),
    theme_ids: themes.map((t) => t.theme_id).sort((a, b) => a - b),
    model_ids: models.map((m) => m.model_id).sort((a, b) => a - b),
    piece_ids: pieces.map((p) => p.piece_id).sort((a, b) => a - b),
  };
}

export async function getOrganisationIdBySlug(db: Executor, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('map_organisations').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

/** The slugs already taken among `candidates`. */
export async function takenSlugs(db: Executor, candidates: string[], exceptId: number | null): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  let q = db.selectFrom('map_organisations').select('slug').where('slug', 'in', candidates);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return new Set((await q.execute()).map((r) => r.slug));
}

/** What changes the points of the map: the latest version written (every accepted change writes one). */
export async function mapStamp(db: Executor): Promise<number> {
  const row = await db.selectFrom('map_versions').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Organisations that may be the same as a probe: the same name key, or within a box around it. */
export async function listDuplicateCandidates(db: Executor, probe: { nameKey: string; box: { south: number; north: number; west: number; east: number } }, exceptId: number | null) {
  let q = db
    .selectFrom('map_organisations')
    .select(['id', 'name', 'slug', 'website', 'lat', 'lng', 'city', 'country'])
    .where((eb) =>
      eb.or([
        eb('name_key', '=', probe.nameKey),
        eb.and([eb('lat', '>=', probe.box.south), eb('lat', '<=', probe.box.north), eb('lng', '>=', probe.box.west), eb('lng', '<=', probe.box.east)]),
      ]),
    )
    .limit(50);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return q.execute();
}

/** id, name, website and place of every organisation (imports compare each row with all of them, in memory). */
export async function listAllForDuplicates(db: Executor) {
  return db.selectFrom('map_organisations').select(['id', 'name', 'slug', 'website', 'lat', 'lng']).execute();
}

/** Published organisations among `ids`, for contributor pages (credits of map entries). */
export async function listOrganisationRefs(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('map_organisations').select(['id', 'slug', 'name', 'created_at']).where('id', 'in', ids).where('status', '=', 'published').execute();
}

/** The contact address an accepted "write to them" message goes to (the relay's handler only). */
export async function getContactAddress(db: Executor, organisationId: number) {
  return db.selectFrom('map_organisations').select(['name', 'slug', 'contact_email']).where('id', '=', organisationId).where('status', '=', 'published').executeTakeFirst();
}

/** Counts per facet value, for the filter form (published organisations only). */
export async function facetCounts(db: Executor) {
  const [themes, models, legal, countries] = await Promise.all([
    db.selectFrom('map_organisation_themes').innerJoin('map_organisations', 'map_organisations.id', 'map_organisation_themes.organisation_id').where('map_organisations.status', '=', 'published').select(['map_organisation_themes.theme_id as id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('map_organisation_themes.theme_id').execute(),
    db.selectFrom('map_organisation_models').innerJoin('map_organisations', 'map_organisations.id', 'map_organisation_models.organisation_id').where('map_organisations.status', '=', 'published').select(['map_organisation_models.model_id as id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('map_organisation_models.model_id').execute(),
    db.selectFrom('map_organisations').where('status', '=', 'published').where('legal_form', 'is not', null).select(['legal_form', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('legal_form').execute(),
    db.selectFrom('map_organisations').where('status', '=', 'published').select(['country', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('country').orderBy('country').execute(),
  ]);
  return {
    themes: new Map(themes.map((r) => [r.id, Number(r.n)])),
    models: new Map(models.map((r) => [r.id, Number(r.n)])),
    legalForms: new Map(legal.map((r) => [r.legal_form!, Number(r.n)])),
    countries: countries.map((r) => ({ code: r.country, n: Number(r.n) })),
  };
}

/** The editors' list of organisations (hidden ones included), newest change first. */
export async function listOrganisationsForEditors(db: Executor, page: { limit: number; offset: number }, q: string) {
  let query = db.selectFrom('map_organisations').select(['id', 'slug', 'name', 'city', 'country', 'status', 'version', 'updated_at']);
  const folded = foldText(q);
  if (folded) query = query.where(sql<boolean>`search_text like ${`%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}
