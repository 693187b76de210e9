/**
 * Sends a buyer to the payment provider for an order (the one use case that waits on a provider:
 * the person needs the URL). Idempotent: the checkout is created with a key derived from the order,
 * and its reference written once, in its own transaction. See ticketing's beginCheckout.
 */
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import type { PaymentProvider } from '../../events/index.ts';
import { getBookOrder } from '../queries/orders.ts';

export type BookCheckout = { kind: 'redirect'; url: string } | { kind: 'instructions' } | { kind: 'unavailable' };

/** How long a card checkout stays open (Stripe asks for 30 minutes at least). */
const CHECKOUT_OPEN_MS = 60 * 60_000;

export async function beginBookCheckout(ctx: CommandContext, input: { publicId: string; gateway: PaymentProvider; urls: { success: string; cancel: string }; currency: string }): Promise<BookCheckout> {
  const order = await getBookOrder(ctx.db, { publicId: input.publicId });
  if (!order) throw new NotFoundError();
  if (order.status !== 'ordered' || input.gateway.name === 'manual' || order.provider !== input.gateway.name) return { kind: 'instructions' };
  if (order.checkoutUrl) return { kind: 'redirect', url: order.checkoutUrl };
  let checkout: { redirectUrl: string | null; ref: string | null };
  try {
    checkout = await input.gateway.startCheckout(
      {
        id: order.id,
        publicId: order.publicId,
        email: order.email,
        total: order.total,
        quantity: order.quantity,
        unitPrice: order.unitPrice,
        description: order.bookTitle,
        currency: input.currency,
        expiresAt: new Date(Date.parse(order.createdAt) + CHECKOUT_OPEN_MS),
        metadata: { kind: 'book_order' },
      },
      input.urls,
      `book-checkout:${order.publicId}`,
    );
  } catch {
    return { kind: 'unavailable' };
  }
  if (!checkout.redirectUrl || !checkout.ref) return { kind: 'instructions' };
  const { redirectUrl, ref } = checkout;
  await inTransaction(ctx, async (tx) => {
    const result = await tx.db.updateTable('book_orders').set({ provider_ref: ref, checkout_url: redirectUrl, updated_at: tx.now.toISOString() }).where('id', '=', order.id).where('provider_ref', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) await audit(tx, { action: 'book_order.checkout_started', subjectType: 'book_order', subjectId: order.id });
  });
  return { kind: 'redirect', url: redirectUrl };
}
