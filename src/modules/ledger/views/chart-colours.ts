/**
 * One colour per thing the transparency page charts, whatever the chart: a fund is the same
 * colour on the funds chart and on the split of evenings' surpluses, and nothing else borrows a
 * fund's colour. Classes of the shared charts' palette (src/shared/views/charts/charts.css).
 */
const COLOURS = {
  'funds:visuals': 'chart-series-1',
  'funds:book_editing': 'chart-series-3',
  'funds:general': 'chart-series-5',
  income: 'chart-series-2',
  logistics: 'chart-series-4',
  royalties: 'chart-series-4',
} as const;

export type ChartedThing = keyof typeof COLOURS;

/** The palette class of a fund or of a figure the page charts. */
export function chartColour(thing: ChartedThing): string {
  return COLOURS[thing];
}

/** The colour of a fund account (any fund the ledger may add later falls back to the neutral colour). */
export function fundColour(account: string): string {
  return account in COLOURS ? COLOURS[account as ChartedThing] : COLOURS['funds:general'];
}
