/** How a book's royalties are shared: equally between its contributors, or by their weights (chapters, words…). */
export const SPLIT_METHODS = ['equal', 'weights'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

/** The weights the ledger shares a sale's net by: 1 each for equal shares, else each contributor's own. */
export function royaltyWeights<C extends { contributorId: number; weight: number }>(method: SplitMethod, contributors: readonly C[]): { contributorId: number; weight: number }[] {
  return contributors.map((c) => ({ contributorId: c.contributorId, weight: method === 'equal' ? 1 : c.weight }));
}
