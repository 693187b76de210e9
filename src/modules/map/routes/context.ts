/** What every route file of the map receives from the plugin. */
import type { AppDeps } from '../../../app-deps.ts';
import type { Geocoder } from '../gazetteer.ts';
import type { MapAssets } from '../views/labels.ts';

export interface MapRouteContext {
  deps: AppDeps;
  /** The map bundle's URLs (with their content hash) and the basemap settings. */
  assets: MapAssets;
  /** The gazetteer, then the configured external geocoder (public forms, editors' form). */
  geocode: Geocoder;
  /** The gazetteer alone (imports never wait on a network). */
  geocodeOffline: Geocoder;
}
