import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SNAPSHOT_FIELDS, changedFields, parseSnapshot, type PieceSnapshot } from './revision.ts';

const base: PieceSnapshot = {
  kind: 'article',
  title: 'Les communs numériques',
  slug: 'les-communs-numeriques',
  summary: 'Un résumé.',
  body_md: '## Intro\n\nTexte.',
  language: 'fr',
  licence: 'CC-BY-SA-4.0',
  cover_media_id: 12,
  cover_alt: 'Une photo',
  themes: [3, 1, 2],
  credits: [
    { contributorId: 7, kind: 'author' },
    { contributorId: 9, kind: 'editor' },
  ],
};

const empty: PieceSnapshot = {
  kind: 'article',
  title: '',
  slug: '',
  summary: '',
  body_md: '',
  language: 'fr',
  licence: '',
  cover_media_id: null,
  cover_alt: '',
  themes: [],
  credits: [],
};

describe('SNAPSHOT_FIELDS', () => {
  it('lists every editable field in order', () => {
    expect(SNAPSHOT_FIELDS).toEqual([
      'kind', 'title', 'slug', 'summary', 'body_md', 'language', 'licence', 'cover_media_id', 'cover_alt', 'themes', 'credits',
    ]);
  });
});

describe('changedFields: first revision (no previous snapshot)', () => {
  it('reports every non-empty field of a fully filled snapshot', () => {
    expect(changedFields(null, base)).toEqual([...SNAPSHOT_FIELDS]);
  });

  it('leaves out empty strings and empty arrays', () => {
    const snap: PieceSnapshot = { ...base, summary: '', cover_alt: '', themes: [], credits: [] };
    expect(changedFields(null, snap)).toEqual(['kind', 'title', 'slug', 'body_md', 'language', 'licence', 'cover_media_id']);
  });

  it('a first revision without a cover does not report cover_media_id (null is empty)', () => {
    const snap: PieceSnapshot = { ...base, cover_media_id: null };
    expect(changedFields(null, snap)).toEqual(SNAPSHOT_FIELDS.filter((f) => f !== 'cover_media_id'));
  });

  it('an entirely empty first revision reports only the always-set enums', () => {
    expect(changedFields(null, empty)).toEqual(['kind', 'language']);
  });
});

describe('changedFields: between two revisions', () => {
  it('no change → []', () => {
    expect(changedFields(base, structuredClone(base))).toEqual([]);
    expect(changedFields(empty, structuredClone(empty))).toEqual([]);
  });

  const single: { field: keyof PieceSnapshot; patch: Partial<PieceSnapshot> }[] = [
    { field: 'kind', patch: { kind: 'interview' } },
    { field: 'title', patch: { title: 'Autre titre' } },
    { field: 'slug', patch: { slug: 'autre-titre' } },
    { field: 'summary', patch: { summary: 'Un autre résumé.' } },
    { field: 'body_md', patch: { body_md: '## Intro\n\nTexte modifié.' } },
    { field: 'language', patch: { language: 'en' } },
    { field: 'licence', patch: { licence: 'CC-BY-4.0' } },
    { field: 'cover_media_id', patch: { cover_media_id: 13 } },
    { field: 'cover_media_id', patch: { cover_media_id: null } },
    { field: 'cover_alt', patch: { cover_alt: '' } },
    { field: 'themes', patch: { themes: [1, 2] } },
    { field: 'themes', patch: { themes: [1, 2, 3, 4] } },
    { field: 'credits', patch: { credits: [{ contributorId: 7, kind: 'author' }] } },
    {
      field: 'credits',
      patch: {
        credits: [
          { contributorId: 7, kind: 'author' },
          { contributorId: 9, kind: 'translator' },
        ],
      },
    },
  ];

  it.each(single)('changing only $field reports [$field] ($patch)', ({ field, patch }) => {
    expect(changedFields(base, { ...base, ...patch })).toEqual([field]);
  });

  it('reports several changes in SNAPSHOT_FIELDS order', () => {
    const after: PieceSnapshot = { ...base, credits: [], title: 'X', themes: [9], kind: 'challenge' };
    expect(changedFields(base, after)).toEqual(['kind', 'title', 'themes', 'credits']);
  });

  it.each([
    { before: [3, 1, 2], after: [1, 2, 3] },
    { before: [1, 2, 3], after: [3, 2, 1] },
    { before: [10, 2], after: [2, 10] },
    { before: [], after: [] },
  ])('theme order does not matter: $before vs $after', ({ before, after }) => {
    expect(changedFields({ ...base, themes: before }, { ...base, themes: after })).toEqual([]);
  });

  it('does not mutate the themes arrays while comparing', () => {
    const before = { ...base, themes: [3, 1, 2] };
    const after = { ...base, themes: [2, 3, 1] };
    changedFields(before, after);
    expect(before.themes).toEqual([3, 1, 2]);
    expect(after.themes).toEqual([2, 3, 1]);
  });

  it('credits order does matter', () => {
    const reversed = [...base.credits].reverse();
    expect(changedFields(base, { ...base, credits: reversed })).toEqual(['credits']);
  });

  it('property: themes permutations never count as a change', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 20 }),
        fc.infiniteStream(fc.nat()),
        (themes, rnd) => {
          const shuffled = [...themes];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = rnd.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          expect(changedFields({ ...base, themes }, { ...base, themes: shuffled })).toEqual([]);
        },
      ),
    );
  });

  it('property: changedFields(a, a) is always empty and changedFields is symmetric', () => {
    const snapshotArb = fc.record({
      kind: fc.constantFrom('article', 'interview', 'case_study', 'challenge'),
      title: fc.string(),
      slug: fc.string(),
      summary: fc.string(),
      body_md: fc.string(),
      language: fc.constantFrom('fr', 'en'),
      licence: fc.string(),
      cover_media_id: fc.option(fc.nat(), { nil: null }),
      cover_alt: fc.string(),
      themes: fc.array(fc.nat({ max: 50 }), { maxLength: 5 }),
      credits: fc.array(fc.record({ contributorId: fc.nat({ max: 5 }), kind: fc.constantFrom('author', 'editor') }), {
        maxLength: 3,
      }),
    }) as fc.Arbitrary<PieceSnapshot>;
    fc.assert(
      fc.property(snapshotArb, snapshotArb, (a, b) => {
        expect(changedFields(a, structuredClone(a))).toEqual([]);
        expect(changedFields(a, b)).toEqual(changedFields(b, a));
      }),
    );
  });
});

describe('parseSnapshot', () => {
  it('round-trips a JSON snapshot', () => {
    expect(parseSnapshot(JSON.stringify(base))).toEqual(base);
  });
});
