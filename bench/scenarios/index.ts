/**
 * Every scenario, in the order they run. To add one: write a `Scenario` (see types.ts; for a GET
 * page, `pageVsBareScenario` is enough) and list it here. BENCH_SCENARIOS=a,b runs a subset.
 */
import { pageVsBareScenario } from './page-vs-bare.ts';
import type { Scenario } from './types.ts';

export const scenarios: Scenario[] = [
  pageVsBareScenario({
    name: 'piece-page',
    description: 'One typical piece (article, 2 credits, 2 themes, ~600 words) vs bare node:http of the same size',
    paths: (ctx) => [`/pieces/${ctx.seed.typicalPieceSlug}`],
  }),
  pageVsBareScenario({
    name: 'home-page',
    description: 'Home page (9 latest pieces with credits and themes, theme list) vs bare node:http of the same size',
    paths: () => ['/'],
  }),
  pageVsBareScenario({
    name: 'piece-pages-rotating',
    description: '100 pieces spread over the table, cycled by every connection, vs bare node:http of their mean size',
    paths: (ctx) => ctx.seed.sampleSlugs.map((slug) => `/pieces/${slug}`),
  }),
];
