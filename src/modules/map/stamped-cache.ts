/**
 * Answers the map computes often and that change only when the map does (the points for a filter,
 * the facet counts), kept per instance and keyed by the latest version id: any accepted change on
 * any instance writes a version, so the next request sees a new stamp and computes afresh.
 */
export class StampedCache<T> {
  private readonly entries = new Map<string, { stamp: number; at: number; value: Promise<T> }>();

  /**
   * `maxAgeMs` bounds what the stamp cannot see: an answer that also depends on other modules' data
   * (the case studies a piece's publication adds or removes) is computed again after that long.
   */
  constructor(
    private readonly maxEntries = 200,
    private readonly maxAgeMs = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string, stamp: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.stamp === stamp && now - hit.at < this.maxAgeMs) return hit.value;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const value = compute();
    this.entries.set(key, { stamp, at: now, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
