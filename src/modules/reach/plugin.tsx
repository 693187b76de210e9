/**
 * Reach: how the programme is found and followed — feeds, search, sharing. At start, each search
 * source never indexed is indexed in full (a new database, or one from before the search).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { rebuildSearchIndex } from './commands/index-documents.ts';
import { isSourceIndexed } from './queries.ts';
import { feedRoutes } from './routes/feed-routes.tsx';
import { searchRoutes } from './routes/search-routes.tsx';
import type { SearchSource } from './search-sources.ts';

export const reachPlugin: FastifyPluginAsync<{ deps: AppDeps; searchSources: readonly SearchSource[] }> = async (app, { deps, searchSources }) => {
  feedRoutes(app, deps);
  searchRoutes(app, deps);
  app.addHook('onReady', async () => {
    for (const source of searchSources) {
      if (await isSourceIndexed(deps.database.db, source.name)) continue;
      const count = await rebuildSearchIndex({ db: deps.database.db, actor: null, now: deps.now() }, { source });
      app.log.info({ source: source.name, documents: count }, 'search index built');
    }
  });
};
