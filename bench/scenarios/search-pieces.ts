/**
 * Search over the seeded pieces (5,000 by default): twenty queries rotated by every connection —
 * title words, words every body holds (the worst case: the seed gives every piece the same body, so
 * such a word matches all 5,000 and all are ranked), authors' names, two- and three-word queries,
 * theme and kind filters, a second page — against the bare node:http server answering a body of
 * the same mean size. The `-uncached` run is the search's own throughput; the cached one shows the
 * page micro-cache absorbing repeated queries. After the uncached load test, two queries are also
 * timed one request at a time: a selective one and one matching every piece.
 */
import { sequentialLatency } from '../measure.ts';
import { pageScenarios } from './page-vs-bare.ts';

export const SEARCH_QUERIES = [
  'q=fablab',
  'q=seed+library',
  'q=open+maps',
  'q=cooperative+answer',
  'q=budget',
  'q=commons',
  'q=funding+partners',
  'q=repairable+hardware',
  'q=public+archive',
  'q=numbers',
  'q=contributors+registry',
  'q=textbook',
  'q=research+protocol',
  'q=Moreau',
  'q=benali+diallo',
  'q=lefevre',
  'q=economics+sharing&theme=open-data',
  'q=lessons+field&kind=case-studies',
  'q=maintenance+transparency+method',
  'q=budget&page=2',
];

const SEQUENTIAL = { selective: 'q=seed+library', everyPiece: 'q=budget' };

export const searchScenarios = pageScenarios({
  name: 'search-pieces',
  description: `Search over the seeded pieces: ${SEARCH_QUERIES.length} queries rotated (title and body words, authors, filters, page 2), ranked with marked extracts, vs bare node:http of their mean size`,
  paths: () => SEARCH_QUERIES.map((q) => `/search?${q}`),
  extra: async (ctx, kind, result) => {
    if (kind !== 'uncached') return;
    const app = ctx.server(kind);
    for (const [name, query] of Object.entries(SEQUENTIAL)) {
      const target = `/search?${query}`;
      ctx.log(`search-pieces-uncached: ${target} one request at a time`);
      const { stats } = await sequentialLatency(`${app.baseUrl}${target}`, 50, 3);
      result.runs[`sequential ${name}`] = { target, timing: stats };
    }
  },
});
