/**
 * Reservations that ran out give their seats back, and freed seats go to the waiting list first:
 * each person waiting (first come, first served) is offered a seat, held for them for
 * WAITLIST_OFFER_MINUTES, by email.
 */
import { randomBytes } from 'node:crypto';
import { lockEventRow } from '../../../../db/locks.ts';
import { inTransaction, type CommandContext, type TxContext } from '../../../../shared/command.ts';
import { emit } from '../../../../outbox/index.ts';
import { audit } from '../../../audit/index.ts';
import { seatsLeft, WAITLIST_OFFER_MINUTES } from '../domain/capacity.ts';
import { manualPaymentDeadline, paymentReference } from '../domain/manual-payment.ts';
import { nextInLine } from '../domain/waitlist.ts';
import { sendOffer, sendReservationExpired } from '../effects.ts';
import { listEventsToSweep, listWaiting, getSeatCounters } from '../queries.ts';
import { releaseCodeUses, releaseSeats, takeSeats } from './seats.ts';

/** Frees an evening's run-out reservations and offers the seats to the waiting list; returns the offers made. */
/** A seat offered to someone on the waiting list (the email goes through the outbox). */
export interface Offer {
  orderId: number;
  eventId: number;
  email: string;
}

/** `termDays`: how long a paid offer through the manual provider (a transfer) holds its seat. */
export interface SweepInput {
  provider: string;
  termDays?: number;
}

export async function releaseExpiredReservations(ctx: CommandContext, input: SweepInput & { eventId: number }): Promise<Offer[]> {
  return inTransaction(ctx, async (tx) => {
    await lockEventRow(tx.db, input.eventId);
    const iso = tx.now.toISOString();
    const expired = await tx.db
      .updateTable('orders')
      .set({ status: 'expired', updated_at: iso })
      .where('event_id', '=', input.eventId)
      .where('status', '=', 'reserved')
      .where('reserved_until', '<=', iso)
      .returning(['id', 'ticket_type_id', 'quantity', 'invitation_code_id', 'provider', 'total'])
      .execute();
    for (const order of expired) await releaseSeats(tx, { eventId: input.eventId, ticketTypeId: order.ticket_type_id, quantity: order.quantity });
    if (expired.length) {
      await releaseCodeUses(tx, { orders: expired });
      await tx.db.updateTable('waitlist').set({ status: 'expired', updated_at: iso }).where('order_id', 'in', expired.map((e) => e.id)).where('status', '=', 'offered').execute();
      await audit(tx, { action: 'orders.expired', subjectType: 'event', subjectId: input.eventId, data: { orders: expired.length } });
      // A transfer that never came, before the evening: the buyer is told, with a link to order
      // again (after the start, a door order left unpaid is a no-show: nothing to say).
      const event = await tx.db.selectFrom('events').select('starts_at').where('id', '=', input.eventId).executeTakeFirst();
      if (event && event.starts_at > iso) {
        for (const order of expired) if (order.provider === 'manual' && Number(order.total) > 0) await emit(tx, sendReservationExpired, { orderId: order.id }, { key: order.id });
      }
    }
    return offerFreedSeats(tx, input);
  });
}

/** Inside the evening's lock: offers each free seat to the next person waiting for its type. */
export async function offerFreedSeats(ctx: TxContext, input: SweepInput & { eventId: number }): Promise<Offer[]> {
  const counters = await getSeatCounters(ctx.db, { eventId: input.eventId });
  const iso = ctx.now.toISOString();
  if (!counters || counters.status !== 'published' || counters.starts_at <= iso) return [];
  const waiting = await listWaiting(ctx.db, { eventId: input.eventId });
  const offers: Offer[] = [];
  // Each person waiting is considered once: offered a seat, or passed over when their type has none.
  const considered = new Set<number>();
  for (;;) {
    const next = nextInLine(waiting.filter((w) => !considered.has(w.id)).map((w) => ({ ...w, createdAt: w.created_at, ticketTypeId: w.ticket_type_id })));
    if (!next) break;
    considered.add(next.id);
    const type = counters.types.find((t) => t.id === next.ticket_type_id);
    // No seat for this type (its quota, or the evening, is full): the next person may wait for another type.
    if (!type || seatsLeft({ capacity: counters.capacity, seatsHeld: counters.seats_held }, type) < 1) continue;
    if (!(await takeSeats(ctx, { eventId: input.eventId, ticketTypeId: type.id, quantity: 1, typeHasQuota: type.quota !== null }))) continue;
    counters.seats_held += 1;
    type.held += 1;
    const publicId = randomBytes(12).toString('base64url');
    const price = Number(type.price);
    // A paid seat by transfer needs the days a transfer takes; a free or online one, two hours to answer.
    const byTransfer = price > 0 && input.provider === 'manual';
    const reservedUntil = (
      byTransfer
        ? manualPaymentDeadline({ now: ctx.now, startsAt: counters.starts_at, endsAt: counters.starts_at, termDays: input.termDays ?? 7, choice: 'online' })
        : new Date(ctx.now.getTime() + WAITLIST_OFFER_MINUTES * 60_000)
    ).toISOString();
    const { id } = await ctx.db
      .insertInto('orders')
      .values({
        public_id: publicId,
        event_id: input.eventId,
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
        provider: price === 0 ? 'free' : input.provider,
        payment_reference: price === 0 ? null : paymentReference(randomBytes(8)),
        provider_ref: null,
        provider_payment_ref: null,
        reserved_until: reservedUntil,
        refund_due: 0,
        lang: next.lang,
        idempotency_key: `waitlist:${next.id}:${iso}`,
        created_at: iso,
        updated_at: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('waitlist').set({ status: 'offered', order_id: id, updated_at: iso }).where('id', '=', next.id).execute();
    await emit(ctx, sendOffer, { orderId: id }, { key: id });
    offers.push({ orderId: id, eventId: input.eventId, email: next.email });
  }
  if (offers.length) await audit(ctx, { action: 'waitlist.offered', subjectType: 'event', subjectId: input.eventId, data: { offers: offers.length } });
  return offers;
}

/**
 * Sweeps every evening with run-out reservations or people waiting (the plugin runs it every
 * minute on every instance; the evening's lock keeps two sweeps from doing the same work).
 */
export async function sweepReservations(ctx: CommandContext, input: SweepInput): Promise<Offer[]> {
  const offers: Offer[] = [];
  for (const eventId of await listEventsToSweep(ctx.db, { now: ctx.now })) offers.push(...(await releaseExpiredReservations(ctx, { ...input, eventId })));
  return offers;
}
