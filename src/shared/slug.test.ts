import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SLUG_MAX_LENGTH, SLUG_PATTERN, isValidSlug, slugAlternatives, slugify } from './slug.ts';

describe('slugify', () => {
  it.each([
    // French accents
    ['Données ouvertes !', 'donnees-ouvertes'],
    ['Élève à l’école', 'eleve-a-l-ecole'],
    ['Ça déménage, hé', 'ca-demenage-he'],
    ['ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ', 'aaaceeeeiioouuuy'],
    ['àâäçéèêëîïôöùûüÿ', 'aaaceeeeiioouuuy'],
    // ligatures
    ['Cœur de l’œuvre', 'coeur-de-l-oeuvre'],
    ['ŒUVRE', 'oeuvre'],
    ['Æsthétique', 'aesthetique'],
    ['curriculum vitæ', 'curriculum-vitae'],
    ['Straße', 'strasse'],
    // punctuation and spacing
    ['Hello, World!', 'hello-world'],
    ['  --Open   Experience--  ', 'open-experience'],
    ['a/b\\c.d_e:f;g', 'a-b-c-d-e-f-g'],
    ['« Guillemets » et — tirets', 'guillemets-et-tirets'],
    ['L’open source : quel modèle ?', 'l-open-source-quel-modele'],
    ['2026 : année 1', '2026-annee-1'],
    ['already-a-slug', 'already-a-slug'],
    ['MiXeD CaSe', 'mixed-case'],
    ['tab\tand\nnewline', 'tab-and-newline'],
    // nothing usable
    ['', ''],
    ['   ', ''],
    ['!!!', ''],
    ['—', ''],
    ['日本語', ''],
    ['🙂🙂', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('compatibility characters are decomposed (ﬁ ligature, full-width digits)', () => {
    expect(slugify('ﬁnance')).toBe('finance');
    expect(slugify('１２３')).toBe('123');
  });

  it('caps the length at 80', () => {
    const input = 'a'.repeat(200);
    expect(slugify(input)).toBe('a'.repeat(80));
    expect(SLUG_MAX_LENGTH).toBe(80);
  });

  it('does not leave a trailing hyphen when the cut falls on a separator', () => {
    // 79 letters, a space, then more: the 80th character would be a hyphen.
    const input = `${'b'.repeat(79)} suite`;
    expect(slugify(input)).toBe('b'.repeat(79));
  });

  it('does not leave trailing hyphens when the cut falls inside a run of separators', () => {
    // " !! " collapses to one hyphen, which lands on the 80th character.
    const input = `${'c'.repeat(79)} !! ${'d'.repeat(10)}`;
    expect(slugify(input)).toBe('c'.repeat(79));
    // One character earlier, the collapsed hyphen is kept and one letter follows it.
    expect(slugify(`${'c'.repeat(78)} !! ${'d'.repeat(10)}`)).toBe(`${'c'.repeat(78)}-d`);
  });

  it('keeps a word cut in the middle at exactly 80 characters', () => {
    const input = `${'e'.repeat(70)} ${'f'.repeat(20)}`;
    const out = slugify(input);
    expect(out).toBe(`${'e'.repeat(70)}-${'f'.repeat(9)}`);
    expect(out).toHaveLength(80);
  });

  it('property: output is a valid slug or empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const s = slugify(text);
        expect(s === '' || isValidSlug(s)).toBe(true);
      }),
    );
  });

  it('property: output is a valid slug or empty (French-ish alphabet)', () => {
    const chars = fc.constantFrom(...'aeiouéèêàçœæÉÀŒÆ -’\'!?,.:;«»0123456789'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 200 }), (text) => {
        const s = slugify(text);
        expect(s === '' || isValidSlug(s)).toBe(true);
        expect(s.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
      }),
    );
  });

  it('property: slugify is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const s = slugify(text);
        expect(slugify(s)).toBe(s);
      }),
    );
  });

  it('property: a valid slug is its own slug', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,10}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 7 }), (words) => {
        const slug = words.join('-');
        expect(isValidSlug(slug)).toBe(true);
        expect(slugify(slug)).toBe(slug);
      }),
    );
  });
});

describe('isValidSlug', () => {
  it.each([
    ['a', true],
    ['abc-123', true],
    ['2026', true],
    ['a'.repeat(80), true],
    ['a'.repeat(81), false],
    ['', false],
    ['-abc', false],
    ['abc-', false],
    ['a--b', false],
    ['Abc', false],
    ['a b', false],
    ['a_b', false],
    ['é', false],
    ['a.b', false],
  ])('%j → %s', (slug, expected) => {
    expect(isValidSlug(slug)).toBe(expected);
  });

  it('SLUG_PATTERN matches lowercase ASCII words joined by single hyphens', () => {
    expect(SLUG_PATTERN.test('open-experience')).toBe(true);
    expect(SLUG_PATTERN.test('open--experience')).toBe(false);
  });
});

describe('slugAlternatives', () => {
  it('offers base-2, base-3, base-4 by default', () => {
    expect(slugAlternatives('communs', new Set())).toEqual(['communs-2', 'communs-3', 'communs-4']);
  });

  it('skips the taken ones', () => {
    const taken = new Set(['communs-2', 'communs-4', 'communs-5']);
    expect(slugAlternatives('communs', taken)).toEqual(['communs-3', 'communs-6', 'communs-7']);
  });

  it('the base itself being taken does not matter', () => {
    expect(slugAlternatives('communs', new Set(['communs']))).toEqual(['communs-2', 'communs-3', 'communs-4']);
  });

  it('honours count', () => {
    expect(slugAlternatives('x', new Set(), 1)).toEqual(['x-2']);
    expect(slugAlternatives('x', new Set(), 5)).toEqual(['x-2', 'x-3', 'x-4', 'x-5', 'x-6']);
    expect(slugAlternatives('x', new Set(), 0)).toEqual([]);
  });

  it('gives up after n = 999', () => {
    const taken = new Set(Array.from({ length: 997 }, (_, i) => `x-${i + 2}`)); // x-2 … x-998
    expect(slugAlternatives('x', taken)).toEqual(['x-999']);
    taken.add('x-999');
    expect(slugAlternatives('x', taken)).toEqual([]);
  });

  it('respects the length cap for a base of maximal length', () => {
    const base = 'a'.repeat(80);
    const alts = slugAlternatives(base, new Set());
    expect(alts).toEqual([`${'a'.repeat(78)}-2`, `${'a'.repeat(78)}-3`, `${'a'.repeat(78)}-4`]);
    for (const alt of alts) {
      expect(alt).toHaveLength(80);
      expect(isValidSlug(alt)).toBe(true);
    }
  });

  it('shortens more for longer suffixes', () => {
    const base = 'a'.repeat(80);
    const taken = new Set(Array.from({ length: 8 }, (_, i) => `${'a'.repeat(78)}-${i + 2}`)); // -2 … -9
    expect(slugAlternatives(base, taken, 2)).toEqual([`${'a'.repeat(77)}-10`, `${'a'.repeat(77)}-11`]);
  });

  it('does not produce a double hyphen when the cut lands on a hyphen', () => {
    const base = `${'a'.repeat(77)}-bc`; // 80 chars; cut to 78 → "aaa…a-" → trimmed
    const alts = slugAlternatives(base, new Set(), 1);
    expect(alts).toEqual([`${'a'.repeat(77)}-2`]);
    expect(isValidSlug(alts[0]!)).toBe(true);
  });

  it('property: alternatives are valid, within the cap, distinct and not taken', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    const baseArb = fc
      .array(word, { minLength: 1, maxLength: 12 })
      .map((ws) => slugify(ws.join('-')))
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(baseArb, fc.uniqueArray(fc.integer({ min: 2, max: 30 }), { maxLength: 15 }), fc.integer({ min: 1, max: 6 }), (base, takenNs, count) => {
        const taken = new Set(takenNs.map((n) => slugAlternatives(base, new Set(), 40)[n - 2]!));
        const alts = slugAlternatives(base, taken, count);
        expect(alts).toHaveLength(count);
        expect(new Set(alts).size).toBe(alts.length);
        for (const alt of alts) {
          expect(taken.has(alt)).toBe(false);
          expect(alt.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
          expect(isValidSlug(alt)).toBe(true);
        }
      }),
    );
  });
});
