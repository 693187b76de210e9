import { describe, expect, it } from 'vitest';
import { flattenPlurals, pluralCategory, resolvePlurals } from './plural.ts';

const seats = '{count, plural, =0 {no seat} one {# seat} other {# seats}} left';
const places = '{count, plural, one {# place restante} other {# places restantes}}';

describe('plural rules', () => {
  it('follow each language: French 0 and 1 are singular, English only 1', () => {
    expect([0, 1, 1.5, 2].map((n) => pluralCategory('fr', n))).toEqual(['one', 'one', 'one', 'other']);
    expect([0, 1, 1.5, 2].map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other', 'other']);
    expect(pluralCategory('fr', 1_000_000)).toBe('many');
  });

  it('choose the form of a catalogue message', () => {
    expect(resolvePlurals(places, { count: 0 }, 'fr')).toBe('0 place restante');
    expect(resolvePlurals(places, { count: 1 }, 'fr')).toBe('1 place restante');
    expect(resolvePlurals(places, { count: 37 }, 'fr')).toBe('37 places restantes');
    // `many` falls back to `other`, and numbers are written the language's way.
    expect(resolvePlurals(places, { count: 1_000_000 }, 'fr')).toBe('1\u202f000\u202f000 places restantes');
    expect(resolvePlurals(seats, { count: 0 }, 'en')).toBe('no seat left');
    expect(resolvePlurals(seats, { count: 1 }, 'en')).toBe('1 seat left');
    expect(resolvePlurals(seats, { count: '12' }, 'en')).toBe('12 seats left');
    expect(resolvePlurals(seats, { count: 1234 }, 'en')).toBe('1,234 seats left');
  });

  it('resolve several blocks and keep the other placeholders', () => {
    const t = 'Sale of {count, plural, one {# copy} other {# copies}} to {name}, {n, plural, one {# line} other {# lines}}';
    expect(resolvePlurals(t, { count: 2, n: 1, name: 'X' }, 'en')).toBe('Sale of 2 copies to {name}, 1 line');
  });

  it('leave a block as written when its number is missing or it cannot be read', () => {
    expect(resolvePlurals(places, {}, 'fr')).toBe(places);
    expect(resolvePlurals('{count, plural, one {# a}', { count: 1 }, 'fr')).toBe('{count, plural, one {# a}');
    expect(resolvePlurals('plain {count}', { count: 1 }, 'fr')).toBe('plain {count}');
  });

  it('write a block out for the catalogue checks, or say it cannot be read', () => {
    expect(flattenPlurals('Sale of {n, plural, one {# copy} other {# copies}} to {name}')).toBe('Sale of {n} # copy # copies to {name}');
    expect(flattenPlurals('{n, plural, one {# a}')).toBeNull();
    expect(flattenPlurals('plain')).toBe('plain');
  });
});
