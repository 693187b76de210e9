/** The organisers' ticketing desk: ticket types, invitation codes, orders, attendees, the door, cancelling an evening. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../../app-deps.ts';
import { CSV_BOM, csvText } from '../../../../shared/csv.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import type { FormRenderer } from '../../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../../shared/http/page.ts';
import { z } from 'zod';
import { idParams, type ZodTypeProvider } from '../../../../shared/http/route-schema.ts';
import type { FormState } from '../../../../shared/views/form-fields.tsx';
import { eventsPolicy } from '../../policy.ts';
import { getEvent } from '../../queries.ts';
import { cancelEvent } from '../commands/cancel-event.ts';
import { checkIn } from '../commands/check-in.ts';
import { recordPayment } from '../commands/record-payment.ts';
import { recordRefund } from '../commands/refunds.ts';
import { addInvitationCode, addTicketType } from '../commands/ticket-types.ts';
import { eventCounts, getAvailability, getOrderBrief, listAttendees, listInvitationCodes, listOrdersOfEvent, waitlistCount } from '../queries.ts';
import { cancelEventBody, checkinBody, codeSchema, ticketTypeSchema } from '../schemas.ts';
import { ticketSigner } from '../tickets/index.ts';
import { CheckinPage, TicketingPage } from '../views/organiser-pages.tsx';

/** The orders table's search box (a name, an address, a transfer reference). */
const ordersQuery = z.object({ q: z.preprocess((v) => (typeof v === 'string' ? v.trim().slice(0, 100) : ''), z.string()) });

export function ticketingDeskRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  /** Organisers only, checked before any params or body are read. */
  const manage = (req: FastifyRequest) => eventsPolicy.authorize(req.actor, 'manage');
  const signer = ticketSigner(deps.config.appSecret);
  const eventIdOf = (req: FastifyRequest) => idParams.parse(req.params).id;
  const ticketsPage = (eventId: number) => `/editor/events/${eventId}/tickets`;

  async function ticketingPage(req: FastifyRequest, reply: FastifyReply, forms: { type?: FormState; code?: FormState } = {}, status = 200) {
    eventsPolicy.authorize(req.actor, 'manage');
    const event = await getEvent(db, eventIdOf(req));
    if (!event) throw new NotFoundError();
    const { q } = ordersQuery.parse(req.query);
    const [{ types, seats }, counts, orders, codes, waiting] = await Promise.all([
      getAvailability(db, event),
      eventCounts(db, event.id),
      listOrdersOfEvent(db, event.id, { q }),
      listInvitationCodes(db, event.id),
      waitlistCount(db, event.id),
    ]);
    return sendPage(
      reply,
      <TicketingPage
        ctx={viewContext(req, reply)}
        event={event}
        counts={counts}
        seatsLeft={seats.left}
        waiting={waiting}
        types={types}
        codes={codes}
        orders={orders}
        search={q}
        typeForm={forms.type ?? { values: { kind: 'standard', max_per_order: '1' }, errors: {} }}
        codeForm={forms.code ?? { values: { max_uses: '1', price: '0' }, errors: {} }}
      />,
      status,
    );
  }

  app.get('/editor/events/:id/tickets', { schema: { params: idParams, querystring: ordersQuery } }, async (req, reply) => ticketingPage(req, reply));

  const typeForm: FormRenderer = (req, reply, { form, status }) => ticketingPage(req, reply, { type: form }, status);
  app.post('/editor/events/:id/ticket-types', { schema: { params: idParams, body: ticketTypeSchema }, config: { authorize: manage, form: typeForm } }, async (req, reply) => {
    const actor = eventsPolicy.authorize(req.actor, 'manage');
    const d = req.body;
    await addTicketType({ db, actor, now: deps.now() }, { eventId: req.params.id, kind: d.kind, name: d.name, price: d.price, quota: d.quota, maxPerOrder: d.max_per_order, language: d.language });
    return redirectWithFlash(req, reply, ticketsPage(req.params.id), 'ticketing.typeAdded');
  });

  const codeForm: FormRenderer = (req, reply, { form, status }) => ticketingPage(req, reply, { code: form }, status);
  app.post('/editor/events/:id/codes', { schema: { params: idParams, body: codeSchema }, config: { authorize: manage, form: codeForm } }, async (req, reply) => {
    const actor = eventsPolicy.authorize(req.actor, 'manage');
    const d = req.body;
    await addInvitationCode({ db, actor, now: deps.now() }, { eventId: req.params.id, code: d.code, price: d.price, maxUses: d.max_uses, expiresAt: d.expires_at, note: d.note });
    return redirectWithFlash(req, reply, ticketsPage(req.params.id), 'ticketing.codeAdded');
  });

  /** Back to the tickets page of the order's evening. */
  const backToOrderEvent = async (req: FastifyRequest) => {
    const order = await getOrderBrief(db, idParams.parse(req.params).id);
    return order ? ticketsPage(order.event_id) : '/editor/events';
  };

  app.post('/editor/orders/:id/paid', { schema: { params: idParams }, config: { authorize: manage, back: backToOrderEvent } }, async (req, reply) => {
    const actor = eventsPolicy.authorize(req.actor, 'manage');
    const order = await getOrderBrief(db, req.params.id);
    if (!order) throw new NotFoundError();
    const outcome = await recordPayment({ db, actor, now: deps.now() }, { orderId: order.id, provider: 'manual', providerEventId: `manual:${order.id}`, amount: Number(order.total), fee: 0 });
    const tooLate = outcome.kind === 'refund_needed';
    return redirectWithFlash(req, reply, `${ticketsPage(order.event_id)}#order-${order.id}`, tooLate ? 'ticketing.paidTooLate' : 'ticketing.markedPaid', tooLate ? 'error' : 'success');
  });

  app.post('/editor/orders/:id/refunded', { schema: { params: idParams }, config: { authorize: manage, back: backToOrderEvent } }, async (req, reply) => {
    const actor = eventsPolicy.authorize(req.actor, 'manage');
    const order = await getOrderBrief(db, req.params.id);
    if (!order) throw new NotFoundError();
    await recordRefund({ db, actor, now: deps.now() }, { orderId: order.id, by: 'organiser' });
    return redirectWithFlash(req, reply, ticketsPage(order.event_id), 'ticketing.markedRefunded');
  });

  app.get('/editor/events/:id/attendees.csv', { schema: { params: idParams } }, async (req, reply) => {
    eventsPolicy.authorize(req.actor, 'manage');
    const eventId = req.params.id;
    const rows = await listAttendees(db, eventId);
    const header = ['name', 'email', 'ticket_type', 'contributor', 'order_status', 'ticket_code', 'checked_in_at'];
    const lines = [header.join(','), ...rows.map((r) => [r.name, r.email, r.type_name, r.kind === 'contributor' ? 'yes' : 'no', r.status, r.short_code, r.checked_in_at ?? ''].map(csvText).join(','))];
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="attendees-${eventId}.csv"`).header('cache-control', 'private, no-store').send(`${CSV_BOM}${lines.join('\r\n')}\r\n`);
  });

  app.get('/editor/events/:id/checkin', { schema: { params: idParams } }, async (req, reply) => {
    eventsPolicy.authorize(req.actor, 'manage');
    const event = await getEvent(db, req.params.id);
    if (!event) throw new NotFoundError();
    return sendPage(reply, <CheckinPage ctx={viewContext(req, reply)} event={event} counts={await eventCounts(db, event.id)} />);
  });

  app.get('/editor/events/:id/counts', { schema: { params: idParams } }, async (req, reply) => {
    eventsPolicy.authorize(req.actor, 'manage');
    return reply.header('cache-control', 'no-store').send(await eventCounts(db, req.params.id));
  });

  app.post(
    '/editor/events/:id/checkin',
    { schema: { params: idParams, body: checkinBody }, config: { authorize: manage, rateLimit: { max: 600 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const actor = eventsPolicy.authorize(req.actor, 'manage');
      const eventId = req.params.id;
      const result = await checkIn({ db, actor, now: deps.now() }, { eventId, code: req.body.code, signer });
      if ((req.headers.accept ?? '').includes('application/json')) {
        const ctx = viewContext(req, reply);
        return reply.header('cache-control', 'no-store').send({ ...result, counts: await eventCounts(db, eventId), message: ctx.t(`checkin.status.${result.status}`) });
      }
      // Without JavaScript the form posts here and the page comes back with the verdict.
      const event = await getEvent(db, eventId);
      if (!event) throw new NotFoundError();
      return sendPage(reply, <CheckinPage ctx={viewContext(req, reply)} event={event} counts={await eventCounts(db, eventId)} result={result} />, result.status === 'unknown' ? 404 : 200);
    },
  );

  app.post('/editor/events/:id/cancel', { schema: { params: idParams, body: cancelEventBody }, config: { authorize: manage, back: (req) => ticketsPage(eventIdOf(req)) } }, async (req, reply) => {
    const actor = eventsPolicy.authorize(req.actor, 'manage');
    await cancelEvent({ db, actor, now: deps.now() }, { eventId: req.params.id });
    return redirectWithFlash(req, reply, ticketsPage(req.params.id), 'ticketing.eventCancelled');
  });
}
