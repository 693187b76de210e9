// TRANSITIONAL: wraps the old route registrars until the module is converted (issue 7).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { ledgerDeskRoutes } from './desk-routes.tsx';
import { publicLedgerRoutes } from './public-routes.tsx';
import type { CounterpartProvider } from './transparency.ts';

export const ledgerPlugin: FastifyPluginAsync<{ deps: AppDeps; counterparts: CounterpartProvider[] }> = async (app, { deps }) => {
  publicLedgerRoutes(app, deps);
  ledgerDeskRoutes(app, deps);
};
