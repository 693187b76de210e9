/**
 * The collaborative map (issue 9, docs/decisions/016-map.md): the map and its open data, the
 * directory, public suggestions with email confirmation, the editors' desk, and the outbox
 * handlers of its emails. Only app.ts registers it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { handleMapEffects } from './effect-handlers.ts';
import { createGeocoder, loadGazetteer, type Geocoder } from './gazetteer.ts';
import type { MapRouteContext } from './routes/context.ts';
import { deskRoutes } from './routes/desk.tsx';
import { openDataRoutes } from './routes/open-data.ts';
import { publicMapRoutes } from './routes/public.tsx';
import { suggestionRoutes } from './routes/suggestions.tsx';
import type { OrganisationHook } from './search-source.ts';
import type { MapAssets } from './views/labels.ts';

export interface MapPluginOptions {
  deps: AppDeps;
  effects: EffectHandlers;
  /** The site's public/ folder (the map bundle is built into public/build by scripts/build.mjs). */
  publicDir: string;
  /** Run after an organisation changed (app.ts: the search index follows). */
  organisationHooks?: readonly OrganisationHook[];
}

/** The bundle's URLs with a hash of their content, so browsers keep them until they change. */
function mapAssets(publicDir: string, deps: AppDeps): MapAssets {
  const url = (file: string) => {
    const full = path.join(publicDir, 'build', file);
    const v = existsSync(full) ? createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 12) : 'dev';
    return `/static/build/${file}?v=${v}`;
  };
  return { js: url('map.js'), css: url('map.css'), outlines: url('map/countries-110m.json'), outlinesDetail: url('map/countries-50m.json'), tileUrl: deps.config.mapTileUrl, tileAttribution: deps.config.mapTileAttribution };
}

export const mapPlugin: FastifyPluginAsync<MapPluginOptions> = async (app, { deps, effects, publicDir, organisationHooks = [] }) => {
  handleMapEffects(effects, deps, organisationHooks);
  const geocodeOffline: Geocoder = async (city, country) => (await loadGazetteer()).locate(city, country);
  const context: MapRouteContext = { deps, assets: mapAssets(publicDir, deps), geocode: createGeocoder(deps.config.mapGeocoderUrl), geocodeOffline };
  publicMapRoutes(app, context);
  openDataRoutes(app, context);
  suggestionRoutes(app, context);
  deskRoutes(app, context);
};
