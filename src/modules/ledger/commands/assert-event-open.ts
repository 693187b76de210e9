import type { TxContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { EventAccountsClosedError } from '../errors.ts';
import { eventExists, isEventClosed } from '../queries/events.ts';

/** Once an event's accounts are closed, nothing more is booked on it (refused on the form's `event_id`). */
export async function assertEventOpen(ctx: TxContext, input: { eventId: number }): Promise<void> {
  if (!(await eventExists(ctx.db, input.eventId))) throw new NotFoundError(`event ${input.eventId}`, 'event_id');
  if (await isEventClosed(ctx.db, input.eventId)) throw new EventAccountsClosedError(input.eventId);
}
