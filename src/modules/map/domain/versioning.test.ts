import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEGAL_FORMS, SIZE_BANDS, type OrganisationFields } from './organisation.ts';
import { applyCorrection, canonicalSnapshot, diffFields, mergeFields, nextVersionNumber, restoreVersion, type Version } from './versioning.ts';

const base: OrganisationFields = {
  name: 'Framasoft',
  slug: 'framasoft',
  description_md: 'Dégooglisons Internet.',
  website: 'https://framasoft.org',
  logo_url: '',
  theme_ids: [3],
  model_ids: [3, 4],
  legal_form: 'association',
  licences: ['AGPL-3.0'],
  founded_year: 2004,
  size_band: '10-49',
  address: '',
  city: 'Lyon',
  country: 'FR',
  lat: 45.764,
  lng: 4.8357,
  contact_email: 'contact@framasoft.example',
  piece_ids: [],
  status: 'published',
};

const fields: fc.Arbitrary<OrganisationFields> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 30 }),
  slug: fc.stringMatching(/^[a-z0-9]{1,12}$/),
  description_md: fc.string({ maxLength: 50 }),
  website: fc.constantFrom('', 'https://a.org', 'https://b.org'),
  logo_url: fc.constantFrom('', 'https://a.org/logo.png'),
  theme_ids: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { maxLength: 5 }),
  model_ids: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 5 }),
  legal_form: fc.constantFrom(null, ...LEGAL_FORMS),
  licences: fc.uniqueArray(fc.constantFrom('MIT', 'GPL-3.0', 'CC-BY-4.0'), { maxLength: 3 }),
  founded_year: fc.option(fc.integer({ min: 1800, max: 2026 }), { nil: null }),
  size_band: fc.constantFrom(null, ...SIZE_BANDS),
  address: fc.string({ maxLength: 20 }),
  city: fc.string({ maxLength: 20 }),
  country: fc.constantFrom('FR', 'DE', 'BE'),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
  contact_email: fc.constantFrom(null, 'a@example.org'),
  piece_ids: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }),
  status: fc.constantFrom('published', 'hidden'),
}).map(canonicalSnapshot);

describe('diffs', () => {
  it('lists the changed fields in reading order, lists compared as sets', () => {
    const after = { ...base, name: 'Framasoft (association)', model_ids: [4, 3], licences: ['AGPL-3.0', 'CC-BY-SA-4.0'], lat: 45.77 };
    expect(diffFields(base, after).map((c) => c.field)).toEqual(['name', 'licences', 'lat']);
  });

  it('shows every given field of a new organisation against nothing', () => {
    expect(diffFields(null, { name: 'X', theme_ids: [] }).map((c) => c.field)).toEqual(['name']);
  });

  it('finds no change between a snapshot and itself, and some whenever they differ', () => {
    fc.assert(fc.property(fields, (f) => diffFields(f, f).length === 0));
    fc.assert(fc.property(fields, fields, (a, b) => (diffFields(a, b).length === 0) === (JSON.stringify(a) === JSON.stringify(b))));
  });
});

describe('versions and restore', () => {
  const history = (...snapshots: OrganisationFields[]): Version[] => snapshots.map((snapshot, i) => ({ number: i + 1, snapshot }));

  it('restores an earlier version as a new version, keeping the vandalism in the history', () => {
    const vandalised = { ...base, name: 'SPAM', website: 'https://spam.example', description_md: 'buy now' };
    const versions = history(base, vandalised);
    const restored = restoreVersion(versions, 1);
    expect(restored).toEqual({ snapshot: base, number: 3 });
  });

  it('has nothing to restore when the version is the current one, or does not exist', () => {
    const versions = history(base, { ...base, city: 'Paris' });
    expect(restoreVersion(versions, 2)).toBeUndefined();
    expect(restoreVersion(versions, 9)).toBeUndefined();
  });

  it('brings back exactly the snapshot of any version, whatever came after', () => {
    fc.assert(
      fc.property(fc.array(fields, { minLength: 2, maxLength: 8 }), fc.nat(), (snapshots, pick) => {
        const versions = history(...snapshots);
        const n = (pick % snapshots.length) + 1;
        const restored = restoreVersion(versions, n);
        const current = snapshots[snapshots.length - 1]!;
        if (diffFields(current, snapshots[n - 1]!).length === 0) return restored === undefined;
        return restored !== undefined && restored.number === nextVersionNumber(versions) && diffFields(restored.snapshot, snapshots[n - 1]!).length === 0;
      }),
    );
  });
});

describe('corrections and merges', () => {
  it('applies only the fields a correction names', () => {
    const corrected = applyCorrection(base, { city: 'Villeurbanne', lat: 45.77, lng: 4.88 });
    expect(diffFields(base, corrected).map((c) => c.field)).toEqual(['city', 'lat', 'lng']);
    expect(corrected.contact_email).toBe(base.contact_email);
  });

  it('merges a duplicate: its texts replace, its lists join, its blanks keep, the slug and status stay', () => {
    const merged = mergeFields(base, { name: 'Framasoft', slug: 'other', status: 'hidden', description_md: '', theme_ids: [1], model_ids: [4, 7], website: 'https://framasoft.org/fr', founded_year: null });
    expect(merged.slug).toBe('framasoft');
    expect(merged.status).toBe('published');
    expect(merged.description_md).toBe(base.description_md);
    expect(merged.theme_ids).toEqual([1, 3]);
    expect(merged.model_ids).toEqual([3, 4, 7]);
    expect(merged.website).toBe('https://framasoft.org/fr');
    expect(merged.founded_year).toBe(2004);
  });

  it('merging something into itself changes nothing', () => {
    fc.assert(fc.property(fields, (f) => diffFields(f, mergeFields(f, f)).length === 0));
  });
});
