/**
 * Every scenario, in the order they run. To add one: write a `Scenario` (see types.ts; for a GET
 * page, `pageScenarios` gives its cached and `-uncached` pair) and list it here.
 * BENCH_SCENARIOS=a,b runs a subset, in the order given.
 */
import { bookBuildScenario } from './book-build.ts';
import { deskPagesScenario } from './desk-pages.ts';
import { mapScenarios } from './map-bbox.ts';
import { pageScenarios } from './page-vs-bare.ts';
import { encodingScenarios } from './page-encodings.ts';
import { royaltySplitScenario } from './royalty-split.ts';
import { feedScenarios } from './feeds.ts';
import { searchScenarios } from './search-pieces.ts';
import { ticketOrdersScenario } from './ticket-orders.ts';
import { transparencyScenarios } from './transparency.ts';
import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  ...pageScenarios({
    name: 'piece-page',
    description: 'One typical piece (article, 2 credits, 2 themes, ~600 words) vs bare node:http of the same size',
    paths: (seed) => [`/pieces/${seed.typicalPieceSlug}`],
    // Issue 13: a kept page at 0.7 of bare node:http; a render three times cheaper than before (0.05).
    targets: { cached: { minRatio: 0.7 }, uncached: { minRatio: 0.15, maxP99Ms: 100 } },
  }),
  ...encodingScenarios,
  ...pageScenarios({
    name: 'home-page',
    description: 'Home page (9 latest pieces with credits and themes, theme list) vs bare node:http of the same size',
    paths: () => ['/'],
    targets: { cached: { minRatio: 0.7 }, uncached: { minRatio: 0.1, maxP99Ms: 100 } },
  }),
  ...pageScenarios({
    name: 'piece-pages-rotating',
    description: '100 pieces spread over the table, cycled by every connection, vs bare node:http of their mean size',
    paths: (seed) => seed.sampleSlugs.map((slug) => `/pieces/${slug}`),
  }),
  ...searchScenarios,
  ...feedScenarios,
  ...transparencyScenarios,
  royaltySplitScenario,
  ticketOrdersScenario,
  ...mapScenarios,
  bookBuildScenario,
  deskPagesScenario,
];
