import type { Executor } from '../../../db/database.ts';
import { AppError, NotFoundError } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';

export class EventAccountsClosedError extends AppError {
  constructor(eventId: number) {
    super('event_closed', 409, 'ledger.eventClosed' as MessageKey, `event ${eventId}`);
  }
}

/** Once an event's accounts are closed, nothing more is booked on it. */
export async function assertEventOpen(trx: Executor, eventId: number): Promise<void> {
  const event = await trx.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst();
  if (!event) throw new NotFoundError(`event ${eventId}`);
  const closure = await trx.selectFrom('event_closures').select('event_id').where('event_id', '=', eventId).executeTakeFirst();
  if (closure) throw new EventAccountsClosedError(eventId);
}
