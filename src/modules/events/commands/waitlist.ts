import { randomBytes } from 'node:crypto';
import type { Db, Dialect, Trx } from '../../../db/database.ts';
import { lockEventRow } from '../../../db/locks.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';
import { availability, OPEN_KINDS, registrationState, WAITLIST_OFFER_MINUTES } from '../domain/capacity.ts';
import { nextInLine } from '../domain/waitlist.ts';
import { alreadyRegistered, eventCancelled, notAContributor, notSoldOut, registrationClosed, unknownTicketType } from '../errors.ts';
import { issueTickets, loadHoldings } from './order-tickets.ts';

export interface Offer {
  orderId: number;
  publicId: string;
  name: string;
  email: string;
  eventId: number;
  reservedUntil: string;
}

/** An invitation code's use comes back when the order that used it no longer holds its seats. */
export async function releaseCodeUses(trx: Trx, orderIds: number[]): Promise<void> {
  if (orderIds.length === 0) return;
  const rows = await trx.selectFrom('orders').select(['invitation_code_id', 'quantity']).where('id', 'in', orderIds).where('invitation_code_id', 'is not', null).execute();
  for (const r of rows) {
    await trx
      .updateTable('invitation_codes')
      .set((eb) => ({ uses: eb('uses', '-', r.quantity) }))
      .where('id', '=', r.invitation_code_id!)
      .where('uses', '>=', r.quantity)
      .execute();
  }
}

/** Joins the waiting list of a sold-out ticket type (once per person). */
export async function joinWaitlist(
  deps: { db: Db; dialect: Dialect; now: Date },
  input: { eventId: number; ticketTypeId: number; name: string; email: string; userId: number | null },
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    await lockEventRow(trx, deps.dialect, input.eventId);
    const event = await trx.selectFrom('events').selectAll().where('id', '=', input.eventId).executeTakeFirst();
    if (!event) throw new NotFoundError('event');
    const state = registrationState(event, deps.now);
    if (state === 'cancelled') throw eventCancelled();
    if (state !== 'open') throw registrationClosed();
    const types = await trx.selectFrom('ticket_types').select(['id', 'quota', 'active', 'kind']).where('event_id', '=', event.id).execute();
    const type = types.find((t) => t.id === input.ticketTypeId && t.active === 1);
    if (!type) throw unknownTicketType();
    // Contributors have their free seat and invitations their code: the waiting list is for tickets anyone can buy.
    if (!OPEN_KINDS.includes(type.kind)) throw type.kind === 'contributor' ? notAContributor() : unknownTicketType();
    const seats = availability({ capacity: event.capacity, types, holdings: await loadHoldings(trx, event.id, deps.now), now: deps.now });
    if ((seats.perType.get(input.ticketTypeId) ?? 0) > 0) throw notSoldOut();
    const already = await trx
      .selectFrom('waitlist')
      .select('id')
      .where('event_id', '=', event.id)
      .where('email', '=', input.email)
      .where('status', 'in', ['waiting', 'offered'])
      .executeTakeFirst();
    if (already) throw alreadyRegistered();
    const { id } = await trx
      .insertInto('waitlist')
      .values({ event_id: event.id, ticket_type_id: input.ticketTypeId, name: input.name, email: input.email, user_id: input.userId, status: 'waiting', order_id: null, created_at: deps.now.toISOString(), updated_at: deps.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { actorUserId: input.userId, action: 'waitlist.joined', subjectType: 'event', subjectId: event.id, now: deps.now });
    return id;
  });
}

/**
 * Inside the event's lock: lets run-out reservations and offers go, then offers each free seat to
 * the next person waiting, as a reservation held for them for WAITLIST_OFFER_MINUTES.
 */
export async function releaseAndOffer(trx: Trx, eventId: number, now: Date): Promise<Offer[]> {
  const iso = now.toISOString();
  const expired = await trx
    .updateTable('orders')
    .set({ status: 'expired', updated_at: iso })
    .where('event_id', '=', eventId)
    .where('status', '=', 'reserved')
    .where('reserved_until', '<=', iso)
    .returning('id')
    .execute();
  if (expired.length) {
    await releaseCodeUses(trx, expired.map((e) => e.id));
    await trx.updateTable('waitlist').set({ status: 'expired', updated_at: iso }).where('order_id', 'in', expired.map((e) => e.id)).where('status', '=', 'offered').execute();
  }
  const event = await trx.selectFrom('events').select(['id', 'capacity', 'status', 'starts_at']).where('id', '=', eventId).executeTakeFirst();
  if (!event || event.status !== 'published' || event.starts_at <= iso) return [];
  const types = await trx.selectFrom('ticket_types').selectAll().where('event_id', '=', eventId).execute();
  const waiting = await trx.selectFrom('waitlist').selectAll().where('event_id', '=', eventId).where('status', '=', 'waiting').execute();
  const offers: Offer[] = [];
  const holdings = await loadHoldings(trx, eventId, now);
  for (;;) {
    const seats = availability({ capacity: event.capacity, types, holdings, now });
    const candidates = waiting.filter((w) => w.status === 'waiting' && (seats.perType.get(w.ticket_type_id) ?? 0) > 0);
    const next = nextInLine(candidates.map((w) => ({ ...w, createdAt: w.created_at, ticketTypeId: w.ticket_type_id })));
    if (!next) break;
    const type = types.find((t) => t.id === next.ticket_type_id)!;
    const publicId = randomBytes(12).toString('base64url');
    const reservedUntil = new Date(now.getTime() + WAITLIST_OFFER_MINUTES * 60_000).toISOString();
    const price = Number(type.price);
    const { id } = await trx
      .insertInto('orders')
      .values({
        public_id: publicId,
        event_id: eventId,
        ticket_type_id: type.id,
        user_id: next.user_id,
        contributor_id: null,
        name: next.name,
        email: next.email,
        quantity: 1,
        unit_price: price,
        total: price,
        invitation_code_id: null,
        status: 'reserved',
        provider: price === 0 ? 'free' : 'manual',
        provider_ref: null,
        provider_payment_ref: null,
        reserved_until: reservedUntil,
        refund_due: 0,
        idempotency_key: `waitlist:${next.id}:${iso}`,
        created_at: iso,
        updated_at: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('waitlist').set({ status: 'offered', order_id: id, updated_at: iso }).where('id', '=', next.id).execute();
    next.status = 'offered';
    const entry = waiting.find((w) => w.id === next.id);
    if (entry) entry.status = 'offered';
    holdings.push({ ticketTypeId: type.id, quantity: 1, status: 'reserved', reservedUntil });
    offers.push({ orderId: id, publicId, name: next.name, email: next.email, eventId, reservedUntil });
  }
  return offers;
}

/** Sweeps every event with run-out reservations (called on a timer and before showing seats). */
export async function sweepReservations(deps: { db: Db; dialect: Dialect; now: Date }): Promise<Offer[]> {
  const iso = deps.now.toISOString();
  const [expiring, withWaiting] = await Promise.all([
    deps.db.selectFrom('orders').select('event_id').distinct().where('status', '=', 'reserved').where('reserved_until', '<=', iso).execute(),
    deps.db.selectFrom('waitlist').select('event_id').distinct().where('status', '=', 'waiting').execute(),
  ]);
  const ids = [...new Set([...expiring, ...withWaiting].map((r) => r.event_id))];
  const offers: Offer[] = [];
  for (const eventId of ids) {
    offers.push(
      ...(await deps.db.transaction().execute(async (trx) => {
        await lockEventRow(trx, deps.dialect, eventId);
        return releaseAndOffer(trx, eventId, deps.now);
      })),
    );
  }
  return offers;
}

/** A free seat offered from the waiting list is taken by confirming it (paid ones go through payment). */
export async function confirmFreeOffer(deps: { db: Db; dialect: Dialect; now: Date }, orderId: number): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!order) throw new NotFoundError();
    await lockEventRow(trx, deps.dialect, order.event_id);
    const result = await trx
      .updateTable('orders')
      .set({ status: 'confirmed', reserved_until: null, updated_at: deps.now.toISOString() })
      .where('id', '=', orderId)
      .where('status', '=', 'reserved')
      .where('total', '=', 0)
      .where('reserved_until', '>', deps.now.toISOString())
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await issueTickets(trx, order, deps.now);
    await trx.updateTable('waitlist').set({ status: 'claimed', updated_at: deps.now.toISOString() }).where('order_id', '=', orderId).execute();
    return true;
  });
}
