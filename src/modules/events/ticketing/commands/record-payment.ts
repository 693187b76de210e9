/**
 * A payment for an order arrives (an organiser saw the transfer, or Stripe's webhook says so).
 * The whole use case, once per payment notification: book the money (the ledger decides where,
 * closed evening or not), and either confirm the seats — tickets issued and emailed — or, when the
 * payment came too late for any seat, cancel the order and have the money given back (a refund
 * through the provider is an outbox effect, retried until it succeeds or an organiser takes over).
 */
import { lockEventRow } from '../../../../db/locks.ts';
import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { NotFoundError } from '../../../../shared/errors.ts';
import { emit } from '../../../../outbox/index.ts';
import { audit } from '../../../audit/index.ts';
import { bookTicketPayment } from '../../../ledger/index.ts';
import { moneyChannel, refundsAutomatically } from '../domain/order.ts';
import { refundOrder, sendTickets } from '../effects.ts';
import { getOrder } from '../queries.ts';
import { issueTickets } from './issue-tickets.ts';
import { recordPaymentAnomaly } from './record-payment-anomaly.ts';
import { paymentMatches } from '../domain/payment-match.ts';
import { takeSeats } from './seats.ts';

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
  /**
   * What the provider says was paid in (lower-case ISO 4217), and what the site sells in. When
   * given, a payment of another amount or currency than the order's is an anomaly (below).
   */
  currency?: { paid: string; expected: string };
}

export type PaymentOutcome =
  | { kind: 'paid'; orderId: number }
  | { kind: 'duplicate'; orderId: number }
  | { kind: 'refund_needed'; orderId: number; amount: number }
  | { kind: 'mismatch'; orderId: number };

export async function recordPayment(ctx: CommandContext, input: PaymentInput): Promise<PaymentOutcome> {
  const lookup = input.orderId !== undefined ? { orderId: input.orderId } : { providerRef: input.providerRef ?? '' };
  const first = await getOrder(ctx.db, lookup);
  if (!first) throw new NotFoundError('order');
  return inTransaction(ctx, async (tx) => {
    await lockEventRow(tx.db, first.event_id);
    const order = (await getOrder(tx.db, { orderId: first.id }))!;
    // A second notification for an order already paid (another event id for the same session) books nothing.
    if (order.status === 'paid') return { kind: 'duplicate', orderId: order.id } as const;
    // Not the order's amount, or not its currency (a tampered or misconfigured checkout): the
    // payment is never taken at its word (recordPaymentAnomaly).
    const paid = { amount: input.amount, currency: input.currency?.paid ?? '' };
    const expected = { amount: Number(order.total), currency: input.currency?.expected ?? '' };
    if (!paymentMatches(paid, expected)) {
      await recordPaymentAnomaly(tx, { subject: { type: 'order', id: order.id }, provider: input.provider, providerEventId: input.providerEventId, providerPaymentRef: input.providerPaymentRef ?? null, paid, expected });
      return { kind: 'mismatch', orderId: order.id } as const;
    }
    const inserted = await tx.db
      .insertInto('payments')
      .values({ order_id: order.id, provider: input.provider, provider_event_id: input.providerEventId, kind: 'payment', amount: input.amount, fee: input.fee, transaction_id: null, created_at: tx.now.toISOString() })
      .onConflict((oc) => oc.column('provider_event_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { kind: 'duplicate', orderId: order.id } as const;

    // A reservation still counts in the seat counters until it is released, even past its time;
    // an expired one gave its seats back and must find free ones again; a cancelled one has none.
    const seatsOk =
      order.status === 'reserved' ||
      (order.status === 'expired' && (await takeSeats(tx, { eventId: order.event_id, ticketTypeId: order.ticket_type_id, quantity: order.quantity })));
    const booked = await bookTicketPayment(tx, {
      eventId: order.event_id,
      orderId: order.id,
      orderRef: order.public_id,
      channel: moneyChannel(input.provider),
      amount: input.amount,
      fee: input.fee,
      key: input.providerEventId,
    });
    await tx.db.updateTable('payments').set({ transaction_id: booked.transactionId }).where('id', '=', inserted.id).execute();
    const now = tx.now.toISOString();
    if (!seatsOk) {
      // Paid too late (the seat was resold, or the order cancelled): never oversold, the money goes back.
      await tx.db.updateTable('orders').set({ status: 'cancelled', refund_due: input.amount, provider_payment_ref: input.providerPaymentRef ?? null, updated_at: now }).where('id', '=', order.id).execute();
      await audit(tx, { action: 'order.paid_too_late', subjectType: 'order', subjectId: order.id, data: { afterClosing: booked.afterClosing } });
      if (refundsAutomatically(input.provider)) await emit(tx, refundOrder, { orderId: order.id }, { key: order.id });
      return { kind: 'refund_needed', orderId: order.id, amount: input.amount } as const;
    }
    await tx.db
      .updateTable('orders')
      .set({ status: 'paid', reserved_until: null, provider_payment_ref: input.providerPaymentRef ?? null, updated_at: now })
      .where('id', '=', order.id)
      .execute();
    await issueTickets(tx, { orderId: order.id, eventId: order.event_id, quantity: order.quantity });
    await tx.db.updateTable('waitlist').set({ status: 'claimed', updated_at: now }).where('order_id', '=', order.id).execute();
    await audit(tx, { action: 'order.paid', subjectType: 'order', subjectId: order.id, data: { provider: input.provider, amount: input.amount, afterClosing: booked.afterClosing } });
    await emit(tx, sendTickets, { orderId: order.id }, { key: order.id });
    return { kind: 'paid', orderId: order.id } as const;
  });
}
