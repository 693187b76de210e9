/**
 * The map's filter as SQL, the same for the map points, the lists, the API and the exports.
 * Portable on both dialects: a bounding box is two range conditions on the indexed lat/lng
 * columns; text search is a LIKE on a folded copy of the searchable text (docs/decisions/016).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.ts';
import { listThemes } from '../../publishing/index.ts';
import type { MapFilter } from '../domain/filters.ts';
import { foldText } from '../domain/normalise.ts';

/** A filter whose slugs are resolved to ids (an unknown slug matches nothing). */
export interface ResolvedFilter extends MapFilter {
  themeIds: number[] | null;
  modelIds: number[] | null;
}

export async function resolveFilter(db: Executor, filter: MapFilter): Promise<ResolvedFilter> {
  const [themes, models] = await Promise.all([
    filter.themes.length ? listThemes(db) : Promise.resolve([]),
    filter.models.length ? db.selectFrom('map_business_models').select(['id', 'slug']).execute() : Promise.resolve([]),
  ]);
  const ids = (rows: { id: number; slug: string }[], slugs: string[]) => (slugs.length ? rows.filter((r) => slugs.includes(r.slug)).map((r) => r.id) : null);
  return { ...filter, themeIds: ids(themes, filter.themes), modelIds: ids(models, filter.models) };
}

/** `%text%` for LIKE, with the wildcards a person typed made literal. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type OrgQuery<O> = SelectQueryBuilder<DB, 'map_organisations', O>;

/** The published organisations matching the filter. */
export function filteredOrganisations(db: Executor, filter: ResolvedFilter): OrgQuery<{}> {
  let q: OrgQuery<{}> = db.selectFrom('map_organisations').where('map_organisations.status', '=', 'published');
  if (filter.themeIds) {
    const ids = filter.themeIds.length ? filter.themeIds : [-1];
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('map_organisation_themes').select('map_organisation_themes.theme_id').whereRef('map_organisation_themes.organisation_id', '=', 'map_organisations.id').where('map_organisation_themes.theme_id', 'in', ids)),
    );
  }
  if (filter.modelIds) {
    const ids = filter.modelIds.length ? filter.modelIds : [-1];
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('map_organisation_models').select('map_organisation_models.model_id').whereRef('map_organisation_models.organisation_id', '=', 'map_organisations.id').where('map_organisation_models.model_id', 'in', ids)),
    );
  }
  if (filter.legalForms.length) q = q.where('map_organisations.legal_form', 'in', filter.legalForms);
  if (filter.countries.length) q = q.where('map_organisations.country', 'in', filter.countries);
  if (filter.foundedFrom !== null) q = q.where('map_organisations.founded_year', '>=', filter.foundedFrom);
  if (filter.foundedTo !== null) q = q.where('map_organisations.founded_year', '<=', filter.foundedTo);
  const text = foldText(filter.q);
  if (text) q = q.where(sql<boolean>`map_organisations.search_text like ${likeContains(text)} escape '\\'`);
  const box = filter.bbox;
  if (box) {
    q = q.where('map_organisations.lat', '>=', box.south).where('map_organisations.lat', '<=', box.north);
    // A box crossing the antimeridian (west > east) is two ranges of longitude.
    q = box.west <= box.east
      ? q.where('map_organisations.lng', '>=', box.west).where('map_organisations.lng', '<=', box.east)
      : q.where((eb) => eb.or([eb('map_organisations.lng', '>=', box.west), eb('map_organisations.lng', '<=', box.east)]));
  }
  return q;
}
