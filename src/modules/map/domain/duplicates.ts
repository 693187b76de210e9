/**
 * Duplicate detection: is a suggested or imported organisation one the map already has? Offered to
 * the editor as "merge into existing", never decided alone.
 */
import { distanceKm } from './distance.ts';
import { normaliseName, websiteHost } from './normalise.ts';

/** Two places closer than this are "the same address" for duplicate detection. */
export const DUPLICATE_RADIUS_KM = 0.4;

export interface DuplicateProbe {
  name: string;
  website: string;
  lat: number;
  lng: number;
}

export interface DuplicateCandidate extends DuplicateProbe {
  id: number;
}

export type DuplicateReason = 'same_name' | 'same_place' | 'same_website';

export interface DuplicateMatch {
  id: number;
  reasons: DuplicateReason[];
  distanceKm: number;
}

/** Whether two normalised names are alike: equal, or one holds the other as whole words. */
function similarNames(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && ` ${long} `.includes(` ${short} `);
}

/**
 * The existing organisations a probe may duplicate, most likely first:
 * - the same normalised name (anywhere),
 * - a similar name within DUPLICATE_RADIUS_KM,
 * - the same website host.
 */
export function findDuplicates(probe: DuplicateProbe, existing: readonly DuplicateCandidate[], radiusKm = DUPLICATE_RADIUS_KM): DuplicateMatch[] {
  const key = normaliseName(probe.name);
  const host = websiteHost(probe.website);
  const out: DuplicateMatch[] = [];
  for (const other of existing) {
    const otherKey = normaliseName(other.name);
    const d = distanceKm(probe, other);
    const reasons: DuplicateReason[] = [];
    if (key !== '' && key === otherKey) reasons.push('same_name');
    if (d <= radiusKm && similarNames(key, otherKey)) reasons.push('same_place');
    if (host !== '' && host === websiteHost(other.website)) reasons.push('same_website');
    if (reasons.length) out.push({ id: other.id, reasons, distanceKm: d });
  }
  return out.sort((a, b) => b.reasons.length - a.reasons.length || a.distanceKm - b.distanceKm || a.id - b.id);
}

/**
 * A match sure enough to merge without a person looking (imports): a similar name at the same
 * place, or the same name and the same website.
 */
export function isConfidentDuplicate(match: DuplicateMatch): boolean {
  return match.reasons.includes('same_place') || (match.reasons.includes('same_name') && match.reasons.includes('same_website'));
}
