/** Events: the programme's evenings (ticketing builds on this module). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { eventRoutes } from './routes.tsx';

export { getEvent, listEventOptions } from './queries.ts';
export { saveEvent, type EventInput } from './commands/save-event.ts';

export function registerEvents(app: FastifyInstance, deps: AppDeps): void {
  eventRoutes(app, deps);
}
