// TRANSITIONAL: wraps the old route registrars until the module is converted (issue 7).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { editorPublishingRoutes } from './editor-routes.tsx';
import { publicPublishingRoutes } from './routes.tsx';
import { themeRoutes } from './theme-routes.tsx';

export const publishingPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers }> = async (app, { deps }) => {
  publicPublishingRoutes(app, deps);
  editorPublishingRoutes(app, deps);
  themeRoutes(app, deps);
};
