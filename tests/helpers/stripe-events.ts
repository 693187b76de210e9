/** Stripe webhook events as Stripe sends them, signed with the test secret (the library's own test helper). */
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

export const WEBHOOK_SECRET = 'whsec_openexperiencetest';
// Only its webhook helpers are used: constructing a client makes no request.
const stripe = new Stripe('sk_test_x');

export function sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET, ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}) });
}

export interface StripeOrderRef {
  id: number;
  publicId: string;
  sessionId: string;
  paymentIntent: string;
  total: number;
}

/** A Stripe Checkout event as Stripe sends it (the fields the app reads, and the usual envelope). */
export function checkoutEvent(
  eventId: string,
  order: Pick<StripeOrderRef, 'sessionId' | 'paymentIntent' | 'total' | 'publicId' | 'id'>,
  options: { type?: string; paymentStatus?: 'paid' | 'unpaid' | 'no_payment_required'; amount?: number; currency?: string } = {},
): string {
  return JSON.stringify({
    id: eventId,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: options.type ?? 'checkout.session.completed',
    data: {
      object: {
        id: order.sessionId,
        object: 'checkout.session',
        mode: 'payment',
        status: 'complete',
        payment_status: options.paymentStatus ?? 'paid',
        amount_total: options.amount ?? order.total,
        currency: options.currency ?? 'eur',
        customer_email: null,
        payment_intent: order.paymentIntent,
        client_reference_id: order.publicId,
        metadata: { order_id: String(order.id) },
      },
    },
  });
}


export const evtId = () => `evt_test_${randomBytes(12).toString('hex')}`;
