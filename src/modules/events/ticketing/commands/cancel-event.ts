import { lockEventRow } from '../../../../db/locks.ts';
import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import { emit } from '../../../../outbox/index.ts';
import { audit } from '../../../audit/index.ts';
import { isEventClosed } from '../../../ledger/index.ts';
import { refundsAutomatically } from '../domain/order.ts';
import { organiserCancellationRefund } from '../domain/refund-policy.ts';
import { refundOrder, sendEventCancelled } from '../effects.ts';
import { accountsClosed } from '../errors.ts';
import { getEventTerms, listHoldingOrders } from '../queries.ts';
import { closeSeatBuckets, releaseCodeUses, releaseSeats } from './seats.ts';

/**
 * Cancels an evening in one action: it is marked cancelled, every order holding seats is
 * cancelled, every paid one refunded in full (through its provider, or listed for an organiser to
 * refund by hand), and every attendee told by email — the emails and refunds as outbox effects of
 * this one transaction. An evening whose accounts are closed can no longer be cancelled.
 */
export async function cancelEvent(ctx: CommandContext, input: { eventId: number }): Promise<{ orders: number }> {
  return inTransaction(ctx, async (tx) => {
    const event = await getEventTerms(tx.db, input.eventId);
    if (!event) throw new NotFoundError();
    await lockEventRow(tx.db, input.eventId);
    if (await isEventClosed(tx.db, input.eventId)) throw accountsClosed();
    const now = tx.now.toISOString();
    await tx.db.updateTable('events').set({ status: 'cancelled', updated_at: now }).where('id', '=', input.eventId).execute();
    // No seat taken from now on; and this waits for orders taking seats at this very moment, so the
    // list below has them too.
    await closeSeatBuckets(tx, { eventId: input.eventId });
    const holding = await listHoldingOrders(tx.db, input.eventId);
    for (const order of holding) {
      const refund = order.status === 'paid' ? organiserCancellationRefund(Number(order.total)) : 0;
      await tx.db.updateTable('orders').set({ status: 'cancelled', refund_due: refund, updated_at: now }).where('id', '=', order.id).execute();
      await releaseSeats(tx, { eventId: input.eventId, ticketTypeId: order.ticket_type_id, quantity: order.quantity });
      if (refund > 0 && refundsAutomatically(order.provider)) await emit(tx, refundOrder, { orderId: order.id }, { key: order.id });
      await emit(tx, sendEventCancelled, { orderId: order.id, refund, automatic: refundsAutomatically(order.provider) }, { key: order.id });
    }
    await releaseCodeUses(tx, { orders: holding });
    // The seats given back stay closed.
    await closeSeatBuckets(tx, { eventId: input.eventId });
    await tx.db.updateTable('waitlist').set({ status: 'removed', updated_at: now }).where('event_id', '=', input.eventId).where('status', 'in', ['waiting', 'offered']).execute();
    await audit(tx, { action: 'event.cancelled', subjectType: 'event', subjectId: input.eventId, data: { orders: holding.length } });
    return { orders: holding.length };
  });
}
