import { describe, expect, it } from 'vitest';
import { mastodonHost, mastodonShareUrl } from './mastodon.ts';
import { foldWord, lightStem, searchTerms } from './search-terms.ts';

describe('search terms', () => {
  it('fold accents and case, drop French function words, and stem plurals and feminines lightly', () => {
    expect(searchTerms('Les coopératives d’énergie')).toEqual([
      { word: 'cooperatives', stem: 'cooperativ' },
      { word: 'energie', stem: 'energi' },
    ]);
    expect(searchTerms('ŒUVRES électricité')).toEqual([
      { word: 'oeuvres', stem: 'oeuvr' },
      { word: 'electricite', stem: 'electricit' },
    ]);
    expect(foldWord('Ça')).toBe('ca');
    expect(lightStem('enjeux')).toBe('enjeu');
    expect(lightStem('bus')).toBe('bus');
  });

  it('keep only letters and digits, at most eight terms, no repeats', () => {
    expect(searchTerms(`'; DROP TABLE pieces; --`)).toEqual([
      { word: 'drop', stem: 'drop' },
      { word: 'table', stem: 'tabl' },
      { word: 'pieces', stem: 'piec' },
    ]);
    expect(searchTerms('title:x NEAR(a b) "c" * -d')).toEqual([
      { word: 'title', stem: 'titl' },
      { word: 'near', stem: 'near' },
    ]);
    expect(searchTerms('un deux trois quatre cinq six sept huit neuf dix deux')).toHaveLength(8);
    expect(searchTerms('  le de la  ')).toEqual([]);
    expect(searchTerms('2026')).toEqual([{ word: '2026', stem: '2026' }]);
  });
});

describe('Mastodon instances', () => {
  it.each([
    ['mastodon.social', 'mastodon.social'],
    [' https://Piaille.fr/ ', 'piaille.fr'],
    ['@lea@framapiaf.org', 'framapiaf.org'],
    ['mastodon.social/@lea', 'mastodon.social'],
    ['localhost', null],
    ['javascript:alert(1)', null],
    ['evil.example/"><script>', 'evil.example'],
    ['a b.example', null],
    ['', null],
  ])('%j → %j', (typed, host) => {
    expect(mastodonHost(typed)).toBe(host);
  });

  it('shares the text on the instance’s own share page', () => {
    expect(mastodonShareUrl('piaille.fr', 'Un titre https://oe.example/pieces/x')).toBe('https://piaille.fr/share?text=Un%20titre%20https%3A%2F%2Foe.example%2Fpieces%2Fx');
  });
});
