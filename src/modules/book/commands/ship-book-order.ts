import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { InvalidTransitionError, NotFoundError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { nextOrderStatus } from '../domain/book-order.ts';
import { sendOrderShipped } from '../effects.ts';
import { bookPolicy } from '../policy.ts';
import { getBookOrder } from '../queries/orders.ts';

/** A paid order's copies are in the post (or handed over): the buyer is told. */
export async function shipBookOrder(ctx: CommandContext, input: { orderId: number }): Promise<void> {
  bookPolicy.authorize(ctx.actor, 'fulfil');
  await inTransaction(ctx, async (tx) => {
    const order = await getBookOrder(tx.db, { id: input.orderId });
    if (!order) throw new NotFoundError('book order');
    const next = nextOrderStatus(order.status, 'ship');
    if (!next) throw new InvalidTransitionError(order.status, 'shipped');
    await tx.db.updateTable('book_orders').set({ status: next, updated_at: tx.now.toISOString() }).where('id', '=', order.id).where('status', '=', order.status).execute();
    await audit(tx, { action: 'book_order.shipped', subjectType: 'book_order', subjectId: order.id });
    await emit(tx, sendOrderShipped, { orderId: order.id }, { key: order.id });
  });
}
