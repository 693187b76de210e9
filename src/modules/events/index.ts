/** Events: the programme's evenings (ticketing builds on this module). */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { contributionSubjects } from '../contributors/index.ts';
import { counterpartProviders } from '../ledger/index.ts';
import { eventRoutes } from './routes.tsx';
import { contributorTicketsPerEvent } from './ticketing-queries.ts';
import { ticketingDeskRoutes } from './ticketing-desk-routes.tsx';
import { ticketingRoutes } from './ticketing-routes.tsx';

export { getEvent, listEventOptions } from './queries.ts';
import { listEventSubjects } from './queries.ts';
export { createSeries, saveEvent, type EventInput } from './commands/save-event.ts';

export { orderTickets } from './commands/order-tickets.ts';
export { recordPayment } from './commands/record-payment.ts';
export { addDefaultTicketTypes, addTicketType } from './commands/manage-ticketing.ts';

// The transparency page shows what contributors received in kind: their free seats.
counterpartProviders.push(contributorTicketsPerEvent);

// Talks appear on the speakers' contributor pages.
contributionSubjects.register('event', async (db, ids) =>
  (await listEventSubjects(db, ids)).map((e) => ({
        id: e.id,
        title: e.title,
        url: `/events/${e.slug}`,
        kindKey: 'events.talk',
        date: e.starts_at,
      })),
);

export function registerEvents(app: FastifyInstance, deps: AppDeps): void {
  ticketingRoutes(app, deps);
  ticketingDeskRoutes(app, deps);
  eventRoutes(app, deps);
}
