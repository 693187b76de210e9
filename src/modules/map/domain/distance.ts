/** Great-circle distance between two points, in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box around a point that contains every point within `km` of it (for a first, indexed filter). */
export function boxAround(p: { lat: number; lng: number }, km: number): { south: number; north: number; west: number; east: number } {
  const dLat = km / 111.32;
  const cos = Math.max(0.01, Math.cos((p.lat * Math.PI) / 180));
  const dLng = Math.min(180, km / (111.32 * cos));
  return { south: Math.max(-90, p.lat - dLat), north: Math.min(90, p.lat + dLat), west: Math.max(-180, p.lng - dLng), east: Math.min(180, p.lng + dLng) };
}
