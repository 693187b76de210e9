/** Where an organisation is: the pin a person dropped, or its city found by the geocoder. */
import { validCoordinates } from './domain/organisation.ts';
import { UnknownCityError } from './errors.ts';
import type { Geocoder } from './gazetteer.ts';

export interface PlaceRequest {
  city: string;
  country: string;
  lat: number | null;
  lng: number | null;
}

/** The coordinates to store; a city the geocoder does not know is refused on the city field. */
export async function resolvePlace(request: PlaceRequest, locate: Geocoder): Promise<{ lat: number; lng: number }> {
  if (request.lat !== null && request.lng !== null && validCoordinates(request.lat, request.lng)) return { lat: request.lat, lng: request.lng };
  const found = request.city ? await locate(request.city, request.country) : null;
  if (!found) throw new UnknownCityError(request.city, request.country);
  return { lat: found.lat, lng: found.lng };
}
