/**
 * Turning what a reader typed into search terms both databases treat alike: words of letters and
 * digits only (nothing else of the query reaches SQL or a full-text syntax), lower case without
 * accents, French function words left out, and a light French stemming — plural and feminine
 * endings dropped — since every term is then matched as a prefix ("coopératives" finds
 * "coopérative", "electricite" finds "électricité").
 */

const STOPWORDS = new Set(
  'a au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y est sont the of and to in for on is are an or by with'.split(' '),
);

export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/** Lower case, accents removed (NFD, combining marks dropped), œ and æ spelled out. */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Drops a plural -s/-x, then a feminine -e, from words long enough to keep their meaning. */
export function lightStem(word: string): string {
  let w = word;
  if (w.length > 4 && /[sx]$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export interface SearchTerm {
  /** The word, folded. */
  word: string;
  /** Its light stem, matched as a prefix where the database has no French stemmer. */
  stem: string;
}

/** The terms of a query (at most MAX_TERMS, no repeats); empty when nothing searchable was typed. */
export function searchTerms(query: string): SearchTerm[] {
  const words = foldWord(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: SearchTerm[] = [];
  for (const raw of words) {
    if (STOPWORDS.has(raw) || (raw.length < 2 && !/\d/.test(raw))) continue;
    const word = raw.slice(0, MAX_TERM_LENGTH);
    if (!terms.some((t) => t.word === word)) terms.push({ word, stem: lightStem(word) });
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}
