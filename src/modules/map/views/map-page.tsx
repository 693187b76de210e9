/**
 * The map page: faceted filters (a GET form, so every view has a URL), the interactive map, the
 * list beside it (rendered here, so it works without JavaScript; the script makes it follow the
 * visible area), open-data links and the embed snippet with the current filters.
 */
import type { ViewContext } from '../../../shared/views/context.ts';
import { jsonForScript, Layout } from '../../../shared/views/layout.tsx';
import { filterQuery, formatBbox, type MapFilter } from '../domain/filters.ts';
import { LEGAL_FORMS } from '../domain/organisation.ts';
import type { PublicOrganisation } from '../queries/organisations.ts';
import type { BusinessModel, ThemeOption } from '../queries/vocabulary.ts';
import { countryName, localName, type MapAssets } from './labels.ts';
import { ListPager, OrganisationList } from './organisation-list.tsx';

export interface Facets {
  themes: Map<number, number>;
  models: Map<number, number>;
  legalForms: Map<string, number>;
  countries: { code: string; n: number }[];
}

export interface MapPageProps {
  ctx: ViewContext;
  filter: MapFilter;
  themes: ThemeOption[];
  models: BusinessModel[];
  facets: Facets;
  list: { items: PublicOrganisation[]; page: number; hasMore: boolean; total: number };
  licence: { name: string; url: string };
  assets: MapAssets;
  canModerate: boolean;
}

/** The data the map script reads from its element (no inline script: the CSP allows none). */
export function mapDataset(props: { filter: MapFilter; assets: MapAssets; mode: 'browse' | 'embed' | 'single' | 'pick'; labels: Record<string, string>; extra?: Record<string, string | undefined> }) {
  const withoutBox = filterQuery({ ...props.filter, bbox: null });
  return {
    'data-mode': props.mode,
    'data-points': `/map/points.json${withoutBox ? `?${withoutBox}` : ''}`,
    'data-api': `/api/map/organisations${withoutBox ? `?${withoutBox}` : ''}`,
    'data-filter': withoutBox,
    'data-bbox': props.filter.bbox ? formatBbox(props.filter.bbox) : undefined,
    'data-outlines': props.assets.outlines,
    'data-outlines-detail': props.assets.outlinesDetail,
    'data-tiles': props.assets.tileUrl,
    'data-tiles-attribution': props.assets.tileAttribution,
    'data-labels': jsonForScript(props.labels),
    ...props.extra,
  };
}

export function mapLabels(ctx: ViewContext): Record<string, string> {
  const { t } = ctx;
  return {
    cluster: t('map.cluster', { n: '{n}' }),
    open: t('map.popupOpen'),
    inArea: t('map.listInArea', { n: '{n}' }),
    more: t('map.listMore'),
    none: t('map.none'),
    next: t('common.next'),
    previous: t('common.previous'),
    loading: t('map.loading'),
    map: t('map.interactive'),
  };
}

function Checkboxes({ name, legend, options, checked }: { name: string; legend: string; options: { value: string; label: string; n?: number | undefined }[]; checked: string[] }) {
  return (
    <fieldset class="facet">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label class="checkbox">
          <input type="checkbox" name={name} value={o.value} checked={checked.includes(o.value)} /> {o.label}
          {o.n !== undefined ? <span class="facet-count"> ({o.n})</span> : null}
        </label>
      ))}
    </fieldset>
  );
}

export function FilterForm({ ctx, filter, themes, models, facets, action }: { ctx: ViewContext; filter: MapFilter; themes: ThemeOption[]; models: BusinessModel[]; facets: Facets; action: string }) {
  const { t, lang } = ctx;
  return (
    <form class="map-filters" method="get" action={action} role="search" aria-label={t('map.filters')}>
      <div class="field">
        <label for="f-q">{t('map.search')}</label>
        <p class="hint" id="q-hint">
          {t('map.searchHint')}
        </p>
        <input id="f-q" name="q" type="search" value={filter.q} maxLength={200} aria-describedby="q-hint" />
      </div>
      <Checkboxes name="theme" legend={t('map.themes')} checked={filter.themes} options={themes.map((th) => ({ value: th.slug, label: localName(th, lang), n: facets.themes.get(th.id) ?? 0 }))} />
      <Checkboxes name="model" legend={t('map.models')} checked={filter.models} options={models.map((m) => ({ value: m.slug, label: localName(m, lang), n: facets.models.get(m.id) ?? 0 }))} />
      <Checkboxes name="legal" legend={t('map.legalForms')} checked={filter.legalForms} options={LEGAL_FORMS.map((f) => ({ value: f, label: t(`map.legal.${f}`), n: facets.legalForms.get(f) ?? 0 }))} />
      <div class="field">
        <label for="f-country">{t('map.country')}</label>
        <select id="f-country" name="country">
          <option value="">{t('map.allCountries')}</option>
          {facets.countries.map((c) => (
            <option value={c.code} selected={filter.countries.includes(c.code)}>
              {countryName(c.code, lang)} ({c.n})
            </option>
          ))}
        </select>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="f-from">{t('map.foundedFrom')}</label>
          <input id="f-from" name="from" type="number" inputMode="numeric" min={1800} max={2100} value={filter.foundedFrom ?? ''} />
        </div>
        <div class="field">
          <label for="f-to">{t('map.foundedTo')}</label>
          <input id="f-to" name="to" type="number" inputMode="numeric" min={1800} max={2100} value={filter.foundedTo ?? ''} />
        </div>
      </div>
      {filter.bbox ? <input type="hidden" name="bbox" value={formatBbox(filter.bbox)} /> : null}
      <p class="filter-actions">
        <button type="submit">{t('map.apply')}</button> <a href={action}>{t('map.reset')}</a>
      </p>
    </form>
  );
}

export function MapPage(props: MapPageProps) {
  const { ctx, filter, list, licence, assets } = props;
  const { t } = ctx;
  const query = filterQuery(filter);
  const withoutBox = filterQuery({ ...filter, bbox: null });
  const pageHref = (page: number) => `/map?${filterQuery(filter, { page })}`;
  const embedUrl = `${ctx.baseUrl}/map/embed${withoutBox ? `?${withoutBox}` : ''}`;
  const snippet = `<iframe src="${embedUrl.replace(/&/g, '&amp;')}" title="${t('map.title')}" width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
  return (
    <Layout ctx={ctx} meta={{ title: t('map.title'), description: t('map.intro'), canonicalPath: '/map' }}>
      <link rel="stylesheet" href={assets.css} />
      <h1>{t('map.title')}</h1>
      <p class="lede">{t('map.intro')}</p>
      <p class="map-actions">
        <a class="button" href="/map/suggest">
          {t('map.suggest')}
        </a>{' '}
        <a class="button button-secondary" href="/map/directory">
          {t('map.directory')}
        </a>
        {props.canModerate ? (
          <>
            {' '}
            <a href="/editor/map">{t('map.editorQueue')}</a>
          </>
        ) : null}
      </p>
      <div class="map-layout">
        <FilterForm ctx={ctx} filter={filter} themes={props.themes} models={props.models} facets={props.facets} action="/map" />
        <div class="map-main">
          <div class="map-frame">
            {/* The first paint and the points are fetched at once, not after the map script has loaded. */}
            {filter.bbox ? null : <link rel="preload" href={`/map/clusters.json?zoom=2${withoutBox ? `&${withoutBox}` : ''}`} as="fetch" crossorigin="anonymous" />}
            <link rel="preload" href={mapDataset({ filter, assets, mode: 'browse', labels: {} })['data-points']} as="fetch" crossorigin="anonymous" />
            <div id="map" class="map-canvas" role="region" aria-label={t('map.interactive')} aria-describedby="map-keys" {...mapDataset({ filter, assets, mode: 'browse', labels: mapLabels(ctx) })}>
              <p class="map-placeholder">{t('map.loading')}</p>
            </div>
            <p id="map-keys" class="hint">
              {t('map.keyboardHint')}
            </p>
          </div>
          <section class="map-list" aria-labelledby="list-heading">
            <h2 id="list-heading" aria-live="polite">
              {filter.bbox ? t('map.listInArea', { n: list.total }) : t('map.listHeading', { n: list.total })}
            </h2>
            {filter.bbox ? (
              <p>
                <a href={`/map${withoutBox ? `?${withoutBox}` : ''}`}>{t('map.wholeWorld')}</a>
              </p>
            ) : null}
            <div id="map-list-items">
              <OrganisationList ctx={ctx} items={list.items} themes={props.themes} />
              <ListPager ctx={ctx} page={list.page} hasMore={list.hasMore} href={pageHref} />
            </div>
          </section>
        </div>
      </div>
      <section class="map-open-data" aria-labelledby="open-data-heading">
        <h2 id="open-data-heading">{t('map.openData')}</h2>
        <p>
          {t('map.openDataIntro', { licence: licence.name })} <a href={licence.url} rel="license">{licence.name}</a>
        </p>
        <ul class="export-links">
          <li>
            <a href={`/map/data.geojson${query ? `?${query}` : ''}`} data-export="geojson">
              {t('map.exportGeoJson')}
            </a>
          </li>
          <li>
            <a href={`/map/data.csv${query ? `?${query}` : ''}`} data-export="csv">
              {t('map.exportCsv')}
            </a>
          </li>
          <li>
            <a href={`/api/map/organisations${query ? `?${query}` : ''}`} data-export="api">
              {t('map.exportApi')}
            </a>
          </li>
        </ul>
        <h3 id="embed-heading">{t('map.embed')}</h3>
        <p id="embed-hint" class="hint">
          {t('map.embedHint')}
        </p>
        <textarea id="embed-snippet" class="embed-snippet" readOnly rows={3} aria-labelledby="embed-heading" aria-describedby="embed-hint" data-embed-base={`${ctx.baseUrl}/map/embed`}>
          {snippet}
        </textarea>
      </section>
      <section class="map-credits" aria-labelledby="credits-heading">
        <h2 id="credits-heading">{t('map.credits')}</h2>
        <p>{t('map.creditsText')}</p>
      </section>
      <script src={assets.js} defer />
    </Layout>
  );
}
