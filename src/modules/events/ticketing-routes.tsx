/** Ordering, orders, the waiting list, calendars, the Stripe webhook, and the organisers' ticketing desk. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, NotFoundError } from '../../shared/errors.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import type { FormState } from '../../shared/views/form-fields.tsx';
import { getAccount } from '../accounts/index.ts';
import { getStandingOfUser } from '../contributors/index.ts';
import { cancelOwnOrder } from './commands/cancellations.ts';
import { orderTickets, setCheckoutRef } from './commands/order-tickets.ts';
import { recordPayment } from './commands/record-payment.ts';
import { confirmFreeOffer, joinWaitlist, sweepReservations } from './commands/waitlist.ts';
import { registrationState } from './domain/capacity.ts';
import { cancellationDeadline, selfCancellation } from './domain/refund-policy.ts';
import { calendarEvent, eventCalendar, sendOffer, sendReservation, sendTickets, type NotifyDeps } from './notifications.ts';
import { isOrderAccessToken, orderAccessToken } from './order-access.ts';
import { manualProvider, type PaymentProvider } from './payments/provider.ts';
import { createStripeClient, stripeProvider, verifyWebhook } from './payments/stripe-provider.ts';
import { getEventBySlug, getSeriesBySlug, listCalendarEvents } from './queries.ts';
import { orderSchema, waitlistSchema } from './ticketing-schemas.ts';
import { getAvailability, getOrderBrief, getOrderByPublicId, listTicketsOfOrder } from './ticketing-queries.ts';
import { eventIcs, qrSvg, seriesIcs, ticketSigner } from './tickets/index.ts';
import { EventPage } from './views/event-page.tsx';
import { OrderPage } from './views/order-page.tsx';
import { TicketBox } from './views/ticket-box.tsx';

const newKey = () => randomBytes(16).toString('base64url');


/** Everything ticketing routes share: payment providers, the email context, the clock. */
export function ticketingContext(deps: AppDeps) {
  const { db, dialect } = deps.database;
  const stripe: Stripe | null = deps.config.stripeSecretKey ? createStripeClient(deps.config.stripeSecretKey) : null;
  const providers: Record<string, PaymentProvider> = { manual: manualProvider, ...(stripe ? { stripe: stripeProvider(stripe) } : {}) };
  const checkoutProvider = deps.config.paymentProvider === 'stripe' && stripe ? 'stripe' : 'manual';
  const notify = (req: FastifyRequest): NotifyDeps => ({ db, mailer: deps.mailer, baseUrl: deps.config.baseUrl, appSecret: deps.config.appSecret, lang: req.lang });
  const base = () => ({ db, dialect, now: deps.now() });
  return { stripe, providers, checkoutProvider, notify, base };
}

export function ticketingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const { stripe, providers, checkoutProvider, notify, base } = ticketingContext(deps);

  async function eventPage(req: FastifyRequest, reply: FastifyReply, slug: string, forms: { order?: FormState; waitlist?: FormState; notice?: string } = {}, status = 200) {
    const event = await getEventBySlug(db, slug);
    if (!event || event.status === 'draft') throw new NotFoundError();
    const now = deps.now();
    const { types, seats } = await getAvailability(db, event.id, event.capacity, now);
    const isContributor = req.actor ? (await getStandingOfUser(db, req.actor.id, now)).isContributor : false;
    const ctx = viewContext(req, reply);
    const account = req.actor ? await getAccount(db, req.actor.id) : undefined;
    const defaults: FormState = { values: { key: newKey(), quantity: '1', name: account?.display_name ?? '', email: account?.email ?? '' }, errors: {} };
    return sendPage(
      reply,
      <EventPage ctx={ctx} event={event} now={now}>
        {types.length ? (
          <TicketBox
            ctx={ctx}
            slug={event.slug}
            registration={registrationState(event, now)}
            seatsLeft={seats.left}
            capacity={event.capacity}
            types={types.map((type) => ({ type, left: seats.perType.get(type.id) ?? 0 }))}
            isContributor={isContributor}
            form={forms.order ?? defaults}
            waitlistForm={forms.waitlist ?? { values: { name: defaults.values.name, email: defaults.values.email }, errors: {} }}
            notice={forms.notice ?? null}
          />
        ) : null}
      </EventPage>,
      status,
    );
  }

  // Replaces the plain event page of routes.tsx with one that sells tickets.
  app.get('/events/:slug', async (req, reply) => eventPage(req, reply, (req.params as { slug: string }).slug));

  app.post('/events/:slug/order', { config: { rateLimit: { max: 20 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } }, async (req, reply) => {
    const slug = (req.params as { slug: string }).slug;
    const event = await getEventBySlug(db, slug);
    if (!event || event.status === 'draft') throw new NotFoundError();
    const { fields } = readForm(req);
    const result = validateForm(orderSchema, fields);
    if (!result.ok) return eventPage(req, reply, slug, { order: result.form }, 422);
    const d = result.data;
    let placed;
    try {
      placed = await orderTickets(base(), {
        eventId: event.id,
        ticketTypeId: d.ticket_type_id,
        quantity: d.quantity,
        name: d.name,
        email: d.email,
        userId: req.actor?.id ?? null,
        offered: d.offered ?? null,
        invitationCode: d.code || null,
        idempotencyKey: `order:${d.key}`,
        provider: checkoutProvider,
      });
    } catch (error) {
      if (error instanceof AppError && error.status < 500 && !(error instanceof NotFoundError)) {
        const field = error.code.startsWith('code_') ? 'code' : error.code === 'below_minimum' ? 'offered' : error.code === 'too_many' || error.code === 'already_registered' ? 'quantity' : 'ticket_type_id';
        // When the form itself disappears (sold out), the message and the person's name and email move to the waiting list.
        return eventPage(
          req,
          reply,
          slug,
          { order: { values: fields, errors: { [field]: error.messageKey } }, waitlist: { values: { name: fields.name, email: fields.email }, errors: {} }, notice: viewContext(req, reply).t(error.messageKey) },
          error.status,
        );
      }
      throw error;
    }
    // A double click returns the first order: its page is reached through the email link.
    if (!placed.created) return redirectWithFlash(req, reply, `/events/${slug}`, 'tickets.alreadyPlaced');
    const link = `/orders/${placed.publicId}?token=${encodeURIComponent(orderAccessToken(deps.config.appSecret, placed.publicId))}`;
    if (placed.status === 'confirmed') {
      await sendTickets(notify(req), placed.publicId);
      return redirectWithFlash(req, reply, link, 'tickets.confirmed');
    }
    const provider = providers[checkoutProvider]!;
    const order = (await getOrderByPublicId(db, placed.publicId))!;
    const checkout = await provider.startCheckout(
      { id: order.id, publicId: order.public_id, email: order.email, total: Number(order.total), quantity: order.quantity, unitPrice: Number(order.unit_price), description: `${order.event_title} — ${order.type_name}`, currency: deps.config.currency },
      { success: `${deps.config.baseUrl}${link}`, cancel: `${deps.config.baseUrl}/events/${slug}` },
    );
    if (checkout.ref) await setCheckoutRef(db, order.id, checkout.ref);
    await sendReservation(notify(req), placed.publicId);
    if (checkout.redirectUrl) return reply.redirect(checkout.redirectUrl, 303);
    return redirectWithFlash(req, reply, link, 'tickets.reserved');
  });

  app.post('/events/:slug/waitlist', { config: { rateLimit: { max: 10 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } }, async (req, reply) => {
    const slug = (req.params as { slug: string }).slug;
    const event = await getEventBySlug(db, slug);
    if (!event || event.status === 'draft') throw new NotFoundError();
    const { fields } = readForm(req);
    const result = validateForm(waitlistSchema, fields);
    if (!result.ok) return eventPage(req, reply, slug, { waitlist: result.form }, 422);
    try {
      await joinWaitlist(base(), { eventId: event.id, ticketTypeId: result.data.ticket_type_id, name: result.data.name, email: result.data.email, userId: req.actor?.id ?? null });
    } catch (error) {
      if (error instanceof AppError && error.status < 500 && !(error instanceof NotFoundError)) {
        return eventPage(req, reply, slug, { waitlist: { values: fields, errors: { email: error.messageKey } }, notice: viewContext(req, reply).t(error.messageKey) }, error.status);
      }
      throw error;
    }
    return redirectWithFlash(req, reply, `/events/${slug}`, 'tickets.waitlistJoined');
  });

  /** An order is reached by its secret link only; a wrong or missing token is a 404, like an unknown order. */
  async function orderFor(req: FastifyRequest, token: unknown) {
    const order = await getOrderByPublicId(db, (req.params as { publicId: string }).publicId);
    if (!order || !isOrderAccessToken(deps.config.appSecret, order.public_id, token)) throw new NotFoundError();
    return order;
  }

  app.get('/orders/:publicId', async (req, reply) => {
    const token = (req.query as { token?: string }).token;
    const order = await orderFor(req, token);
    const now = deps.now();
    const signer = ticketSigner(deps.config.appSecret);
    const tickets = await listTicketsOfOrder(db, order.id);
    const ctx = viewContext(req, reply);
    const withQr = await Promise.all(
      tickets.map(async (x, i) => ({ shortCode: x.short_code, checkedInAt: x.checked_in_at, qrSvg: await qrSvg(signer.sign({ ticketId: x.id, eventId: x.event_id }), ctx.t('order.qrLabel', { n: i + 1 })) })),
    );
    const paid = order.status === 'paid' ? Number(order.total) : 0;
    const rule = selfCancellation({ policy: order.refund_policy, paid, startsAt: order.starts_at, deadlineHours: order.cancellation_deadline_hours, now });
    return sendPage(
      reply,
      <OrderPage
        ctx={ctx}
        order={order}
        token={token!}
        tickets={withQr}
        cancellation={{ ...rule, allowed: rule.allowed && order.event_status !== 'cancelled', deadline: cancellationDeadline(order.starts_at, order.cancellation_deadline_hours).toISOString() }}
        paymentInstructions={order.provider === 'manual'}
      />,
    );
  });

  app.get('/orders/:publicId/calendar.ics', async (req, reply) => {
    const order = await orderFor(req, (req.query as { token?: string }).token);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="soiree.ics"').send(eventCalendar(order, deps.config.baseUrl));
  });

  app.post('/orders/:publicId/cancel', async (req, reply) => {
    const { fields } = readForm(req);
    const order = await orderFor(req, fields.token);
    const link = `/orders/${order.public_id}?token=${encodeURIComponent(String(fields.token))}`;
    try {
      const outcome = await cancelOwnOrder({ ...base(), providers }, order.id);
      for (const offer of outcome.offers) await sendOffer(notify(req), offer);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return redirectWithFlash(req, reply, link, error.messageKey, 'error');
      throw error;
    }
    return redirectWithFlash(req, reply, link, 'order.cancelled');
  });

  app.post('/orders/:publicId/claim', async (req, reply) => {
    const { fields } = readForm(req);
    const order = await orderFor(req, fields.token);
    const link = `/orders/${order.public_id}?token=${encodeURIComponent(String(fields.token))}`;
    if (!(await confirmFreeOffer(base(), order.id))) return redirectWithFlash(req, reply, link, 'tickets.reservationExpired', 'error');
    await sendTickets(notify(req), order.public_id);
    return redirectWithFlash(req, reply, link, 'tickets.confirmed');
  });

  app.get('/events/:slug/calendar.ics', async (req, reply) => {
    const event = await getEventBySlug(db, (req.params as { slug: string }).slug);
    if (!event || event.status === 'draft') throw new NotFoundError();
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${event.slug}.ics"`)
      .send(eventIcs(calendarEvent(event, deps.config.baseUrl)));
  });

  const calendarFeed = async (reply: FastifyReply, name: string, seriesId: number | null) => {
    const events = await listCalendarEvents(db, seriesId);
    return reply.type('text/calendar; charset=utf-8').send(seriesIcs(name, events.map((event) => calendarEvent(event, deps.config.baseUrl))));
  };

  app.get('/events/calendar.ics', async (_req, reply) => calendarFeed(reply, 'Open Experience', null));

  app.get('/series/:slug/calendar.ics', async (req, reply) => {
    const series = await getSeriesBySlug(db, (req.params as { slug: string }).slug);
    if (!series) throw new NotFoundError();
    return calendarFeed(reply, series.title, series.id);
  });

  // Stripe signs the raw body: this route alone reads JSON as bytes, and authenticates by signature.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/payments/stripe/webhook', { config: { csrf: false } }, async (req, reply) => {
      if (!stripe || !deps.config.stripeWebhookSecret) throw new NotFoundError();
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : '');
      const event = verifyWebhook(stripe, raw, req.headers['stripe-signature'] as string | undefined, deps.config.stripeWebhookSecret);
      if (!event) return reply.status(400).send({ error: 'bad_signature' });
      if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
        const session = event.data.object as Stripe.Checkout.Session;
        if (session.payment_status !== 'paid') return reply.send({ received: true });
        const paymentRef = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
        let outcome;
        try {
          outcome = await recordPayment(base(), { providerRef: session.id, provider: 'stripe', providerEventId: event.id, providerPaymentRef: paymentRef, amount: session.amount_total ?? 0, fee: 0, actorUserId: null });
        } catch (error) {
          if (error instanceof NotFoundError) return reply.send({ received: true, unknownOrder: true });
          throw error;
        }
        if (outcome.kind === 'paid') {
          const order = await getOrderBrief(db, outcome.orderId);
          if (order) await sendTickets(notify(req), order.public_id);
        } else if (outcome.kind === 'refund_needed' && paymentRef) {
          await providers.stripe!.refund({ paymentRef, amount: outcome.amount });
        }
      }
      return reply.send({ received: true });
    });
  });

  // Run-out reservations free their seats for the waiting list, on every instance, every minute.
  const timer = setInterval(() => {
    sweepReservations(base())
      .then(async (offers) => {
        for (const offer of offers) await sendOffer({ db, mailer: deps.mailer, baseUrl: deps.config.baseUrl, appSecret: deps.config.appSecret, lang: 'fr' }, offer);
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'reservation sweep failed'));
  }, 60_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
