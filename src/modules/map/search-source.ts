/**
 * Organisations as a source of the site search (reach's SearchSource, docs/decisions/014-search):
 * app.ts lists it with the others, and re-indexes an organisation whenever a version is written
 * (the `organisationChanged` effect runs the hooks app.ts gives the plugin).
 */
import { markdownToText } from '../../shared/markdown.ts';
import type { SearchDocument, SearchSource } from '../reach/index.ts';
import { EMPTY_FILTER } from './domain/filters.ts';
import { resolveFilter } from './queries/filter.ts';
import { listOrganisationsAfter, type PublicOrganisation } from './queries/organisations.ts';

// eslint-disable-next-line no-control-regex
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');

function toDocument(o: PublicOrganisation, licence: string, themeIds: Map<string, number>): SearchDocument {
  return {
    sourceId: o.id,
    url: `/map/organisations/${o.slug}`,
    title: clean(o.name),
    summary: clean([o.city, o.country].filter(Boolean).join(', ')),
    body: clean(markdownToText(o.description_md, 100_000)),
    authors: [],
    contentHtml: o.description_html,
    kind: 'organisation',
    language: 'fr',
    licence,
    publishedAt: o.created_at,
    updatedAt: o.updated_at,
    tags: [...o.themes.map((slug) => `theme:${themeIds.get(slug) ?? slug}`), ...o.models.map((m) => `model:${m}`), `country:${o.country}`],
  };
}

/** The search source of the map's published organisations, under the data licence. */
export function organisationSearchSource(licence: string): SearchSource {
  const documents = async (db: Parameters<SearchSource['list']>[0], now: Date, page: { afterId?: number; ids?: number[]; limit: number }) => {
    const { items, themeIds } = await listOrganisationsAfter(db, await resolveFilter(db, EMPTY_FILTER), page, now);
    return items.map((o) => toDocument(o, licence, themeIds));
  };
  return {
    name: 'organisation',
    list: (db, now, afterId, limit) => documents(db, now, { afterId, limit }),
    get: (db, now, ids) => (ids.length ? documents(db, now, { ids, limit: ids.length }) : Promise.resolve([])),
  };
}

/** Something to do after an organisation changed (a version was written): app.ts gives these to the plugin. */
export type OrganisationHook = (input: { db: Parameters<SearchSource['list']>[0]; now: Date; organisationId: number }) => Promise<void>;
