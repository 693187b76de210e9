import { lockEventRow } from '../../../../db/locks.ts';
import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import { emit } from '../../../../outbox/index.ts';
import { audit } from '../../../audit/index.ts';
import { refundsAutomatically } from '../domain/order.ts';
import { selfCancellation } from '../domain/refund-policy.ts';
import { refundOrder } from '../effects.ts';
import { cancellationClosed, orderNotCancellable } from '../errors.ts';
import { getEventTerms, getOrder } from '../queries.ts';
import { offerFreedSeats } from './release-reservations.ts';
import { releaseCodeUses, releaseSeats } from './seats.ts';

/**
 * An attendee cancels from the link in their email, until the evening's deadline. The seats
 * return to the pool and go first to the waiting list; the money is given back by the evening's
 * policy — by the provider (an outbox effect) or, for a transfer, listed for an organiser.
 */
export async function cancelOwnOrder(ctx: CommandContext, input: { orderId: number; provider: string; termDays?: number }): Promise<{ refund: number }> {
  const first = await getOrder(ctx.db, { orderId: input.orderId });
  if (!first) throw new NotFoundError();
  return inTransaction(ctx, async (tx) => {
    await lockEventRow(tx.db, first.event_id);
    const order = (await getOrder(tx.db, { orderId: input.orderId }))!;
    if (!['reserved', 'confirmed', 'paid'].includes(order.status)) throw orderNotCancellable();
    const event = await getEventTerms(tx.db, order.event_id);
    if (!event || event.status === 'cancelled') throw orderNotCancellable();
    const paid = order.status === 'paid' ? Number(order.total) : 0;
    const rule = selfCancellation({ policy: event.refund_policy, paid, startsAt: event.starts_at, deadlineHours: event.cancellation_deadline_hours, now: tx.now });
    if (!rule.allowed) throw cancellationClosed();
    const now = tx.now.toISOString();
    await tx.db.updateTable('orders').set({ status: 'cancelled', refund_due: rule.refund, updated_at: now }).where('id', '=', order.id).execute();
    await releaseSeats(tx, { eventId: order.event_id, ticketTypeId: order.ticket_type_id, quantity: order.quantity });
    await releaseCodeUses(tx, { orders: [order] });
    await tx.db.updateTable('waitlist').set({ status: 'removed', updated_at: now }).where('order_id', '=', order.id).execute();
    await audit(tx, { action: 'order.cancelled_by_attendee', subjectType: 'order', subjectId: order.id, actorUserId: order.user_id, data: { refund: rule.refund } });
    if (rule.refund > 0 && refundsAutomatically(order.provider)) await emit(tx, refundOrder, { orderId: order.id }, { key: order.id });
    await offerFreedSeats(tx, { eventId: order.event_id, provider: input.provider, termDays: input.termDays });
    return { refund: rule.refund };
  });
}
