import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { InvalidTransitionError, NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { nextOrderStatus } from '../domain/book-order.ts';
import { bookPolicy } from '../policy.ts';
import { getBookOrder } from '../queries/orders.ts';

/** An order never paid is cancelled (nothing was booked; a paid one is refunded instead). */
export async function cancelBookOrder(ctx: CommandContext, input: { orderId: number }): Promise<void> {
  bookPolicy.authorize(ctx.actor, 'fulfil');
  await inTransaction(ctx, async (tx) => {
    const order = await getBookOrder(tx.db, { id: input.orderId });
    if (!order) throw new NotFoundError('book order');
    const next = nextOrderStatus(order.status, 'cancel');
    if (!next) throw new InvalidTransitionError(order.status, 'cancelled');
    const moved = await tx.db.updateTable('book_orders').set({ status: next, updated_at: tx.now.toISOString() }).where('id', '=', order.id).where('status', '=', order.status).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new InvalidTransitionError(order.status, 'cancelled');
    await audit(tx, { action: 'book_order.cancelled', subjectType: 'book_order', subjectId: order.id });
  });
}
