import { lockEventRow } from '../../../../db/locks.ts';
import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import { withdrawEffect } from '../../../../outbox/index.ts';
import { audit } from '../../../audit/index.ts';
import { bookTicketRefund } from '../../../ledger/index.ts';
import { moneyChannel } from '../domain/order.ts';
import { refundOrder } from '../effects.ts';
import { nothingToRefund, refundInProgress } from '../errors.ts';
import { getOrder } from '../queries.ts';

/**
 * Records that an order's money was given back — by the provider (the refund effect, once the
 * provider said yes) or by an organiser by hand (a transfer, cash; this also takes over a refund
 * the provider kept refusing). Books the refund in the ledger once: a second call does nothing.
 */
export async function recordRefund(ctx: CommandContext, input: { orderId: number; by: 'provider' | 'organiser' }): Promise<{ amount: number }> {
  const first = await getOrder(ctx.db, { orderId: input.orderId });
  if (!first) throw new NotFoundError();
  return inTransaction(ctx, async (tx) => {
    await lockEventRow(tx.db, first.event_id);
    const order = (await getOrder(tx.db, { orderId: input.orderId }))!;
    if (order.status === 'refunded') return { amount: 0 };
    const amount = Number(order.refund_due);
    if (order.status !== 'cancelled' || amount <= 0) throw nothingToRefund();
    const booked = await bookTicketRefund(tx, { eventId: order.event_id, orderId: order.id, orderRef: order.public_id, channel: moneyChannel(order.provider), amount, key: String(order.id) });
    // An organiser refunding by hand takes over from the provider: the pending refund is withdrawn,
    // unless it is being made at this very moment.
    if (input.by === 'organiser' && (await withdrawEffect(tx, { effect: refundOrder, key: order.id })) === 'busy') throw refundInProgress();
    await tx.db
      .insertInto('payments')
      .values({ order_id: order.id, provider: order.provider, provider_event_id: `refund:${order.id}`, kind: 'refund', amount: -amount, fee: 0, transaction_id: booked.transactionId, created_at: tx.now.toISOString() })
      .onConflict((oc) => oc.column('provider_event_id').doNothing())
      .execute();
    await tx.db.updateTable('orders').set({ status: 'refunded', refund_due: 0, updated_at: tx.now.toISOString() }).where('id', '=', order.id).execute();
    await audit(tx, { action: input.by === 'organiser' ? 'order.refunded_by_hand' : 'order.refunded', subjectType: 'order', subjectId: order.id, data: { amount, afterClosing: booked.afterClosing } });
    return { amount };
  });
}
