// TRANSITIONAL: wraps the old route registrars until the module is converted (issue 7).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { eventRoutes } from './routes.tsx';
import { ticketingDeskRoutes } from './ticketing-desk-routes.tsx';
import { ticketingRoutes } from './ticketing-routes.tsx';

export const eventsPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers }> = async (app, { deps }) => {
  ticketingRoutes(app, deps);
  ticketingDeskRoutes(app, deps);
  eventRoutes(app, deps);
};
