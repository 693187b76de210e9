import { randomBytes } from 'node:crypto';
import type { Db, Dialect, Trx } from '../../../db/database.ts';
import { lockEventRow } from '../../../db/locks.ts';
import type { OrderStatus } from '../../../db/schema.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';
import { getStandingOfUser } from '../../contributors/index.ts';
import { availability, holdsSeats, RESERVATION_MINUTES, registrationState, unitPrice, type Holding } from '../domain/capacity.ts';
import {
  alreadyRegistered,
  belowMinimum,
  codeExpired,
  codeInvalid,
  codeUsedUp,
  eventCancelled,
  notAContributor,
  registrationClosed,
  registrationNotYet,
  soldOut,
  tooMany,
  unknownTicketType,
} from '../errors.ts';
import { shortCode } from '../tickets/index.ts';

export interface OrderInput {
  eventId: number;
  ticketTypeId: number;
  quantity: number;
  name: string;
  email: string;
  userId: number | null;
  /** For pay-what-you-want, in cents. */
  offered: number | null;
  invitationCode: string | null;
  /** The form's one-time key: a double click or a retry returns the same order. */
  idempotencyKey: string;
  /** Where payment happens when there is something to pay. */
  provider: string;
}

export interface PlacedOrder {
  id: number;
  publicId: string;
  status: OrderStatus;
  total: number;
  created: boolean;
}

const HOLDING = ['reserved', 'confirmed', 'paid'] as const;

/**
 * The seats held on an event, per ticket type, summed by the database (inside the caller's lock):
 * confirmed and paid orders, and reservations whose time has not run out.
 */
export async function loadHoldings(trx: Trx | Db, eventId: number, now: Date) {
  const rows = await trx
    .selectFrom('orders')
    .select(['ticket_type_id', (eb) => eb.fn.sum<number>('quantity').as('quantity')])
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([eb('status', 'in', ['confirmed', 'paid']), eb.and([eb('status', '=', 'reserved'), eb('reserved_until', '>', now.toISOString())])]))
    .groupBy('ticket_type_id')
    .execute();
  return rows.map((r): Holding => ({ ticketTypeId: r.ticket_type_id, quantity: Number(r.quantity), status: 'confirmed', reservedUntil: null }));
}

export async function issueTickets(trx: Trx, order: { id: number; event_id: number; quantity: number }, now: Date): Promise<void> {
  const existing = await trx.selectFrom('tickets').select('id').where('order_id', '=', order.id).execute();
  for (let i = existing.length; i < order.quantity; i++) {
    // Short codes are random (≈ 40 bits): draw again in the rare case one is already taken.
    let code = shortCode();
    while (await trx.selectFrom('tickets').select('id').where('short_code', '=', code).executeTakeFirst()) code = shortCode();
    await trx.insertInto('tickets').values({ order_id: order.id, event_id: order.event_id, short_code: code, checked_in_at: null, checked_in_by: null, created_at: now.toISOString() }).execute();
  }
}

/**
 * Places an order. The availability check and the reservation happen in one transaction under
 * the event's lock, so however many requests and app instances race for the last seat, one wins.
 * Free orders are confirmed at once (tickets issued); paid ones hold their seats for
 * RESERVATION_MINUTES while payment happens.
 */
export async function orderTickets(
  deps: { db: Db; dialect: Dialect; now: Date },
  input: OrderInput,
  options: { lock?: boolean } = {},
): Promise<PlacedOrder> {
  const { now } = deps;
  const existing = await deps.db.selectFrom('orders').select(['id', 'public_id', 'status', 'total']).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
  if (existing) return { id: existing.id, publicId: existing.public_id, status: existing.status, total: Number(existing.total), created: false };
  const standing = input.userId !== null ? await getStandingOfUser(deps.db, input.userId, now) : null;
  const contributorId =
    standing?.isContributor && input.userId !== null
      ? ((await deps.db.selectFrom('users').select('contributor_id').where('id', '=', input.userId).executeTakeFirst())?.contributor_id ?? null)
      : null;

  const place = async (trx: Trx): Promise<PlacedOrder> => {
    // The control test runs without this line to show that the race then oversells.
    if (options.lock !== false) await lockEventRow(trx, deps.dialect, input.eventId);
    // Checked again under the lock: the same form sent twice at once makes one order.
    const again = await trx.selectFrom('orders').select(['id', 'public_id', 'status', 'total']).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (again) return { id: again.id, publicId: again.public_id, status: again.status, total: Number(again.total), created: false };
    const event = await trx.selectFrom('events').selectAll().where('id', '=', input.eventId).executeTakeFirst();
    if (!event) throw new NotFoundError('event');
    const state = registrationState(event, now);
    if (state === 'cancelled') throw eventCancelled();
    if (state === 'not_yet') throw registrationNotYet();
    if (state === 'closed') throw registrationClosed();

    const types = await trx.selectFrom('ticket_types').selectAll().where('event_id', '=', event.id).execute();
    const type = types.find((t) => t.id === input.ticketTypeId && t.active === 1);
    if (!type) throw unknownTicketType();
    if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > type.max_per_order) throw tooMany();
    // Contributors are checked against the registry at the moment of ordering.
    if (type.kind === 'contributor' && !standing?.isContributor) throw notAContributor();

    let codeId: number | null = null;
    let codePrice: number | null = null;
    if (type.kind === 'invitation' || input.invitationCode) {
      const code = input.invitationCode
        ? await trx.selectFrom('invitation_codes').selectAll().where('code', '=', input.invitationCode.trim().toUpperCase()).where('event_id', '=', event.id).executeTakeFirst()
        : undefined;
      if (!code) throw codeInvalid();
      if (code.expires_at && code.expires_at <= now.toISOString()) throw codeExpired();
      // Uses are counted from the orders that still hold their seats, so a reservation that ran out gives its use back at once.
      const users = await trx.selectFrom('orders').select(['quantity', 'status', 'reserved_until']).where('invitation_code_id', '=', code.id).where('status', 'in', [...HOLDING]).execute();
      const used = users.filter((u) => holdsSeats({ status: u.status, reservedUntil: u.reserved_until }, now)).reduce((sum, u) => sum + u.quantity, 0);
      if (used + input.quantity > code.max_uses) throw codeUsedUp();
      codeId = code.id;
      codePrice = Number(code.price);
    }

    // Seats held per type, summed by the database: one small row per type, however many orders.
    const holdings = await loadHoldings(trx, event.id, now);
    // One ticket per person per event, unless the type allows more: by email, and by account.
    const mine = await trx
      .selectFrom('orders')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('n'))
      .where('event_id', '=', event.id)
      .where((eb) => eb.or([eb('email', '=', input.email), ...(input.userId !== null ? [eb('user_id', '=', input.userId)] : [])]))
      .where((eb) => eb.or([eb('status', 'in', ['confirmed', 'paid']), eb.and([eb('status', '=', 'reserved'), eb('reserved_until', '>', now.toISOString())])]))
      .executeTakeFirstOrThrow();
    if (Number(mine.n) + input.quantity > type.max_per_order) throw alreadyRegistered();

    const price = unitPrice({ kind: type.kind, price: Number(type.price) }, { codePrice, offered: input.offered });
    if (price === 'below_minimum') throw belowMinimum();
    const seats = availability({ capacity: event.capacity, types: types.map((t) => ({ id: t.id, quota: t.quota })), holdings, now });
    if ((seats.perType.get(type.id) ?? 0) < input.quantity) throw soldOut();

    const total = price * input.quantity;
    const status: OrderStatus = total === 0 ? 'confirmed' : 'reserved';
    const publicId = randomBytes(12).toString('base64url');
    const { id } = await trx
      .insertInto('orders')
      .values({
        public_id: publicId,
        event_id: event.id,
        ticket_type_id: type.id,
        user_id: input.userId,
        contributor_id: type.kind === 'contributor' ? contributorId : null,
        name: input.name,
        email: input.email,
        quantity: input.quantity,
        unit_price: price,
        total,
        invitation_code_id: codeId,
        status,
        provider: total === 0 ? 'free' : input.provider,
        provider_ref: null,
        provider_payment_ref: null,
        reserved_until: status === 'reserved' ? new Date(now.getTime() + RESERVATION_MINUTES * 60_000).toISOString() : null,
        refund_due: 0,
        idempotency_key: input.idempotencyKey,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (codeId !== null) await trx.updateTable('invitation_codes').set((eb) => ({ uses: eb('uses', '+', input.quantity) })).where('id', '=', codeId).execute();
    if (status === 'confirmed') await issueTickets(trx, { id, event_id: event.id, quantity: input.quantity }, now);
    await recordEvent(trx, { actorUserId: input.userId, action: `order.${status}`, subjectType: 'order', subjectId: id, data: { eventId: event.id, quantity: input.quantity, total }, now });
    return { id, publicId, status, total, created: true };
  };

  if (options.lock === false) {
    // Control only: check and write in separate transactions, as a naive implementation would.
    return place(deps.db as unknown as Trx);
  }
  return deps.db.transaction().execute(place);
}

/** Remembers the payment provider's checkout reference, so its webhook finds the order. */
export async function setCheckoutRef(db: Db, orderId: number, ref: string): Promise<void> {
  await db.updateTable('orders').set({ provider_ref: ref }).where('id', '=', orderId).execute();
}
