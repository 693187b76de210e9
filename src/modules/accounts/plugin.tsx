// TRANSITIONAL: wraps the old route registrars until the module is converted (issue 7).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { accountRoutes } from './routes.tsx';
import { userAdminRoutes } from './user-admin-routes.tsx';

export const accountsPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers }> = async (app, { deps }) => {
  accountRoutes(app, deps);
  userAdminRoutes(app, deps);
};
