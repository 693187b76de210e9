/** The public side of ticketing: the event page's ticket box, ordering, orders, the waiting list, calendars. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../app-deps.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import type { FormRenderer } from '../../../../shared/http/form.ts';
import { redirectWithFlash, safeNextPath, sendPage, viewContext } from '../../../../shared/http/page.ts';
import { formatDateTime, localisePath } from '../../../../shared/i18n/index.ts';
import { slugParams, type ZodTypeProvider } from '../../../../shared/http/route-schema.ts';
import type { FormState } from '../../../../shared/views/form-fields.tsx';
import { getAccount } from '../../../accounts/index.ts';
import { getStandingOfUser } from '../../../contributors/index.ts';
import { getEventBySlug, getSeriesBySlug, listCalendarEvents } from '../../queries.ts';
import { EventPage } from '../../views/event-page.tsx';
import { beginCheckout } from '../commands/begin-checkout.ts';
import { cancelOwnOrder } from '../commands/cancel-order.ts';
import { orderTickets } from '../commands/order-tickets.ts';
import { confirmFreeOffer, joinWaitlist } from '../commands/waitlist.ts';
import { registrationState } from '../domain/capacity.ts';
import { cancellationDeadline, selfCancellation } from '../domain/refund-policy.ts';
import { isOrderAccessToken, orderAccessToken } from '../order-access.ts';
import { calendarEvent, eventCalendar, singleEventIcs } from '../order-links.ts';
import type { PaymentProvider } from '../payments/provider.ts';
import { eventCounts, getAvailability, getOrderView, listMyOrdersForEvent, listTicketsOfOrder } from '../queries.ts';
import { orderLinkQuery, orderParams, orderSchema, orderTokenBody, waitlistSchema } from '../schemas.ts';
import { qrSvg, seriesIcs, ticketSigner } from '../tickets/index.ts';
import { OrderPage } from '../views/order-page.tsx';
import { PastEveningBox, TicketBox } from '../views/ticket-box.tsx';

const newKey = () => randomBytes(16).toString('base64url');

export interface Payments {
  providers: Record<string, PaymentProvider>;
  /** The provider new orders pay through ('manual' or 'stripe'). */
  checkoutProvider: 'manual' | 'stripe';
}

export function publicTicketingRoutes(fastify: FastifyInstance, deps: AppDeps, payments: Payments): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const link = (publicId: string) => `/orders/${publicId}?token=${encodeURIComponent(orderAccessToken(deps.config.appSecret, publicId))}`;

  async function eventPage(req: FastifyRequest, reply: FastifyReply, slug: string, forms: { order?: FormState; waitlist?: FormState } = {}, status = 200) {
    const event = await getEventBySlug(db, slug);
    if (!event || event.status === 'draft') throw new NotFoundError();
    const now = deps.now();
    const { types, seats } = await getAvailability(db, event);
    const isContributor = req.actor ? (await getStandingOfUser(db, req.actor.id, now)).isContributor : false;
    const ctx = viewContext(req, reply);
    const account = req.actor ? await getAccount(db, req.actor.id) : undefined;
    const mine = req.actor ? await listMyOrdersForEvent(db, { eventId: event.id, userId: req.actor.id, email: account?.email ?? null, now }) : [];
    // Over (and not cancelled): attendance and accounts, not "80 seats left of 80".
    if (event.status === 'published' && event.ends_at <= now.toISOString()) {
      const counts = await eventCounts(db, event.id);
      return sendPage(
        reply,
        <EventPage ctx={ctx} event={event} now={now}>
          <PastEveningBox ctx={ctx} eventId={event.id} attendance={counts.checkedIn > 0 ? counts.checkedIn : counts.registered} />
        </EventPage>,
        status,
      );
    }
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
            loginHref={`/account/login?next=${encodeURIComponent(safeNextPath(localisePath(`/events/${event.slug}`, ctx.lang)))}`}
            myOrders={mine.map((o) => ({ href: link(o.public_id), status: o.status, quantity: o.quantity, typeName: o.type_name }))}
            payment={{ door: event.pay_at_door === 1, online: payments.checkoutProvider === 'manual' ? 'transfer' : 'card' }}
            form={forms.order ?? defaults}
            waitlistForm={forms.waitlist ?? { values: { name: defaults.values.name, email: defaults.values.email }, errors: {} }}
          />
        ) : null}
      </EventPage>,
      status,
    );
  }

  app.get('/events/:slug', { schema: { params: slugParams } }, async (req, reply) => eventPage(req, reply, req.params.slug));

  // A refused order comes back on the event page with the input; when the form itself is gone (sold
  // out), the person's name and email move to the waiting list's form.
  const orderForm: FormRenderer = (req, reply, { form, status }) =>
    eventPage(req, reply, slugParams.parse(req.params).slug, { order: form, waitlist: { values: { name: form.values.name, email: form.values.email }, errors: {} } }, status);

  app.post(
    '/events/:slug/order',
    { schema: { params: slugParams, body: orderSchema }, config: { form: orderForm, rateLimit: { max: 20 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const event = await getEventBySlug(db, req.params.slug);
      if (!event || event.status === 'draft') throw new NotFoundError();
      const d = req.body;
      const outcome = await orderTickets(
        { db, actor: req.actor, now: deps.now() },
        {
          eventId: event.id,
          ticketTypeId: d.ticket_type_id,
          quantity: d.quantity,
          name: d.name,
          email: d.email,
          offered: d.offered ?? null,
          invitationCode: d.code || null,
          idempotencyKey: `order:${d.key}`,
          provider: payments.checkoutProvider,
          payment: d.payment,
          termDays: deps.config.manualPayment.termDays,
          lang: req.lang,
        },
      );
      // Free seats for someone not logged in: the tickets are in their inbox, whether this form
      // placed them or the address held them already — the page never says which.
      if (outcome.kind === 'told_by_email' || (req.actor === null && outcome.status === 'confirmed' && outcome.created)) {
        return redirectWithFlash(req, reply, `/events/${event.slug}`, 'tickets.sentByEmail');
      }
      // A double click returns the first order: its page is reached through the email link.
      if (!outcome.created) return redirectWithFlash(req, reply, `/events/${event.slug}`, 'tickets.alreadyPlaced');
      if (outcome.status === 'confirmed') return redirectWithFlash(req, reply, link(outcome.publicId), 'tickets.confirmed');
      // At the door: nothing to pay now; the order page says what to bring.
      if (outcome.provider === 'door') return redirectWithFlash(req, reply, link(outcome.publicId), 'tickets.reservedDoor');
      return pay(req, reply, outcome.publicId);
    },
  );

  /** Sends the buyer to pay: to the provider's checkout, or to the order page's instructions. */
  async function pay(req: FastifyRequest, reply: FastifyReply, publicId: string) {
    const gateway = payments.providers[payments.checkoutProvider]!;
    const outcome = await beginCheckout(
      { db, actor: req.actor, now: deps.now() },
      { publicId, gateway, urls: { success: `${deps.config.baseUrl}${localisePath(link(publicId), req.lang)}`, cancel: `${deps.config.baseUrl}${localisePath(link(publicId), req.lang)}` }, currency: deps.config.currency },
    );
    if (outcome.kind === 'redirect') return reply.redirect(outcome.url, 303);
    if (outcome.kind === 'unavailable') return redirectWithFlash(req, reply, link(publicId), 'tickets.paymentUnavailable', 'error', { until: formatDateTime(outcome.until, req.lang) });
    return redirectWithFlash(req, reply, link(publicId), 'tickets.reserved');
  }

  const waitlistForm: FormRenderer = (req, reply, { form, status }) => eventPage(req, reply, slugParams.parse(req.params).slug, { waitlist: form }, status);

  app.post(
    '/events/:slug/waitlist',
    { schema: { params: slugParams, body: waitlistSchema }, config: { form: waitlistForm, rateLimit: { max: 10 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const event = await getEventBySlug(db, req.params.slug);
      if (!event || event.status === 'draft') throw new NotFoundError();
      await joinWaitlist({ db, actor: req.actor, now: deps.now() }, { eventId: event.id, ticketTypeId: req.body.ticket_type_id, name: req.body.name, email: req.body.email, lang: req.lang });
      return redirectWithFlash(req, reply, `/events/${event.slug}`, 'tickets.waitlistJoined');
    },
  );

  /** An order is reached by its secret link only; a wrong or missing token is a 404, like an unknown order. */
  async function orderFor(publicId: string, token: string | undefined) {
    const order = await getOrderView(db, { publicId });
    if (!order || !isOrderAccessToken(deps.config.appSecret, order.public_id, token)) throw new NotFoundError();
    return order;
  }
  /** Back to the order page (its link carries the secret the form posted). */
  const backToOrder = (req: FastifyRequest) => `/orders/${orderParams.parse(req.params).publicId}?token=${encodeURIComponent(String(req.formFields?.token ?? ''))}`;

  app.get('/orders/:publicId', { schema: { params: orderParams, querystring: orderLinkQuery } }, async (req, reply) => {
    const token = req.query.token;
    const order = await orderFor(req.params.publicId, token);
    const now = deps.now();
    const signer = ticketSigner(deps.config.appSecret);
    const tickets = await listTicketsOfOrder(db, order.id);
    const ctx = viewContext(req, reply);
    const withQr = await Promise.all(
      tickets.map(async (x, i) => ({ shortCode: x.short_code, checkedInAt: x.checked_in_at, qrSvg: await qrSvg(signer.sign({ ticketId: x.id, eventId: x.event_id }), ctx.t('order.qrLabel', { n: i + 1 })) })),
    );
    const paid = order.status === 'paid' ? Number(order.total) : 0;
    const rule = selfCancellation({ policy: order.refund_policy, paid, startsAt: order.starts_at, deadlineHours: order.cancellation_deadline_hours, now });
    const reservedNow = order.status === 'reserved' && (order.reserved_until ?? '') > now.toISOString();
    return sendPage(
      reply,
      <OrderPage
        ctx={ctx}
        order={order}
        token={token ?? ''}
        tickets={withQr}
        cancellation={{ ...rule, allowed: rule.allowed && order.event_status !== 'cancelled', deadline: cancellationDeadline(order.starts_at, order.cancellation_deadline_hours).toISOString() }}
        manualPayment={order.provider === 'manual' || order.provider === 'door' ? { bank: deps.config.manualPayment.bank } : null}
        canPayOnline={reservedNow && order.provider === 'stripe' && Number(order.total) > 0}
      />,
    );
  });

  app.get('/orders/:publicId/calendar.ics', { schema: { params: orderParams, querystring: orderLinkQuery } }, async (req, reply) => {
    const order = await orderFor(req.params.publicId, req.query.token);
    const ics = eventCalendar(order, deps.config.baseUrl);
    if (ics === null) throw new NotFoundError();
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="soiree.ics"').send(ics);
  });

  app.post('/orders/:publicId/cancel', { schema: { params: orderParams, body: orderTokenBody }, config: { back: backToOrder } }, async (req, reply) => {
    const order = await orderFor(req.params.publicId, req.body.token);
    await cancelOwnOrder({ db, actor: req.actor, now: deps.now() }, { orderId: order.id, provider: payments.checkoutProvider, termDays: deps.config.manualPayment.termDays });
    return redirectWithFlash(req, reply, backToOrder(req), 'order.cancelled');
  });

  app.post('/orders/:publicId/claim', { schema: { params: orderParams, body: orderTokenBody }, config: { back: backToOrder } }, async (req, reply) => {
    const order = await orderFor(req.params.publicId, req.body.token);
    const claimed = await confirmFreeOffer({ db, actor: req.actor, now: deps.now() }, { orderId: order.id });
    return claimed ? redirectWithFlash(req, reply, backToOrder(req), 'tickets.confirmed') : redirectWithFlash(req, reply, backToOrder(req), 'tickets.reservationExpired', 'error');
  });

  app.post(
    '/orders/:publicId/pay',
    { schema: { params: orderParams, body: orderTokenBody }, config: { back: backToOrder, rateLimit: { max: 20 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const order = await orderFor(req.params.publicId, req.body.token);
      return pay(req, reply, order.public_id);
    },
  );

  app.get('/events/:slug/calendar.ics', { schema: { params: slugParams } }, async (req, reply) => {
    const event = await getEventBySlug(db, req.params.slug);
    if (!event || event.status === 'draft') throw new NotFoundError();
    const ics = singleEventIcs(event, deps.config.baseUrl);
    if (ics === null) throw new NotFoundError();
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${event.slug}.ics"`).send(ics);
  });

  const calendarFeed = async (req: FastifyRequest, reply: FastifyReply, name: string, seriesId: number | null) => {
    const events = await listCalendarEvents(db, seriesId);
    const ics = seriesIcs(
      name,
      events.map((event) => calendarEvent(event, deps.config.baseUrl)),
      (error) => req.log.warn({ err: error.message }, 'an event left out of a calendar feed'),
    );
    return reply.type('text/calendar; charset=utf-8').send(ics);
  };

  app.get('/events/calendar.ics', async (req, reply) => calendarFeed(req, reply, 'Open Experience', null));

  app.get('/series/:slug/calendar.ics', { schema: { params: slugParams } }, async (req, reply) => {
    const series = await getSeriesBySlug(db, req.params.slug);
    if (!series) throw new NotFoundError();
    return calendarFeed(req, reply, series.title, series.id);
  });
}
