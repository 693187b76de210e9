/**
 * The evenings and their ticketing: public pages, ordering, orders, the Stripe webhook, the
 * organisers' desk; the outbox handlers of ticketing's emails and refunds; and the timer that
 * releases run-out reservations to the waiting list.
 */
import type { FastifyPluginAsync } from 'fastify';
import type Stripe from 'stripe';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import { eventRoutes } from './routes/events.tsx';
import { sweepReservations } from './ticketing/commands/release-reservations.ts';
import { handleTicketingEffects } from './ticketing/effect-handlers.ts';
import { manualProvider, type PaymentProvider, type StripeSessionHandler } from './ticketing/payments/provider.ts';
import { createStripeClient, stripeProvider } from './ticketing/payments/stripe-provider.ts';
import { ticketingDeskRoutes } from './ticketing/routes/desk.tsx';
import { publicTicketingRoutes } from './ticketing/routes/public.tsx';
import { stripeWebhookRoute } from './ticketing/routes/stripe-webhook.ts';

/** How often each instance releases run-out reservations (the evening's lock keeps sweeps from overlapping). */
const SWEEP_EVERY_MS = 60_000;

/** `stripeSessions`: other modules' Stripe Checkout sessions, by kind, for the one webhook (wired in app.ts). */
export const eventsPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers; stripeSessions?: Readonly<Record<string, StripeSessionHandler>> }> = async (app, { deps, effects, stripeSessions = {} }) => {
  const stripe: Stripe | null = deps.config.stripeSecretKey ? createStripeClient(deps.config.stripeSecretKey, deps.config.stripeApiUrl) : null;
  const providers: Record<string, PaymentProvider> = { manual: manualProvider, ...(stripe ? { stripe: stripeProvider(stripe) } : {}) };
  const checkoutProvider = deps.config.paymentProvider === 'stripe' && stripe ? 'stripe' : 'manual';

  handleTicketingEffects(effects, { config: deps.config, mailer: deps.mailer, providers });
  publicTicketingRoutes(app, deps, { providers, checkoutProvider });
  ticketingDeskRoutes(app, deps);
  stripeWebhookRoute(app, deps, stripe, stripeSessions);
  eventRoutes(app, deps);

  const timer = setInterval(() => {
    sweepReservations({ db: deps.database.db, actor: null, now: deps.now() }, { provider: checkoutProvider, termDays: deps.config.manualPayment.termDays }).catch((error: unknown) => app.log.error({ err: error }, 'reservation sweep failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
};
