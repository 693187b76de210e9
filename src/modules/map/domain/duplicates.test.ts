import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceKm } from './distance.ts';
import { DuplicateIndex } from './duplicate-index.ts';
import { DUPLICATE_RADIUS_KM, findDuplicates, isConfidentDuplicate } from './duplicates.ts';
import { normaliseName } from './normalise.ts';

const lyon = { lat: 45.764, lng: 4.8357 };
/** A point `km` kilometres north of `p`. */
const north = (p: { lat: number; lng: number }, km: number) => ({ lat: p.lat + km / 111.195, lng: p.lng });

describe('normalised names', () => {
  it.each([
    ['Framasoft', 'Association Framasoft'],
    ['La Coop des Communs', 'coop des communs'],
    ['Énergie Partagée SCIC', 'energie partagee'],
    ['  OpenStreetMap France  ', 'openstreetmap-france'],
    ['Ñandú GmbH', 'nandu'],
  ])('“%s” and “%s” share a key', (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
  });

  it('keeps a name made only of legal words rather than emptying it', () => {
    expect(normaliseName('Association')).toBe('association');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => normaliseName(normaliseName(s)) === normaliseName(s)));
  });
});

describe('duplicate detection', () => {
  const existing = [
    { id: 1, name: 'Association Framasoft', website: 'https://framasoft.org', ...lyon },
    { id: 2, name: 'Atelier Soudé', website: '', ...north(lyon, 3) },
    { id: 3, name: 'Fablab Lyon', website: 'https://www.fablab-lyon.fr/', ...north(lyon, 0.2) },
  ];

  it('finds the same normalised name anywhere', () => {
    const found = findDuplicates({ name: 'framasoft', website: '', lat: 48.85, lng: 2.35 }, existing);
    expect(found.map((m) => [m.id, m.reasons])).toEqual([[1, ['same_name']]]);
    expect(isConfidentDuplicate(found[0]!)).toBe(false);
  });

  it('finds a similar name within 400 m, and not beyond', () => {
    const unrelated = findDuplicates({ name: 'Atelier Vélo', website: '', ...north(lyon, 0.3) }, existing);
    expect(unrelated).toEqual([]);
    const close = findDuplicates({ name: 'Le Fablab Lyon', website: '', ...north(lyon, 0.45) }, existing);
    expect(close.map((m) => m.id)).toEqual([3]);
    expect(close[0]!.reasons).toContain('same_place');
    expect(isConfidentDuplicate(close[0]!)).toBe(true);
    const far = findDuplicates({ name: 'Fablab', website: '', ...north(lyon, 0.2 + DUPLICATE_RADIUS_KM + 0.05) }, existing);
    expect(far.filter((m) => m.reasons.includes('same_place'))).toEqual([]);
  });

  it('finds the same website host, with or without www', () => {
    const found = findDuplicates({ name: 'Something else', website: 'http://fablab-lyon.fr/contact', lat: 0, lng: 0 }, existing);
    expect(found.map((m) => [m.id, m.reasons])).toEqual([[3, ['same_website']]]);
  });

  it('treats the same name and website as confident, wherever it is', () => {
    const [match] = findDuplicates({ name: 'Framasoft', website: 'https://framasoft.org/fr/', lat: 0, lng: 0 }, existing);
    expect(isConfidentDuplicate(match!)).toBe(true);
  });

  const place = fc.record({ lat: fc.double({ min: -80, max: 80, noNaN: true }), lng: fc.double({ min: -179, max: 179, noNaN: true }) });
  const name = fc.constantFrom('Framasoft', 'Fablab Lyon', 'Atelier Soudé', 'Open Food Network', 'La Coop', 'Wikimédia France');

  it('always finds an organisation as a duplicate of itself', () => {
    fc.assert(
      fc.property(name, place, (n, p) => {
        const found = findDuplicates({ name: n, website: '', ...p }, [{ id: 7, name: n, website: '', ...p }]);
        return found.length === 1 && found[0]!.reasons.includes('same_name') && found[0]!.reasons.includes('same_place');
      }),
    );
  });

  it('is symmetric: if a duplicates b, b duplicates a', () => {
    fc.assert(
      fc.property(name, name, place, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, p, km) => {
        const q = north(p, km);
        const ab = findDuplicates({ name: a, website: '', ...p }, [{ id: 1, name: b, website: '', ...q }]);
        const ba = findDuplicates({ name: b, website: '', ...q }, [{ id: 1, name: a, website: '', ...p }]);
        return JSON.stringify(ab.map((m) => m.reasons)) === JSON.stringify(ba.map((m) => m.reasons));
      }),
    );
  });

  it('gives the same answers through the index as over the whole list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name, lat: fc.double({ min: 45, max: 45.1, noNaN: true }), lng: fc.double({ min: 4.8, max: 4.9, noNaN: true }), website: fc.constantFrom('', 'https://a.org', 'https://b.org') }), { maxLength: 40 }),
        fc.record({ name, lat: fc.double({ min: 45, max: 45.1, noNaN: true }), lng: fc.double({ min: 4.8, max: 4.9, noNaN: true }), website: fc.constantFrom('', 'https://a.org') }),
        (rows, probe) => {
          const all = rows.map((r, i) => ({ id: i + 1, ...r }));
          const index = new DuplicateIndex(all);
          return JSON.stringify(index.find(probe)) === JSON.stringify(findDuplicates(probe, all));
        },
      ),
    );
  });

  it('measures distances like the haversine formula says', () => {
    expect(distanceKm({ lat: 48.8566, lng: 2.3522 }, { lat: 45.764, lng: 4.8357 })).toBeCloseTo(391.5, 0);
    expect(distanceKm(lyon, north(lyon, 0.4))).toBeCloseTo(0.4, 3);
  });
});
