// TRANSITIONAL: wraps the old route registrars until the module is converted (issue 7).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { ledgerDeskRoutes } from './desk-routes.tsx';
import { publicLedgerRoutes } from './public-routes.tsx';
import type { OutstandingCheck } from './commands/close-event-accounts.ts';
import type { CounterpartProvider } from './transparency.ts';

export const ledgerPlugin: FastifyPluginAsync<{ deps: AppDeps; counterparts: CounterpartProvider[]; outstanding: OutstandingCheck[] }> = async (app, { deps, counterparts, outstanding }) => {
  publicLedgerRoutes(app, deps, counterparts);
  ledgerDeskRoutes(app, deps, outstanding);
};
