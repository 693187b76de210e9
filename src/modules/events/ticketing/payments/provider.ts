/**
 * How money for tickets is collected. `manual` (the default): bank transfer or payment at the door,
 * and an organiser marks the order paid. `stripe`: Stripe Checkout, confirmed by a signed webhook.
 * Calls that can fail (the provider's network) take an idempotency key, so a retry after a crash or
 * a timeout never creates a second checkout or a second refund.
 */
import type { Db } from '../../../../db/database.ts';

export interface CheckoutOrder {
  id: number;
  publicId: string;
  email: string;
  total: number;
  quantity: number;
  unitPrice: number;
  description: string;
  currency: string;
  /** When the checkout stops accepting payment (the same on every retry, so the retry is identical). */
  expiresAt: Date;
  /**
   * What the provider hands back with its notification, beside the order id: `kind` names the use
   * case that placed the order (`book_order`), and the webhook dispatches on it (tickets have none).
   */
  metadata?: Record<string, string>;
}

/** A Stripe checkout session paid, as the webhook hands it to the use case its `kind` names. */
export interface PaidSession {
  sessionId: string;
  eventId: string;
  paymentRef: string | null;
  /** What Stripe says was paid, in the currency's smallest unit… */
  amount: number;
  /** …and in which currency (lower-case ISO 4217): the use case checks both (recordPaymentAnomaly). */
  currency: string;
  /** The currency the site sells in. */
  siteCurrency: string;
}

/** The use case behind one `kind` of checkout session (app.ts wires them: book orders). */
export type StripeSessionHandler = (ctx: { db: Db; actor: null; now: Date }, session: PaidSession) => Promise<void>;

export interface PaymentProvider {
  readonly name: 'manual' | 'stripe';
  /** Starts payment; returns where to send the person (null: show our own instructions). */
  startCheckout(order: CheckoutOrder, urls: { success: string; cancel: string }, idempotencyKey: string): Promise<{ redirectUrl: string | null; ref: string | null }>;
  /** Gives money back; 'manual' means an organiser must do it (the order stays listed for refund). */
  refund(payment: { paymentRef: string | null; amount: number }, idempotencyKey: string): Promise<'refunded' | 'manual'>;
}

export const manualProvider: PaymentProvider = {
  name: 'manual',
  async startCheckout() {
    return { redirectUrl: null, ref: null };
  },
  async refund() {
    return 'manual';
  },
};
