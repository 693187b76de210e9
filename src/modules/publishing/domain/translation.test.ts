import { describe, expect, it } from 'vitest';
import { translationTarget } from './translation.ts';

describe('translationTarget', () => {
  it('points a translation at its original', () => {
    expect(translationTarget({ id: 2, language: 'en' }, { id: 1, language: 'fr', translation_of: null })).toEqual({ originalId: 1 });
    expect(translationTarget({ id: null, language: 'en' }, { id: 1, language: 'fr', translation_of: null })).toEqual({ originalId: 1 });
  });

  it('goes up to the original when the named piece is itself a translation', () => {
    expect(translationTarget({ id: 3, language: 'fr' }, { id: 2, language: 'en', translation_of: 1 })).toEqual({ originalId: 1 });
  });

  it('refuses a piece translating itself, directly or through its own translation', () => {
    expect(translationTarget({ id: 1, language: 'en' }, { id: 1, language: 'fr', translation_of: null })).toEqual({ refused: 'piece.translationSelf' });
    expect(translationTarget({ id: 1, language: 'fr' }, { id: 2, language: 'en', translation_of: 1 })).toEqual({ refused: 'piece.translationSelf' });
  });

  it('refuses a translation in the language of its original', () => {
    expect(translationTarget({ id: 2, language: 'fr' }, { id: 1, language: 'fr', translation_of: null })).toEqual({ refused: 'piece.translationSameLanguage' });
  });
});
