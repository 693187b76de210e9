// TRANSITIONAL: wraps the old route registrar until the module is converted (issue 7).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { registerSite } from './routes.ts';

export const sitePlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  registerSite(app, deps);
};
