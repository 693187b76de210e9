/**
 * Stripe's webhook: it signs the raw body, so this route alone reads JSON as bytes and
 * authenticates by signature (no CSRF token). The route only translates Stripe's event into the
 * payment use case; what happens next (tickets, or a refund when the payment came too late) is
 * the command's to decide and the outbox's to deliver.
 */
import type { FastifyInstance } from 'fastify';
import type Stripe from 'stripe';
import type { AppDeps } from '../../../../app-deps.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import { recordPayment } from '../commands/record-payment.ts';
import type { StripeSessionHandler } from '../payments/provider.ts';
import { verifyWebhook } from '../payments/stripe-provider.ts';
import { getOrder } from '../queries.ts';

/**
 * `sessionHandlers`: the other use cases paid through Stripe Checkout, by the `kind` their session's
 * metadata carries (book orders); a session without a kind is a ticket order's.
 */
export function stripeWebhookRoute(app: FastifyInstance, deps: AppDeps, stripe: Stripe | null, sessionHandlers: Readonly<Record<string, StripeSessionHandler>> = {}): void {
  const { db } = deps.database;
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/payments/stripe/webhook', { config: { csrf: false } }, async (req, reply) => {
      if (!stripe || !deps.config.stripeWebhookSecret) throw new NotFoundError();
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : '');
      const event = verifyWebhook(stripe, raw, req.headers['stripe-signature'] as string | undefined, deps.config.stripeWebhookSecret);
      if (!event) return reply.status(400).send({ error: 'bad_signature' });
      if (event.type !== 'checkout.session.completed' && event.type !== 'checkout.session.async_payment_succeeded') return reply.send({ received: true });
      const session = event.data.object as Stripe.Checkout.Session;
      if (session.payment_status !== 'paid') return reply.send({ received: true });
      const kind = session.metadata?.kind;
      if (kind) {
        const handler = Object.hasOwn(sessionHandlers, kind) ? sessionHandlers[kind] : undefined;
        // A kind nobody handles here (another application on the same account): acknowledged, nothing booked.
        if (!handler) return reply.send({ received: true, unknownKind: true });
        const ref = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
        await handler({ db, actor: null, now: deps.now() }, { sessionId: session.id, eventId: event.id, paymentRef: ref, amount: session.amount_total ?? 0, currency: session.currency ?? '', siteCurrency: deps.config.currency });
        return reply.send({ received: true });
      }
      // A session we do not know (another shop on the same account): acknowledged, nothing booked.
      if (!(await getOrder(db, { providerRef: session.id }))) return reply.send({ received: true, unknownOrder: true });
      const paymentRef = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
      await recordPayment(
        { db, actor: null, now: deps.now() },
        { providerRef: session.id, provider: 'stripe', providerEventId: event.id, providerPaymentRef: paymentRef, amount: session.amount_total ?? 0, fee: 0, currency: { paid: session.currency ?? '', expected: deps.config.currency } },
      );
      return reply.send({ received: true });
    });
  });
}
