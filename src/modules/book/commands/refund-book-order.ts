import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { InvalidTransitionError, NotFoundError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { reverseTransaction } from '../../ledger/index.ts';
import { nextOrderStatus } from '../domain/book-order.ts';
import { refundBookOrder as refundEffect } from '../effects.ts';
import { bookPolicy } from '../policy.ts';
import { findSale } from '../queries/books.ts';
import { getBookOrder } from '../queries/orders.ts';

/**
 * A paid order is refunded: its sale's booking is reversed in the ledger (the royalties it credited
 * go back with it) and, for a card payment, the provider gives the money back through the outbox
 * (retried until it does). A transfer is paid back by hand.
 */
export async function refundBookOrder(ctx: CommandContext, input: { orderId: number; reason: string }): Promise<void> {
  bookPolicy.authorize(ctx.actor, 'takeMoney');
  await inTransaction(ctx, async (tx) => {
    const order = await getBookOrder(tx.db, { id: input.orderId });
    if (!order) throw new NotFoundError('book order');
    const next = nextOrderStatus(order.status, 'refund');
    if (!next) throw new InvalidTransitionError(order.status, 'refunded');
    const moved = await tx.db.updateTable('book_orders').set({ status: next, updated_at: tx.now.toISOString() }).where('id', '=', order.id).where('status', '=', order.status).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new InvalidTransitionError(order.status, 'refunded');
    const sale = await findSale(tx.db, `order:${order.publicId}`);
    if (sale) await reverseTransaction(tx, { transactionId: sale.transactionId, reason: input.reason });
    await audit(tx, { action: 'book_order.refunded', subjectType: 'book_order', subjectId: order.id, data: { transactionId: sale?.transactionId ?? null } });
    if (order.provider === 'stripe' && order.providerPaymentRef) await emit(tx, refundEffect, { orderId: order.id }, { key: order.id });
  });
}
