/**
 * Placing an order. The whole use case: check the evening and the ticket, take the seats, write
 * the order (and its tickets when it is free), record it, and emit the email — the tickets with
 * their QR codes, or the reservation to pay — into the outbox, in one short transaction.
 *
 * Speed without giving up exactness (docs/decisions/007-ticketing.md, 011):
 * - a refusal for lack of seats reads two counters and takes no lock, so it never waits behind
 *   buyers;
 * - seats are taken by guarded updates of the counters (commands/seats.ts), the last statements
 *   before the commit, so the evening's row is locked only for the time of the commit;
 * - one person's two simultaneous orders are serialised on PostgreSQL by an advisory lock on
 *   (evening, email), which no one else waits for.
 */
import { randomBytes } from 'node:crypto';
import { lockPerson } from '../../../../db/locks.ts';
import { inTransaction, type CommandContext, type TxContext } from '../../../../shared/command.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import type { Lang } from '../../../../shared/i18n/index.ts';
import { emit } from '../../../../outbox/index.ts';
import { audit } from '../../../audit/index.ts';
import { getAccount } from '../../../accounts/index.ts';
import { getStandingOfUser } from '../../../contributors/index.ts';
import { RESERVATION_MINUTES, registrationState, seatsLeft, unitPrice } from '../domain/capacity.ts';
import type { OrderStatus } from '../domain/order.ts';
import { manualPaymentDeadline, paymentReference, paymentReminderAt, type PaymentChoice } from '../domain/manual-payment.ts';
import { sendAlreadyRegistered, sendPaymentReminder, sendReservation, sendTickets } from '../effects.ts';
import {
  alreadyRegistered,
  belowMinimum,
  codeExpired,
  codeInvalid,
  codeUsedUp,
  doorNotAllowed,
  eventCancelled,
  notAContributor,
  registrationClosed,
  registrationNotYet,
  soldOut,
  tooMany,
  unknownTicketType,
} from '../errors.ts';
import { countPersonSeats, findInvitationCode, findOrderByKey, getOrderingContext, hasExpiredReservations } from '../queries.ts';
import { issueTickets } from './issue-tickets.ts';
import { releaseExpiredReservations } from './release-reservations.ts';
import { takeCodeUses, takeSeats } from './seats.ts';

export interface OrderInput {
  eventId: number;
  ticketTypeId: number;
  quantity: number;
  name: string;
  email: string;
  /** For pay-what-you-want, in cents. */
  offered: number | null;
  invitationCode: string | null;
  /** The form's one-time key: a double click or a retry returns the same order. */
  idempotencyKey: string;
  /** Where payment happens when there is something to pay ('manual' or 'stripe'). */
  provider: string;
  /** The buyer's choice when the evening lets them pay at the door ('online': through `provider`). */
  payment?: PaymentChoice;
  /** How many days a manual (transfer) order holds its seats, never past the evening's start. */
  termDays?: number;
  /** The buyer's language, for the emails. */
  lang: Lang;
}

export interface PlacedOrder {
  kind: 'placed';
  id: number;
  publicId: string;
  status: OrderStatus;
  /** Where it is paid: 'free', 'manual' (transfer), 'door' or 'stripe'. */
  provider: string;
  total: number;
  reservedUntil: string | null;
  created: boolean;
}

/**
 * An anonymous request for free seats by an address that already holds its share: nothing is
 * placed, and the address's owner is told by email (with the link to their order). The person
 * who sent the form is answered exactly as for a new free order ("your tickets are in your
 * inbox"), so the form never tells a stranger who is registered (docs/decisions/005-security.md).
 */
export interface ToldByEmail {
  kind: 'told_by_email';
}

export type OrderOutcome = PlacedOrder | ToldByEmail;

/**
 * Places an order for the context's actor (or an anonymous buyer). Free orders are confirmed at
 * once (tickets issued and emailed); paid ones hold their seats for RESERVATION_MINUTES while
 * payment happens. However many requests and instances race for the last seat, one gets it.
 *
 * One person's share (the type's `max_per_order`, over all their orders for the evening): a
 * logged-in buyer's is counted on their account (its orders, and those placed with its email),
 * and an over-share is refused ("already registered": their own business). An anonymous buyer's
 * free seats are counted on the address they give, and an over-share is answered by email (see
 * ToldByEmail). An anonymous paid order is a purchase: limited per order only — answering it
 * "already registered" would tell anyone whether an address holds a ticket.
 */
export async function orderTickets(ctx: CommandContext, input: OrderInput): Promise<OrderOutcome> {
  const { event, type } = await getOrderingContext(ctx.db, { eventId: input.eventId, ticketTypeId: input.ticketTypeId });
  if (!event) throw new NotFoundError('event');
  const state = registrationState(event, ctx.now);
  if (state === 'cancelled') throw eventCancelled();
  if (state === 'not_yet') throw registrationNotYet();
  if (state === 'closed') throw registrationClosed();
  if (!type || type.active !== 1) throw unknownTicketType();
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > type.max_per_order) throw tooMany();
  // (A form sent twice is recognised by its key where it matters: on a refusal, and at the insert.)
  // Contributors are checked against the registry at the moment of ordering.
  const standing = ctx.actor ? await getStandingOfUser(ctx.db, ctx.actor.id, ctx.now) : null;
  if (type.kind === 'contributor' && !standing?.isContributor) throw notAContributor();
  // Sold out by the counters, and no run-out reservation to give back: refused at once, no lock
  // taken. (The counters are read again after that check: they may predate a release another
  // buyer just made.)
  const wanted = { eventId: event.id, ticketTypeId: type.id, quantity: input.quantity };
  if (seatsLeft({ capacity: event.capacity, seatsHeld: event.seats_held }, type) < input.quantity && !(await hasExpiredReservations(ctx.db, { eventId: event.id, now: ctx.now }))) {
    if (!(await seatsRemain(ctx, wanted))) {
      // A double click on the last seat: the first click got it, the second finds its order.
      const earlier = await findOrderByKey(ctx.db, input.idempotencyKey);
      if (earlier) return placed(earlier, false);
      throw soldOut();
    }
  }

  // Whose share the order counts against: the account, or the address an anonymous buyer gave.
  const accountEmail = ctx.actor ? ((await getAccount(ctx.db, ctx.actor.id))?.email ?? null) : null;
  const attempt = (tx: TxContext) => place(tx, input, { event, type, accountEmail, contributorId: standing?.isContributor ? (ctx.actor?.contributorId ?? null) : null });
  try {
    return await inTransaction(ctx, attempt);
  } catch (error) {
    if (error instanceof AlreadyPlaced) return placed(error.order, false);
    if (error instanceof OverShare) return tellByEmail(ctx, input);
    if (!(error instanceof SeatsTaken)) throw error;
    // Out of seats while run-out reservations still count: give them back (and offer them to the
    // waiting list first), then try once more. Without any, try again only if another buyer's
    // release freed seats meanwhile.
    if (await hasExpiredReservations(ctx.db, { eventId: event.id, now: ctx.now })) await releaseExpiredReservations(ctx, { eventId: event.id, provider: input.provider, termDays: input.termDays });
    else if (error.what === 'seats' && !(await seatsRemain(ctx, wanted))) throw refusal(error);
    try {
      return await inTransaction(ctx, attempt);
    } catch (again) {
      if (again instanceof AlreadyPlaced) return placed(again.order, false);
      if (again instanceof OverShare) return tellByEmail(ctx, input);
      throw again instanceof SeatsTaken ? refusal(again) : again;
    }
  }
}

/** Thrown inside the transaction when a guarded update finds no seat (or no code use): rolls everything back. */
class SeatsTaken extends Error {
  constructor(readonly what: 'seats' | 'code' = 'seats') {
    super(`no ${what} left`);
  }
}

/** Whether the counters, read now, still show the seats wanted. */
async function seatsRemain(ctx: CommandContext, input: { eventId: number; ticketTypeId: number; quantity: number }): Promise<boolean> {
  const { event, type } = await getOrderingContext(ctx.db, input);
  return event !== undefined && type !== undefined && seatsLeft({ capacity: event.capacity, seatsHeld: event.seats_held }, type) >= input.quantity;
}

const refusal = (taken: SeatsTaken) => (taken.what === 'code' ? codeUsedUp() : soldOut());

/** Thrown inside the transaction when the same form was placed meanwhile: rolls back what this attempt took. */
class AlreadyPlaced extends Error {
  constructor(readonly order: Parameters<typeof placed>[0]) {
    super('already placed');
  }
}

/** Thrown inside the transaction when an anonymous buyer's address already holds its share of free seats. */
class OverShare extends Error {
  constructor() {
    super('over share');
  }
}

/** The address's owner learns, by email, that they already hold their seats (and where). */
async function tellByEmail(ctx: CommandContext, input: OrderInput): Promise<ToldByEmail> {
  await inTransaction(ctx, async (tx) => {
    // One email per form (a double click tells once), sent in the language of the form.
    await emit(tx, sendAlreadyRegistered, { eventId: input.eventId, email: input.email, lang: input.lang }, { key: input.idempotencyKey });
  });
  return { kind: 'told_by_email' };
}

type OrderingContext = Awaited<ReturnType<typeof getOrderingContext>>;

async function place(
  tx: TxContext,
  input: OrderInput,
  known: { event: NonNullable<OrderingContext['event']>; type: NonNullable<OrderingContext['type']>; accountEmail: string | null; contributorId: number | null },
): Promise<PlacedOrder> {
  const { event, type } = known;
  const now = tx.now.toISOString();
  // One person's simultaneous orders one after the other (no one else waits on this lock): the
  // address their share is counted on.
  await lockPerson(tx.db, `order:${event.id}:${tx.actor === null ? input.email : (known.accountEmail ?? `user:${tx.actor.id}`)}`);

  let codeId: number | null = null;
  let codePrice: number | null = null;
  if (type.kind === 'invitation' || input.invitationCode) {
    const code = input.invitationCode ? await findInvitationCode(tx.db, { eventId: event.id, code: input.invitationCode.trim().toUpperCase() }) : undefined;
    if (!code) throw codeInvalid();
    if (code.expires_at && code.expires_at <= now) throw codeExpired();
    // A use held by a reservation that ran out comes back when it is released: like seats, retried once.
    if (!(await takeCodeUses(tx, { codeId: code.id, quantity: input.quantity }))) throw new SeatsTaken('code');
    codeId = code.id;
    codePrice = Number(code.price);
  }

  const price = unitPrice({ kind: type.kind, price: Number(type.price) }, { codePrice, offered: input.offered });
  if (price === 'below_minimum') throw belowMinimum();
  const total = price * input.quantity;

  // One person's share of the evening (see orderTickets): by account, or by address for free seats.
  const anonymous = tx.actor === null;
  if (!anonymous || total === 0) {
    const mine = await countPersonSeats(tx.db, { eventId: event.id, email: anonymous ? input.email : known.accountEmail, userId: tx.actor?.id ?? null, now: tx.now });
    if (mine + input.quantity > type.max_per_order) {
      // The same form sent again (a double click, a retry): the first order is the answer, not a refusal.
      const earlier = await findOrderByKey(tx.db, input.idempotencyKey);
      if (earlier) throw new AlreadyPlaced(earlier);
      throw anonymous ? new OverShare() : alreadyRegistered();
    }
  }

  const status: OrderStatus = total === 0 ? 'confirmed' : 'reserved';
  // Paying at the door is the buyer's choice only where the organisers allow it.
  const choice: PaymentChoice = input.payment ?? 'online';
  if (status === 'reserved' && choice === 'door' && !event.pay_at_door) throw doorNotAllowed();
  const provider = total === 0 ? 'free' : choice === 'door' ? 'door' : input.provider;
  // A transfer takes days (the term, never past the start); at the door, until the evening ends;
  // an online checkout, minutes.
  const holdUntil =
    provider === 'manual' || provider === 'door'
      ? manualPaymentDeadline({ now: tx.now, startsAt: event.starts_at, endsAt: event.ends_at, termDays: input.termDays ?? 7, choice })
      : new Date(tx.now.getTime() + RESERVATION_MINUTES * 60_000);
  const reservedUntil = status === 'reserved' ? holdUntil.toISOString() : null;
  const publicId = randomBytes(12).toString('base64url');
  const inserted = await tx.db
    .insertInto('orders')
    .values({
      public_id: publicId,
      event_id: event.id,
      ticket_type_id: type.id,
      user_id: tx.actor?.id ?? null,
      contributor_id: type.kind === 'contributor' ? known.contributorId : null,
      name: input.name,
      email: input.email,
      quantity: input.quantity,
      unit_price: price,
      total,
      invitation_code_id: codeId,
      status,
      provider,
      payment_reference: total === 0 ? null : paymentReference(randomBytes(8)),
      provider_ref: null,
      provider_payment_ref: null,
      reserved_until: reservedUntil,
      refund_due: 0,
      lang: input.lang,
      idempotency_key: input.idempotencyKey,
      created_at: now,
      updated_at: now,
    })
    // The same form sent twice at once: the second waits for the first and finds its order.
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const first = await findOrderByKey(tx.db, input.idempotencyKey);
    if (!first) throw new NotFoundError('order');
    throw new AlreadyPlaced(first);
  }
  const id = inserted.id;
  if (status === 'confirmed') await issueTickets(tx, { orderId: id, eventId: event.id, quantity: input.quantity, newOrder: true });
  await audit(tx, { action: `order.${status}`, subjectType: 'order', subjectId: id, data: { eventId: event.id, quantity: input.quantity, total } });
  if (status === 'confirmed') await emit(tx, sendTickets, { orderId: id }, { key: id });
  else {
    await emit(tx, sendReservation, { orderId: id }, { key: id });
    // A transfer not made yet: a reminder before the term ends (the handler says nothing once paid).
    const remindAt = provider === 'manual' ? paymentReminderAt({ now: tx.now, until: holdUntil }) : null;
    if (remindAt) await emit(tx, sendPaymentReminder, { orderId: id }, { key: id, notBefore: remindAt });
  }
  // Last, so the evening's row is held only until the commit that follows.
  if (!(await takeSeats(tx, { eventId: event.id, ticketTypeId: type.id, quantity: input.quantity, typeHasQuota: type.quota !== null }))) throw new SeatsTaken();
  return { kind: 'placed', id, publicId, status, provider, total, reservedUntil, created: true };
}

function placed(order: { id: number; public_id: string; status: OrderStatus; provider: string; total: number; reserved_until: string | null }, created: boolean): PlacedOrder {
  return { kind: 'placed', id: order.id, publicId: order.public_id, status: order.status, provider: order.provider, total: Number(order.total), reservedUntil: order.reserved_until, created };
}
