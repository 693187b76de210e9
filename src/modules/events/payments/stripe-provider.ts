import Stripe from 'stripe';
import type { PaymentProvider } from './provider.ts';

/**
 * Stripe Checkout through the official library. Sessions expire after 30 minutes (Stripe's
 * minimum), a little after our own reservation; a late payment is handled by recordPayment.
 */
export function stripeProvider(client: Stripe): PaymentProvider {
  return {
    name: 'stripe',
    async startCheckout(order, urls) {
      const session = await client.checkout.sessions.create({
        mode: 'payment',
        customer_email: order.email,
        client_reference_id: order.publicId,
        metadata: { order_id: String(order.id) },
        line_items: [{ quantity: order.quantity, price_data: { currency: order.currency.toLowerCase(), unit_amount: order.unitPrice, product_data: { name: order.description } } }],
        success_url: urls.success,
        cancel_url: urls.cancel,
        expires_at: Math.floor(Date.now() / 1000) + 31 * 60,
      });
      return { redirectUrl: session.url, ref: session.id };
    },
    async refund(payment) {
      if (!payment.paymentRef) return 'manual';
      await client.refunds.create({ payment_intent: payment.paymentRef, amount: payment.amount });
      return 'refunded';
    },
  };
}

export function createStripeClient(secretKey: string): Stripe {
  return new Stripe(secretKey);
}

/**
 * Verifies a webhook's signature with the library (constant-time, with a 5-minute tolerance) and
 * returns the event, or null when the signature does not hold.
 */
export function verifyWebhook(client: Stripe, rawBody: Buffer, signature: string | undefined, secret: string): Stripe.Event | null {
  if (!signature) return null;
  try {
    return client.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return null;
  }
}
