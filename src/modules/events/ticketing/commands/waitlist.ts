import { lockEventRow } from '../../../../db/locks.ts';
import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import { emit } from '../../../../outbox/index.ts';
import type { Lang } from '../../../../shared/i18n/index.ts';
import { audit } from '../../../audit/index.ts';
import { registrationState, seatsLeft } from '../domain/capacity.ts';
import { OPEN_KINDS } from '../domain/order.ts';
import { sendTickets } from '../effects.ts';
import { eventCancelled, notAContributor, notSoldOut, registrationClosed, unknownTicketType } from '../errors.ts';
import { findWaiting, getOrder, getOrderingContext } from '../queries.ts';
import { issueTickets } from './issue-tickets.ts';

/**
 * Joins the waiting list of a sold-out ticket type, once per person: joining again is answered
 * like the first time and changes nothing (the form never tells a stranger who is waiting).
 */
export async function joinWaitlist(ctx: CommandContext, input: { eventId: number; ticketTypeId: number; name: string; email: string; lang: Lang }): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    await lockEventRow(tx.db, input.eventId);
    const { event, type } = await getOrderingContext(tx.db, { eventId: input.eventId, ticketTypeId: input.ticketTypeId });
    if (!event) throw new NotFoundError('event');
    const state = registrationState(event, tx.now);
    if (state === 'cancelled') throw eventCancelled();
    if (state !== 'open') throw registrationClosed();
    if (!type || type.active !== 1) throw unknownTicketType();
    // Contributors have their free seat and invitations their code: the waiting list is for tickets anyone can buy.
    if (!OPEN_KINDS.includes(type.kind)) throw type.kind === 'contributor' ? notAContributor() : unknownTicketType();
    if (seatsLeft({ capacity: event.capacity, seatsHeld: event.seats_held }, type) > 0) throw notSoldOut();
    const waiting = await findWaiting(tx.db, { eventId: event.id, email: input.email });
    if (waiting !== undefined) return waiting;
    const now = tx.now.toISOString();
    const { id } = await tx.db
      .insertInto('waitlist')
      .values({ event_id: event.id, ticket_type_id: input.ticketTypeId, name: input.name, email: input.email, user_id: tx.actor?.id ?? null, status: 'waiting', order_id: null, lang: input.lang, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'waitlist.joined', subjectType: 'event', subjectId: event.id });
    return id;
  });
}

/** A free seat offered from the waiting list is taken by confirming it (paid ones go through payment). */
export async function confirmFreeOffer(ctx: CommandContext, input: { orderId: number }): Promise<boolean> {
  const first = await getOrder(ctx.db, { orderId: input.orderId });
  if (!first) throw new NotFoundError();
  return inTransaction(ctx, async (tx) => {
    await lockEventRow(tx.db, first.event_id);
    const now = tx.now.toISOString();
    const result = await tx.db
      .updateTable('orders')
      .set({ status: 'confirmed', reserved_until: null, updated_at: now })
      .where('id', '=', input.orderId)
      .where('status', '=', 'reserved')
      .where('total', '=', 0)
      .where('reserved_until', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await issueTickets(tx, { orderId: first.id, eventId: first.event_id, quantity: first.quantity });
    await tx.db.updateTable('waitlist').set({ status: 'claimed', updated_at: now }).where('order_id', '=', input.orderId).execute();
    await audit(tx, { action: 'order.confirmed', subjectType: 'order', subjectId: first.id, data: { from: 'waitlist' } });
    await emit(tx, sendTickets, { orderId: first.id }, { key: first.id });
    return true;
  });
}
