/**
 * Duplicate detection against many organisations at once (an import of thousands of rows): the
 * existing ones indexed by name key, by website host and by a grid of cells, so each row is
 * compared with its few plausible matches rather than with all of them.
 */
import { boxAround } from './distance.ts';
import { DUPLICATE_RADIUS_KM, findDuplicates, type DuplicateCandidate, type DuplicateMatch, type DuplicateProbe } from './duplicates.ts';
import { normaliseName, websiteHost } from './normalise.ts';

/** Grid cells of 0.01° (about 1.1 km north–south): a 0.4 km radius touches at most a few. */
const CELL = 0.01;
const cellKey = (lat: number, lng: number) => `${Math.floor(lat / CELL)}:${Math.floor(lng / CELL)}`;

export class DuplicateIndex {
  private readonly byName = new Map<string, DuplicateCandidate[]>();
  private readonly byHost = new Map<string, DuplicateCandidate[]>();
  private readonly byCell = new Map<string, DuplicateCandidate[]>();

  constructor(candidates: Iterable<DuplicateCandidate> = []) {
    for (const c of candidates) this.add(c);
  }

  add(c: DuplicateCandidate): void {
    const push = (map: Map<string, DuplicateCandidate[]>, key: string) => {
      if (!key) return;
      const list = map.get(key);
      if (list) list.push(c);
      else map.set(key, [c]);
    };
    push(this.byName, normaliseName(c.name));
    push(this.byHost, websiteHost(c.website));
    push(this.byCell, cellKey(c.lat, c.lng));
  }

  /** The same answer as findDuplicates over every indexed organisation. */
  find(probe: DuplicateProbe, radiusKm = DUPLICATE_RADIUS_KM): DuplicateMatch[] {
    const near = new Map<number, DuplicateCandidate>();
    const take = (list: DuplicateCandidate[] | undefined) => list?.forEach((c) => near.set(c.id, c));
    take(this.byName.get(normaliseName(probe.name)));
    const host = websiteHost(probe.website);
    if (host) take(this.byHost.get(host));
    const box = boxAround(probe, radiusKm);
    for (let lat = Math.floor(box.south / CELL); lat <= Math.floor(box.north / CELL); lat++) {
      for (let lng = Math.floor(box.west / CELL); lng <= Math.floor(box.east / CELL); lng++) take(this.byCell.get(`${lat}:${lng}`));
    }
    return findDuplicates(probe, [...near.values()], radiusKm);
  }
}
