import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { InvalidTransitionError, NotFoundError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { nextOrderStatus } from '../domain/book-order.ts';
import { refundBookOrder, sendOrderPaid } from '../effects.ts';
import { bookPolicy } from '../policy.ts';
import { getBook } from '../queries/books.ts';
import { getBookOrder } from '../queries/orders.ts';
import { writeBookSale } from './write-book-sale.ts';

export type OrderPayment =
  /** An organiser saw the transfer (or took the money at an evening). */
  | { by: 'organiser'; orderId: number }
  /** Stripe's webhook said the checkout session was paid. */
  | { by: 'provider'; providerRef: string; paymentRef: string | null; fee: number };

/**
 * An order is paid: the sale is booked in the ledger (the copies' price with their postage,
 * manufacturing and postage per copy, the provider's fee, and the net shared as royalties between
 * the book's contributors), the order moves to `paid` and the buyer is told — in one transaction,
 * once (a replayed notification or a second click books nothing).
 */
export async function payBookOrder(ctx: CommandContext, input: OrderPayment): Promise<{ orderId: number; duplicate: boolean }> {
  const actor = input.by === 'organiser' ? bookPolicy.authorize(ctx.actor, 'takeMoney') : null;
  return inTransaction(ctx, async (tx) => {
    const order = await getBookOrder(tx.db, input.by === 'organiser' ? { id: input.orderId } : { providerRef: input.providerRef });
    if (!order) throw new NotFoundError('book order');
    if (order.status !== 'ordered') {
      if (order.saleId !== null) return { orderId: order.id, duplicate: true };
      if (order.status === 'cancelled' && input.by === 'provider') {
        // Paid after an organiser cancelled it: nothing was sold, the money goes back.
        await tx.db.updateTable('book_orders').set({ status: 'refunded', provider_payment_ref: input.paymentRef, updated_at: tx.now.toISOString() }).where('id', '=', order.id).where('status', '=', 'cancelled').execute();
        await audit(tx, { action: 'book_order.paid_after_cancel', subjectType: 'book_order', subjectId: order.id });
        if (input.paymentRef) await emit(tx, refundBookOrder, { orderId: order.id }, { key: order.id });
        return { orderId: order.id, duplicate: false };
      }
      throw new InvalidTransitionError(order.status, 'paid');
    }
    // The guarded update makes concurrent payments of one order book once.
    const moved = await tx.db
      .updateTable('book_orders')
      .set({ status: nextOrderStatus(order.status, 'pay')!, updated_at: tx.now.toISOString(), ...(input.by === 'provider' ? { provider_payment_ref: input.paymentRef } : {}) })
      .where('id', '=', order.id)
      .where('status', '=', 'ordered')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return { orderId: order.id, duplicate: true };
    const book = (await getBook(tx.db, order.bookId))!;
    // Postage is charged per copy: it is part of the copy's price and, paid to the post, of its cost.
    const sale = await writeBookSale(tx, {
      book,
      quantity: order.quantity,
      unitPrice: order.unitPrice,
      manufacturingCost: book.manufacturingCost + order.shippingPerCopy,
      fees: input.by === 'provider' ? input.fee : 0,
      key: `order:${order.publicId}`,
      createdBy: actor?.id ?? null,
    });
    await tx.db.updateTable('book_orders').set({ sale_id: sale.saleId }).where('id', '=', order.id).execute();
    await audit(tx, { action: 'book_order.paid', subjectType: 'book_order', subjectId: order.id, data: { by: input.by, net: sale.net, transactionId: sale.transactionId } });
    await emit(tx, sendOrderPaid, { orderId: order.id }, { key: order.id });
    return { orderId: order.id, duplicate: false };
  });
}
