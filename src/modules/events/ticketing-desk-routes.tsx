/** The organisers' ticketing desk: ticket types, invitation codes, orders, attendees, the door, cancelling an evening. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import type { FormState } from '../../shared/views/form-fields.tsx';
import { authorize } from '../accounts/index.ts';
import { cancelEvent, markRefunded } from './commands/cancellations.ts';
import { checkIn } from './commands/check-in.ts';
import { addInvitationCode, addTicketType } from './commands/manage-ticketing.ts';
import { recordPayment } from './commands/record-payment.ts';
import { sendEventCancelled, sendTickets } from './notifications.ts';
import { getEvent } from './queries.ts';
import { codeSchema, ticketTypeSchema } from './ticketing-schemas.ts';
import { eventCounts, getAvailability, getOrderBrief, listAttendees, listInvitationCodes, listOrdersOfEvent, waitlistCount } from './ticketing-queries.ts';
import { CSV_BOM, csvText } from '../../shared/csv.ts';
import { ticketingContext } from './ticketing-routes.tsx';
import { CheckinPage, TicketingPage } from './views/organiser-pages.tsx';


export function ticketingDeskRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const { providers, notify, base } = ticketingContext(deps);
  const eventIdOf = (req: FastifyRequest) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
    return id;
  };

  async function ticketingPage(req: FastifyRequest, reply: FastifyReply, forms: { type?: FormState; code?: FormState } = {}, status = 200) {
    authorize(req, 'manage:events');
    const event = await getEvent(db, eventIdOf(req));
    if (!event) throw new NotFoundError();
    const now = deps.now();
    const [{ types, seats }, counts, orders, codes, waiting] = await Promise.all([
      getAvailability(db, event.id, event.capacity, now),
      eventCounts(db, event.id),
      listOrdersOfEvent(db, event.id),
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
        typeForm={forms.type ?? { values: { kind: 'standard', max_per_order: '1' }, errors: {} }}
        codeForm={forms.code ?? { values: { max_uses: '1', price: '0' }, errors: {} }}
      />,
      status,
    );
  }

  app.get('/editor/events/:id/tickets', async (req, reply) => ticketingPage(req, reply));

  app.post('/editor/events/:id/ticket-types', async (req, reply) => {
    const actor = authorize(req, 'manage:events');
    const { fields } = readForm(req);
    const result = validateForm(ticketTypeSchema, fields);
    if (!result.ok) return ticketingPage(req, reply, { type: result.form }, 422);
    const d = result.data;
    await db.transaction().execute((trx) => addTicketType(trx, eventIdOf(req), { kind: d.kind, name: d.name, price: d.price, quota: d.quota, maxPerOrder: d.max_per_order }, { actorUserId: actor.id, now: deps.now() }));
    return redirectWithFlash(req, reply, `/editor/events/${eventIdOf(req)}/tickets`, 'ticketing.typeAdded');
  });

  app.post('/editor/events/:id/codes', async (req, reply) => {
    const actor = authorize(req, 'manage:events');
    const { fields } = readForm(req);
    const result = validateForm(codeSchema, fields);
    if (!result.ok) return ticketingPage(req, reply, { code: result.form }, 422);
    const d = result.data;
    try {
      await db.transaction().execute((trx) => addInvitationCode(trx, eventIdOf(req), { code: d.code, price: d.price, maxUses: d.max_uses, expiresAt: d.expires_at, note: d.note }, { actorUserId: actor.id, now: deps.now() }));
    } catch (error) {
      if (error instanceof ValidationError) return ticketingPage(req, reply, { code: { values: fields, errors: error.fields } }, 422);
      throw error;
    }
    return redirectWithFlash(req, reply, `/editor/events/${eventIdOf(req)}/tickets`, 'ticketing.codeAdded');
  });

  const orderIdOf = (req: FastifyRequest) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
    return id;
  };

  app.post('/editor/orders/:id/paid', async (req, reply) => {
    const actor = authorize(req, 'manage:events');
    const order = await getOrderBrief(db, orderIdOf(req));
    if (!order) throw new NotFoundError();
    const outcome = await recordPayment(base(), { orderId: order.id, provider: 'manual', providerEventId: `manual:${order.id}`, amount: Number(order.total), fee: 0, actorUserId: actor.id });
    if (outcome.kind === 'paid') await sendTickets(notify(req), order.public_id);
    return redirectWithFlash(req, reply, `/editor/events/${order.event_id}/tickets#order-${order.id}`, outcome.kind === 'refund_needed' ? 'ticketing.paidTooLate' : 'ticketing.markedPaid', outcome.kind === 'refund_needed' ? 'error' : 'success');
  });

  app.post('/editor/orders/:id/refunded', async (req, reply) => {
    const actor = authorize(req, 'manage:events');
    const order = await getOrderBrief(db, orderIdOf(req));
    if (!order) throw new NotFoundError();
    try {
      await markRefunded({ ...base(), providers, actor }, order.id);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return redirectWithFlash(req, reply, `/editor/events/${order.event_id}/tickets`, error.messageKey, 'error');
      throw error;
    }
    return redirectWithFlash(req, reply, `/editor/events/${order.event_id}/tickets`, 'ticketing.markedRefunded');
  });

  app.get('/editor/events/:id/attendees.csv', async (req, reply) => {
    authorize(req, 'manage:events');
    const eventId = eventIdOf(req);
    const rows = await listAttendees(db, eventId);
    const header = ['name', 'email', 'ticket_type', 'contributor', 'order_status', 'ticket_code', 'checked_in_at'];
    const lines = [header.join(','), ...rows.map((r) => [r.name, r.email, r.type_name, r.kind === 'contributor' ? 'yes' : 'no', r.status, r.short_code, r.checked_in_at ?? ''].map(csvText).join(','))];
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="attendees-${eventId}.csv"`).header('cache-control', 'private, no-store').send(`${CSV_BOM}${lines.join('\r\n')}\r\n`);
  });

  app.get('/editor/events/:id/checkin', async (req, reply) => {
    authorize(req, 'manage:events');
    const event = await getEvent(db, eventIdOf(req));
    if (!event) throw new NotFoundError();
    return sendPage(reply, <CheckinPage ctx={viewContext(req, reply)} event={event} counts={await eventCounts(db, event.id)} />);
  });

  app.get('/editor/events/:id/counts', async (req, reply) => {
    authorize(req, 'manage:events');
    return reply.header('cache-control', 'no-store').send(await eventCounts(db, eventIdOf(req)));
  });

  app.post('/editor/events/:id/checkin', { config: { rateLimit: { max: 600 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } }, async (req, reply) => {
    const actor = authorize(req, 'manage:events');
    const eventId = eventIdOf(req);
    const code = String(readForm(req).fields.code ?? '');
    const result = await checkIn({ db, now: deps.now(), appSecret: deps.config.appSecret, actor }, { eventId, code: code.slice(0, 300) });
    if ((req.headers.accept ?? '').includes('application/json')) {
      const ctx = viewContext(req, reply);
      return reply.header('cache-control', 'no-store').send({ ...result, counts: await eventCounts(db, eventId), message: ctx.t(`checkin.status.${result.status}` as 'checkin.status.valid') });
    }
    // Without JavaScript the form posts here and the page comes back with the verdict.
    const event = (await getEvent(db, eventId))!;
    return sendPage(reply, <CheckinPage ctx={viewContext(req, reply)} event={event} counts={await eventCounts(db, eventId)} result={result} />, result.status === 'unknown' ? 404 : 200);
  });

  app.post('/editor/events/:id/cancel', async (req, reply) => {
    const actor = authorize(req, 'manage:events');
    const eventId = eventIdOf(req);
    const { fields } = readForm(req);
    if (fields.confirm !== 'yes') return redirectWithFlash(req, reply, `/editor/events/${eventId}/tickets`, 'ticketing.cancelNeedsConfirm', 'error');
    const event = await getEvent(db, eventId);
    if (!event) throw new NotFoundError();
    const results = await cancelEvent({ ...base(), providers, actor }, eventId);
    for (const r of results) await sendEventCancelled(notify(req), { email: r.email, name: r.name, title: event.title, refund: r.refund, outcome: r.outcome });
    return redirectWithFlash(req, reply, `/editor/events/${eventId}/tickets`, 'ticketing.eventCancelled');
  });

}
