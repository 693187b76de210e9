import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { en, fr, FRAGMENTS } from './catalogue.ts';
import { flattenPlurals } from './plural.ts';
import { DEFAULT_LANG, LANGS, formatDate, formatDateTime, isLang, isMessageKey, translator, type MessageKey } from './index.ts';

const frKeys = Object.keys(fr).sort();
const enKeys = Object.keys(en).sort();

/** The `{name}` placeholders of a message, plural blocks (`{n, plural, one {…} other {…}}`) included. */
function placeholders(text: string): string[] {
  const flat = flattenPlurals(text) ?? text;
  return [...new Set([...flat.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

describe('catalogues', () => {
  it('are not empty', () => {
    expect(frKeys.length).toBeGreaterThan(50);
  });

  it('fr and en have exactly the same keys', () => {
    expect(enKeys).toEqual(frKeys);
  });

  it('each key is owned by exactly one module fragment, in both languages', () => {
    const owners = new Map<string, string[]>();
    for (const [owner, [frPart, enPart]] of Object.entries(FRAGMENTS)) {
      expect(Object.keys(enPart).sort(), owner).toEqual(Object.keys(frPart).sort());
      for (const key of Object.keys(frPart)) owners.set(key, [...(owners.get(key) ?? []), owner]);
    }
    expect([...owners].filter(([, o]) => o.length > 1)).toEqual([]);
    expect(owners.size).toBe(frKeys.length);
  });

  it.each(LANGS.map((lang) => [lang, lang === 'fr' ? fr : en] as const))('%s has no empty or blank string', (_lang, catalogue) => {
    const blank = Object.entries(catalogue).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(blank).toEqual([]);
  });

  it('every key has the same set of {placeholders} in both languages', () => {
    const mismatches = frKeys
      .map((key) => ({
        key,
        fr: placeholders(fr[key as MessageKey]),
        en: placeholders(en[key as MessageKey]),
      }))
      .filter((row) => JSON.stringify(row.fr) !== JSON.stringify(row.en));
    expect(mismatches).toEqual([]);
  });

  it('keys are dotted identifiers', () => {
    // Segments may embed a ledger account code (ledger.account.assets:bank).
    const bad = frKeys.filter((k) => !/^[a-zA-Z0-9_]+(\.[a-zA-Z0-9_:]+)+$/.test(k));
    expect(bad).toEqual([]);
  });

  it('placeholder braces are balanced (no "{name" or "name}" typos)', () => {
    for (const [lang, catalogue] of [['fr', fr], ['en', en]] as const) {
      const bad = Object.entries(catalogue)
        .filter(([, v]) => (flattenPlurals(v) ?? '{').replace(/\{\w+\}/g, '').match(/[{}]/))
        .map(([k]) => `${lang}:${k}`);
      expect(bad).toEqual([]);
    }
  });

  it('the placeholder helper finds what it should', () => {
    expect(placeholders('Page {page} sur {pages}')).toEqual(['page', 'pages']);
    expect(placeholders('{n} et {n}')).toEqual(['n']);
    expect(placeholders('rien')).toEqual([]);
    expect(placeholders('{n, plural, one {# livre de {name}} other {# livres}} ici')).toEqual(['n', 'name']);
  });
});

describe('translator', () => {
  it('returns the catalogue strings', () => {
    expect(translator('fr')('nav.home')).toBe('Accueil');
    expect(translator('en')('nav.home')).toBe('Home');
  });

  it('returns the same function for the same language', () => {
    expect(translator('fr')).toBe(translator('fr'));
    expect(translator('fr')).not.toBe(translator('en'));
  });

  it('replaces params', () => {
    const t = translator('fr');
    expect(t('common.pageOf', { page: 2, pages: 7 })).toBe('Page 2 sur 7');
    expect(t('contributors.count', { n: 0 })).toBe('0 contribution');
    expect(t('contributors.count', { n: 2 })).toBe('2 contributions');
    expect(translator('en')('contributors.count', { n: 0 })).toBe('0 contributions');
  });

  it('replaces params in English with the same names', () => {
    const t = translator('en');
    const out = t('common.pageOf', { page: 2, pages: 7 });
    expect(out).toContain('2');
    expect(out).toContain('7');
    expect(out).not.toMatch(/\{\w+\}/);
  });

  it('leaves unknown placeholders as they are', () => {
    const t = translator('fr');
    expect(t('common.pageOf', { page: 3 })).toBe('Page 3 sur {pages}');
    expect(t('common.pageOf', { other: 'x' })).toBe('Page {page} sur {pages}');
  });

  it('without params, returns the template untouched', () => {
    expect(translator('fr')('common.pageOf')).toBe('Page {page} sur {pages}');
  });

  it('does not interpret replacement patterns or braces inside param values', () => {
    const t = translator('fr');
    expect(t('common.pageOf', { page: '$&', pages: '{page}' })).toBe('Page $& sur {page}');
    expect(t('common.pageOf', { page: '$1$$', pages: "$'" })).toBe("Page $1$$ sur $'");
  });

  it('property: every placeholder of every key is replaced when all params are given', () => {
    const keys = frKeys as MessageKey[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.constantFrom(...LANGS), fc.string({ maxLength: 10 }), (key, lang, value) => {
        const catalogue = lang === 'fr' ? fr : en;
        const names = placeholders(catalogue[key]);
        const params = Object.fromEntries(names.map((n) => [n, `<${n}:${value}>`]));
        const out = translator(lang)(key, params);
        let expected = catalogue[key];
        for (const n of names) expected = expected.split(`{${n}}`).join(`<${n}:${value}>`);
        expect(out).toBe(expected);
      }),
    );
  });
});

describe('helpers', () => {
  it.each([
    ['fr', true],
    ['en', true],
    ['de', false],
    ['FR', false],
    ['', false],
    [null, false],
    [undefined, false],
    [1, false],
  ])('isLang(%j) → %s', (value, expected) => {
    expect(isLang(value)).toBe(expected);
  });

  it.each([
    ['nav.home', true],
    ['common.pageOf', true],
    ['nav.nope', false],
    ['toString', false],
    ['constructor', false],
    ['__proto__', false],
    ['', false],
    [42, false],
  ])('isMessageKey(%j) → %s', (value, expected) => {
    expect(isMessageKey(value)).toBe(expected);
  });

  it('LANGS and DEFAULT_LANG', () => {
    expect(LANGS).toEqual(['fr', 'en']);
    expect(DEFAULT_LANG).toBe('fr');
  });

  it('formats dates in Paris time', () => {
    expect(formatDate('2026-03-28T23:30:00.000Z', 'fr')).toBe('29 mars 2026');
    expect(formatDate('2026-03-28T23:30:00.000Z', 'en')).toBe('29 March 2026');
    expect(formatDate(null, 'fr')).toBe('');
    expect(formatDate(undefined, 'en')).toBe('');
    expect(formatDateTime('', 'fr')).toBe('');
    expect(formatDateTime('2026-07-14T08:05:00.000Z', 'en')).toContain('10:05');
    expect(formatDateTime('2026-07-14T08:05:00.000Z', 'fr')).toContain('10:05');
  });
});
