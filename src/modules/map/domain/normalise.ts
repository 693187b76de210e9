/** Names and texts reduced to what matters for comparing and searching them. */

/** Legal-form words that do not tell two organisations apart ("Framasoft" = "Association Framasoft"). */
const NOISE_WORDS = new Set([
  'association', 'asso', 'assoc', 'sarl', 'sas', 'sasu', 'sa', 'eurl', 'scop', 'scic', 'sci', 'gmbh', 'ag', 'ev', 'e', 'v',
  'ltd', 'limited', 'llc', 'inc', 'corp', 'co', 'bv', 'nv', 'srl', 'spa', 'oy', 'ab', 'the', 'la', 'le', 'les', 'l', 'de', 'du', 'des', 'd',
  'foundation', 'fondation', 'stiftung', 'cooperative', 'cooperativa', 'coop',
]);

/** Lower case, no accents, no punctuation, single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The key two names of the same organisation share: folded, without legal-form and article words.
 * A name made only of such words keeps them (so "Association" is not the empty key).
 */
export function normaliseName(name: string): string {
  const words = foldText(name).split(' ').filter(Boolean);
  const kept = words.filter((w) => !NOISE_WORDS.has(w));
  return (kept.length ? kept : words).join(' ');
}

/** The host of a website, without `www.`, for comparing two sites ("" when it is not a URL). */
export function websiteHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}
