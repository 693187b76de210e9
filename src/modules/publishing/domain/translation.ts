/**
 * A piece may be the translation of another: it points at the original (never at another
 * translation, so the family of a text is one original and its translations), in another language.
 */
export type TranslationRefusal = 'piece.translationSelf' | 'piece.translationSameLanguage';

/**
 * The original a translation points at, or why it may not: `original` is the piece named in the
 * form; when it is itself a translation, its own original is taken.
 */
export function translationTarget(
  piece: { id: number | null; language: string },
  original: { id: number; language: string; translation_of: number | null },
): { originalId: number } | { refused: TranslationRefusal } {
  const originalId = original.translation_of ?? original.id;
  if (piece.id !== null && (original.id === piece.id || originalId === piece.id)) return { refused: 'piece.translationSelf' };
  if (original.language === piece.language) return { refused: 'piece.translationSameLanguage' };
  return { originalId };
}
