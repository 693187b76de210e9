/** Events: the programme's evenings (ticketing builds on this module). */
import { contributionSubjects } from '../contributors/index.ts';
import { counterpartProviders } from '../ledger/index.ts';
import { contributorTicketsPerEvent } from './ticketing-queries.ts';
export { contributorTicketsPerEvent as contributorSeatsPerEvent } from './ticketing-queries.ts';

export { getEvent, listEventOptions } from './queries.ts';
import { listEventSubjects } from './queries.ts';
export { createSeries, saveEvent, type EventInput } from './commands/save-event.ts';

export { orderTickets } from './commands/order-tickets.ts';
export { recordPayment } from './commands/record-payment.ts';
export { addDefaultTicketTypes, addTicketType } from './commands/manage-ticketing.ts';

// The transparency page shows what contributors received in kind: their free seats.
counterpartProviders.push(contributorTicketsPerEvent);

// Talks appear on the speakers' contributor pages.
export const talkSubjects = async (db: import('../../db/database.ts').Executor, ids: number[]) =>
  (await listEventSubjects(db, ids)).map((e) => ({
        id: e.id,
        title: e.title,
        url: `/events/${e.slug}`,
        kindKey: 'events.talk',
        date: e.starts_at,
      }));
contributionSubjects.register('event', talkSubjects);

