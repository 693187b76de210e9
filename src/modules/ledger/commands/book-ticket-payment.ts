/**
 * The ledger's intent for ticket money received. Ticketing says what happened — "this order was
 * paid 15 € by bank transfer" — and the ledger decides the accounts (see ticket-evening.ts for
 * what happens once the evening is closed).
 */
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import type { Cents } from '../../../shared/money.ts';
import { CHANNEL_ACCOUNT, type MoneyChannel } from '../domain/money-channel.ts';
import { credit, debit, type PostingLine } from '../domain/posting.ts';
import { postTransaction } from './post-transaction.ts';
import { ledgerLabel } from './ledger-label.ts';
import { allocateAfterClosing, lockTicketEvening } from './ticket-evening.ts';

export interface TicketPayment {
  eventId: number;
  orderId: number;
  /** The order's public reference, for the label. */
  orderRef: string;
  channel: MoneyChannel;
  amount: Cents;
  /** What the provider kept (0 for transfers). */
  fee: Cents;
  /** One per payment notification: a replayed webhook books nothing twice. */
  key: string;
}

export interface BookedMoney {
  transactionId: number;
  /** True when the evening's accounts were already closed: the money went to the general fund. */
  afterClosing: boolean;
  created: boolean;
}

/** Books money received for tickets of an evening. */
export async function bookTicketPayment(ctx: CommandContext, input: TicketPayment): Promise<BookedMoney> {
  return inTransaction(ctx, async (tx) => {
    const { closed } = await lockTicketEvening(tx, { eventId: input.eventId });
    const eventId = closed ? null : input.eventId;
    const asset = CHANNEL_ACCOUNT[input.channel];
    const lines: PostingLine[] = [debit(asset, input.amount, eventId), credit('income:tickets', input.amount, eventId)];
    if (input.fee > 0) lines.push(debit('expenses:payment_fees', input.fee, eventId), credit('assets:payment_provider', input.fee, eventId));
    const { id, created } = await postTransaction(tx, {
      date: tx.now.toISOString(),
      ...ledgerLabel('ledger.describe.ticketPayment', { order: input.orderRef }),
      causeType: 'order',
      causeId: input.orderId,
      idempotencyKey: `payment:${input.key}`,
      lines,
    });
    if (closed) await allocateAfterClosing(tx, { eventId: input.eventId, amount: input.amount, key: `payment:${input.key}` });
    return { transactionId: id, afterClosing: closed, created };
  });
}
