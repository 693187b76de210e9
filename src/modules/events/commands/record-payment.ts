import type { Db, Dialect, Trx } from '../../../db/database.ts';
import { lockEventRow } from '../../../db/locks.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';
import { credit, debit, postTransaction } from '../../ledger/index.ts';
import { availability } from '../domain/capacity.ts';
import { issueTickets, loadHoldings } from './order-tickets.ts';
import { releaseCodeUses } from './waitlist.ts';

export interface PaymentInput {
  /** Our order id (manual) or the provider's checkout reference (Stripe session id). */
  orderId?: number;
  providerRef?: string;
  provider: 'manual' | 'stripe';
  /** Unique per payment notification: a replayed webhook carries the same id and books nothing. */
  providerEventId: string;
  providerPaymentRef?: string | null;
  amount: number;
  fee: number;
  actorUserId: number | null;
}

export type PaymentOutcome = { kind: 'paid'; orderId: number } | { kind: 'duplicate'; orderId: number } | { kind: 'refund_needed'; orderId: number; amount: number };

/** The ledger entries of a received payment: the money in, and the provider's fee out. */
export function paymentLines(input: { provider: string; amount: number; fee: number; eventId: number }) {
  const account = input.provider === 'stripe' ? 'assets:payment_provider' : 'assets:bank';
  const lines = [debit(account, input.amount, input.eventId), credit('income:tickets', input.amount, input.eventId)];
  if (input.fee > 0) lines.push(debit('expenses:payment_fees', input.fee, input.eventId), credit('assets:payment_provider', input.fee, input.eventId));
  return lines;
}

/**
 * Records a payment for an order, once. It books the money in the ledger, marks the order paid and
 * issues the tickets. A payment that arrives after the reservation ran out still gets its seats if
 * any are free; if not, the order is cancelled and the amount marked for refund — never oversold.
 */
export async function recordPayment(deps: { db: Db; dialect: Dialect; now: Date }, input: PaymentInput): Promise<PaymentOutcome> {
  const { now } = deps;
  const find = (trx: Trx | Db) => {
    let q = trx.selectFrom('orders').selectAll();
    q = input.orderId !== undefined ? q.where('id', '=', input.orderId) : q.where('provider_ref', '=', input.providerRef ?? '');
    return q.executeTakeFirst();
  };
  const first = await find(deps.db);
  if (!first) throw new NotFoundError('order');
  return deps.db.transaction().execute(async (trx) => {
    await lockEventRow(trx, deps.dialect, first.event_id);
    const order = (await find(trx))!;
    // A second notification for an order already paid (another event id for the same session) books nothing.
    if (order.status === 'paid') return { kind: 'duplicate', orderId: order.id } as const;
    const inserted = await trx
      .insertInto('payments')
      .values({ order_id: order.id, provider: input.provider, provider_event_id: input.providerEventId, kind: 'payment', amount: input.amount, fee: input.fee, transaction_id: null, created_at: now.toISOString() })
      .onConflict((oc) => oc.column('provider_event_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { kind: 'duplicate', orderId: order.id } as const;

    let seatsOk = order.status === 'reserved' && (order.reserved_until ?? '') > now.toISOString();
    if (!seatsOk && (order.status === 'reserved' || order.status === 'expired')) {
      const event = await trx.selectFrom('events').select('capacity').where('id', '=', order.event_id).executeTakeFirstOrThrow();
      const types = await trx.selectFrom('ticket_types').select(['id', 'quota']).where('event_id', '=', order.event_id).execute();
      const seats = availability({ capacity: event.capacity, types, holdings: await loadHoldings(trx, order.event_id, now), now });
      seatsOk = (seats.perType.get(order.ticket_type_id) ?? 0) >= order.quantity;
    }
    const { id: transactionId } = await postTransaction(
      trx,
      {
        date: now.toISOString(),
        description: `Billet(s) — commande ${order.public_id}`,
        causeType: 'order',
        causeId: order.id,
        idempotencyKey: `payment:${input.providerEventId}`,
        lines: paymentLines({ provider: input.provider, amount: input.amount, fee: input.fee, eventId: order.event_id }),
      },
      { actorUserId: input.actorUserId, now },
    );
    await trx.updateTable('payments').set({ transaction_id: transactionId }).where('id', '=', inserted.id).execute();
    if (!seatsOk) {
      await trx.updateTable('orders').set({ status: 'cancelled', refund_due: input.amount, provider_payment_ref: input.providerPaymentRef ?? null, updated_at: now.toISOString() }).where('id', '=', order.id).execute();
      if (order.status === 'reserved') await releaseCodeUses(trx, [order.id]);
      await recordEvent(trx, { actorUserId: input.actorUserId, action: 'order.paid_too_late', subjectType: 'order', subjectId: order.id, now });
      return { kind: 'refund_needed', orderId: order.id, amount: input.amount } as const;
    }
    await trx
      .updateTable('orders')
      .set({ status: 'paid', reserved_until: null, provider_payment_ref: input.providerPaymentRef ?? null, updated_at: now.toISOString() })
      .where('id', '=', order.id)
      .execute();
    await issueTickets(trx, order, now);
    await trx.updateTable('waitlist').set({ status: 'claimed', updated_at: now.toISOString() }).where('order_id', '=', order.id).execute();
    await recordEvent(trx, { actorUserId: input.actorUserId, action: 'order.paid', subjectType: 'order', subjectId: order.id, data: { provider: input.provider, amount: input.amount }, now });
    return { kind: 'paid', orderId: order.id } as const;
  });
}
