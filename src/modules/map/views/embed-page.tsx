/**
 * The embeddable map (`<iframe src="/map/embed?…">`): the map alone, its filters from the URL,
 * a link to the full map and the sources. The only page another site may frame.
 */
import type { ViewContext } from '../../../shared/views/context.ts';
import { filterQuery, type MapFilter } from '../domain/filters.ts';
import type { MapAssets } from './labels.ts';
import { mapDataset, mapLabels } from './map-page.tsx';

export function EmbedPage({ ctx, filter, assets, licence }: { ctx: ViewContext; filter: MapFilter; assets: MapAssets; licence: { name: string; url: string } }) {
  const { t } = ctx;
  const query = filterQuery(filter);
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${t('map.title')} · Open Experience`}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.js} defer />
      </head>
      <body class="map-embed">
        <main>
          <h1 class="visually-hidden">{t('map.title')}</h1>
          <div id="map" class="map-canvas map-embed-canvas" role="region" aria-label={t('map.interactive')} {...mapDataset({ filter, assets, mode: 'embed', labels: mapLabels(ctx) })}>
            <p class="map-placeholder">{t('map.loading')}</p>
          </div>
          <p class="map-embed-footer">
            <a href={`${ctx.baseUrl}/map${query ? `?${query}` : ''}`} target="_top">
              {t('map.embedOpen')}
            </a>{' '}
            · <a href={licence.url} target="_top" rel="license">{licence.name}</a> · Natural Earth · GeoNames · Leaflet
          </p>
        </main>
      </body>
    </html>
  );
}
