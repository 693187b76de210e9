import type { Db, Dialect } from '../../../db/database.ts';
import { lockEventRow } from '../../../db/locks.ts';
import type { Actor } from '../../../shared/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';
import { credit, debit, postTransaction } from '../../ledger/index.ts';
import { selfCancellation } from '../domain/refund-policy.ts';
import { cancellationClosed, orderNotCancellable } from '../errors.ts';
import type { PaymentProvider } from '../payments/provider.ts';
import { releaseAndOffer, releaseCodeUses, type Offer } from './waitlist.ts';

type Deps = { db: Db; dialect: Dialect; now: Date; providers: Record<string, PaymentProvider> };

/** Books money given back: the reverse of the payment (income down, the account it came from down). */
async function bookRefund(deps: Deps, order: { id: number; event_id: number; provider: string; public_id: string }, amount: number, actorUserId: number | null) {
  const account = order.provider === 'stripe' ? 'assets:payment_provider' : 'assets:bank';
  await deps.db.transaction().execute(async (trx) => {
    const { id } = await postTransaction(
      trx,
      {
        date: deps.now.toISOString(),
        description: `Remboursement — commande ${order.public_id}`,
        causeType: 'refund',
        causeId: order.id,
        idempotencyKey: `refund:${order.id}`,
        lines: [debit('income:tickets', amount, order.event_id), credit(account, amount, order.event_id)],
      },
      { actorUserId, now: deps.now },
    );
    await trx
      .insertInto('payments')
      .values({ order_id: order.id, provider: order.provider, provider_event_id: `refund:${order.id}`, kind: 'refund', amount: -amount, fee: 0, transaction_id: id, created_at: deps.now.toISOString() })
      .onConflict((oc) => oc.column('provider_event_id').doNothing())
      .execute();
    await trx.updateTable('orders').set({ status: 'refunded', refund_due: 0, updated_at: deps.now.toISOString() }).where('id', '=', order.id).execute();
  });
}

/** Paid through a provider that can refund: refund now; otherwise leave it listed for an organiser. */
async function refundOrList(deps: Deps, order: { id: number; event_id: number; provider: string; public_id: string; provider_payment_ref: string | null }, amount: number, actorUserId: number | null) {
  if (amount <= 0) return 'none' as const;
  const provider = deps.providers[order.provider];
  const outcome = provider ? await provider.refund({ paymentRef: order.provider_payment_ref, amount }) : 'manual';
  if (outcome === 'refunded') await bookRefund(deps, order, amount, actorUserId);
  return outcome;
}

/**
 * An attendee cancels from the link in their email, until the event's deadline. Seats return to
 * the pool (and to the waiting list); money is refunded by the event's policy.
 */
export async function cancelOwnOrder(deps: Deps, orderId: number): Promise<{ refund: number; outcome: 'refunded' | 'manual' | 'none'; offers: Offer[] }> {
  const { order, refund, offers } = await deps.db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
    if (!order) throw new NotFoundError();
    await lockEventRow(trx, deps.dialect, order.event_id);
    const current = (await trx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst())!;
    if (!['reserved', 'confirmed', 'paid'].includes(current.status)) throw orderNotCancellable();
    const event = await trx.selectFrom('events').select(['starts_at', 'cancellation_deadline_hours', 'refund_policy']).where('id', '=', current.event_id).executeTakeFirstOrThrow();
    const paid = current.status === 'paid' ? Number(current.total) : 0;
    const rule = selfCancellation({ policy: event.refund_policy, paid, startsAt: event.starts_at, deadlineHours: event.cancellation_deadline_hours, now: deps.now });
    if (!rule.allowed) throw cancellationClosed();
    await trx.updateTable('orders').set({ status: 'cancelled', refund_due: rule.refund, updated_at: deps.now.toISOString() }).where('id', '=', orderId).execute();
    await releaseCodeUses(trx, [orderId]);
    await trx.updateTable('waitlist').set({ status: 'removed', updated_at: deps.now.toISOString() }).where('order_id', '=', orderId).execute();
    await recordEvent(trx, { actorUserId: current.user_id, action: 'order.cancelled_by_attendee', subjectType: 'order', subjectId: orderId, data: { refund: rule.refund }, now: deps.now });
    const offers = await releaseAndOffer(trx, current.event_id, deps.now);
    return { order: current, refund: rule.refund, offers };
  });
  const outcome = await refundOrList(deps, order, refund, order.user_id);
  return { refund, outcome, offers };
}

/** An organiser records that a listed refund was made by hand (bank transfer, cash). */
export async function markRefunded(deps: Deps & { actor: Actor }, orderId: number): Promise<void> {
  const order = await deps.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!order) throw new NotFoundError();
  if (order.status !== 'cancelled' || Number(order.refund_due) <= 0) throw orderNotCancellable();
  await bookRefund(deps, order, Number(order.refund_due), deps.actor.id);
}

/**
 * Cancels an event in one action: the event is marked cancelled, every holding order is cancelled
 * and every paid one refunded in full (through its provider, or listed for manual refund), with
 * the ledger entries. Returns the attendees to notify.
 */
export async function cancelEvent(deps: Deps & { actor: Actor }, eventId: number) {
  const orders = await deps.db.transaction().execute(async (trx) => {
    await lockEventRow(trx, deps.dialect, eventId);
    const event = await trx.selectFrom('events').select(['id', 'status']).where('id', '=', eventId).executeTakeFirst();
    if (!event) throw new NotFoundError();
    await trx.updateTable('events').set({ status: 'cancelled', updated_at: deps.now.toISOString() }).where('id', '=', eventId).execute();
    const holding = await trx.selectFrom('orders').selectAll().where('event_id', '=', eventId).where('status', 'in', ['reserved', 'confirmed', 'paid']).execute();
    for (const o of holding) {
      await trx
        .updateTable('orders')
        .set({ status: 'cancelled', refund_due: o.status === 'paid' ? Number(o.total) : 0, updated_at: deps.now.toISOString() })
        .where('id', '=', o.id)
        .execute();
    }
    await trx.updateTable('waitlist').set({ status: 'removed', updated_at: deps.now.toISOString() }).where('event_id', '=', eventId).where('status', 'in', ['waiting', 'offered']).execute();
    await recordEvent(trx, { actorUserId: deps.actor.id, action: 'event.cancelled', subjectType: 'event', subjectId: eventId, data: { orders: holding.length }, now: deps.now });
    return holding;
  });
  const results: { orderId: number; email: string; name: string; publicId: string; refund: number; outcome: 'refunded' | 'manual' | 'none' }[] = [];
  for (const o of orders) {
    const refund = o.status === 'paid' ? Number(o.total) : 0;
    const outcome = await refundOrList(deps, o, refund, deps.actor.id);
    results.push({ orderId: o.id, email: o.email, name: o.name, publicId: o.public_id, refund, outcome });
  }
  return results;
}
