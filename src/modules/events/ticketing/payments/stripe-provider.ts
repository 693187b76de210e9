import type Stripe from 'stripe';
import { lazyModule } from '../../../../shared/lazy-module.ts';

/** Loaded when a Stripe key is configured, not by every instance. */
const stripeLibrary = lazyModule<typeof Stripe>('stripe');
import type { PaymentProvider } from './provider.ts';

/**
 * Stripe Checkout through the official library. A session stays open a while after our own
 * reservation runs out (Stripe's minimum is 30 minutes); a payment that arrives late is handled by
 * recordPayment (the seat if one is free, a refund otherwise).
 */
export function stripeProvider(client: Stripe): PaymentProvider {
  return {
    name: 'stripe',
    async startCheckout(order, urls, idempotencyKey) {
      const session = await client.checkout.sessions.create(
        {
        mode: 'payment',
        customer_email: order.email,
        client_reference_id: order.publicId,
        metadata: { order_id: String(order.id), ...order.metadata },
        line_items: [{ quantity: order.quantity, price_data: { currency: order.currency.toLowerCase(), unit_amount: order.unitPrice, product_data: { name: order.description } } }],
        success_url: urls.success,
        cancel_url: urls.cancel,
        expires_at: Math.floor(order.expiresAt.getTime() / 1000),
        },
        { idempotencyKey },
      );
      return { redirectUrl: session.url, ref: session.id };
    },
    async refund(payment, idempotencyKey) {
      if (!payment.paymentRef) return 'manual';
      await client.refunds.create({ payment_intent: payment.paymentRef, amount: payment.amount }, { idempotencyKey });
      return 'refunded';
    },
  };
}

/**
 * The client, with short network limits: a buyer waits on startCheckout, so an unreachable
 * Stripe must fail in seconds (the order stays reserved and the page offers to try again), not
 * after the library's default 80 s. Refunds are retried by the outbox, not here.
 */
export function createStripeClient(secretKey: string, apiUrl?: string): Stripe {
  const endpoint = apiUrl ? new URL(apiUrl) : null;
  const StripeClient = stripeLibrary();
  return new StripeClient(secretKey, {
    timeout: 8_000,
    maxNetworkRetries: 1,
    ...(endpoint ? { host: endpoint.hostname, port: Number(endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80)), protocol: endpoint.protocol === 'https:' ? 'https' : 'http' } : {}),
  });
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
