import type { Executor } from '../../../db/database.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { EventAccountsClosedError } from '../errors.ts';
import { eventExists, isEventClosed } from '../queries.ts';

export { EventAccountsClosedError };

/** Once an event's accounts are closed, nothing more is booked on it. */
export async function assertEventOpen(trx: Executor, eventId: number): Promise<void> {
  if (!(await eventExists(trx, eventId))) throw new NotFoundError(`event ${eventId}`);
  if (await isEventClosed(trx, eventId)) throw new EventAccountsClosedError(eventId);
}
