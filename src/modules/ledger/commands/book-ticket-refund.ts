/** The ledger's intent for ticket money given back (see ticket-evening.ts once the evening is closed). */
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { CHANNEL_ACCOUNT } from '../domain/money-channel.ts';
import { credit, debit } from '../domain/posting.ts';
import type { BookedMoney, TicketPayment } from './book-ticket-payment.ts';
import { postTransaction } from './post-transaction.ts';
import { ledgerLabel } from './ledger-label.ts';
import { allocateAfterClosing, lockTicketEvening } from './ticket-evening.ts';

/** Money given back for an order: as its payment, without a fee; `key` is one per refund (a refund retried after a crash books once). */
export type TicketRefund = Omit<TicketPayment, 'fee'>;

/** Books money given back for tickets of an evening (the reverse of a payment). */
export async function bookTicketRefund(ctx: CommandContext, input: TicketRefund): Promise<BookedMoney> {
  return inTransaction(ctx, async (tx) => {
    const { closed } = await lockTicketEvening(tx, { eventId: input.eventId });
    const eventId = closed ? null : input.eventId;
    const { id, created } = await postTransaction(tx, {
      date: tx.now.toISOString(),
      ...ledgerLabel('ledger.describe.ticketRefund', { order: input.orderRef }),
      causeType: 'refund',
      causeId: input.orderId,
      idempotencyKey: `refund:${input.key}`,
      lines: [debit('income:tickets', input.amount, eventId), credit(CHANNEL_ACCOUNT[input.channel], input.amount, eventId)],
    });
    if (closed) await allocateAfterClosing(tx, { eventId: input.eventId, amount: -input.amount, key: `refund:${input.key}` });
    return { transactionId: id, afterClosing: closed, created };
  });
}
