/**
 * Sends a buyer to the payment provider for a reserved order. This is the one use case that must
 * call a provider while the person waits (they need the URL to go to), so it is its own command,
 * apart from placing the order: the order and its reservation email are already committed when
 * it runs, and a provider that does not answer costs the buyer nothing — their seats stay held
 * and the page offers to try again. It is idempotent: the checkout is created with a key derived
 * from the order (a retry after a timeout gets the same checkout from the provider), and its
 * reference and URL are written once, in their own transaction.
 */
import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import { audit } from '../../../audit/index.ts';
import { notPayable } from '../errors.ts';
import type { PaymentProvider } from '../payments/provider.ts';
import { getOrderView } from '../queries.ts';

export type CheckoutOutcome =
  /** Go there to pay. */
  | { kind: 'redirect'; url: string }
  /** The provider pays by other means (transfer, at the door): show the order's own instructions. */
  | { kind: 'instructions' }
  /** The provider did not answer: the seats stay held until `until`; the person may try again. */
  | { kind: 'unavailable'; until: string };

/** How long after our reservation ends a checkout still takes payment (late payments are handled). */
const CHECKOUT_GRACE_MS = 45 * 60_000;

export async function beginCheckout(
  ctx: CommandContext,
  input: { publicId: string; gateway: PaymentProvider; urls: { success: string; cancel: string }; currency: string },
): Promise<CheckoutOutcome> {
  const order = await getOrderView(ctx.db, { publicId: input.publicId });
  if (!order) throw new NotFoundError();
  if (order.status !== 'reserved' || !order.reserved_until || order.reserved_until <= ctx.now.toISOString() || Number(order.total) === 0) throw notPayable();
  if (order.checkout_url) return { kind: 'redirect', url: order.checkout_url };
  // A transfer or the door: the order page says how (an order to pay at the door never goes to a checkout).
  if (input.gateway.name === 'manual' || order.provider !== input.gateway.name) return { kind: 'instructions' };
  let checkout: { redirectUrl: string | null; ref: string | null };
  try {
    checkout = await input.gateway.startCheckout(
      {
        id: order.id,
        publicId: order.public_id,
        email: order.email,
        total: Number(order.total),
        quantity: order.quantity,
        unitPrice: Number(order.unit_price),
        description: `${order.event_title} — ${order.type_name}`,
        currency: input.currency,
        expiresAt: new Date(Date.parse(order.reserved_until) + CHECKOUT_GRACE_MS),
      },
      input.urls,
      `checkout:${order.public_id}`,
    );
  } catch {
    return { kind: 'unavailable', until: order.reserved_until };
  }
  if (!checkout.redirectUrl || !checkout.ref) return { kind: 'instructions' };
  const { redirectUrl, ref } = checkout;
  await inTransaction(ctx, async (tx) => {
    // Written once: a concurrent retry got the same checkout from the provider (same key).
    const result = await tx.db
      .updateTable('orders')
      .set({ provider_ref: ref, checkout_url: redirectUrl, updated_at: tx.now.toISOString() })
      .where('id', '=', order.id)
      .where('provider_ref', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) await audit(tx, { action: 'order.checkout_started', subjectType: 'order', subjectId: order.id, data: { provider: input.gateway.name } });
  });
  return { kind: 'redirect', url: redirectUrl };
}
