/**
 * The ledger's intents for ticket money. Ticketing says what happened — "this order was paid 15 €
 * by bank transfer", "this order was refunded" — and the ledger decides the accounts. Each intent
 * takes the evening's lock, so it is ordered with the evening's closing whatever instance runs it:
 * before closing, the money is the evening's (its income, allocated at closing); after closing,
 * the evening's figures are final and the money goes to the general fund, with an `after_closing`
 * allocation the transparency page shows beside the evening. See docs/decisions/011-ledger-intents.md.
 */
import { lockEventRow } from '../../../db/locks.ts';
import { inTransaction, type CommandContext, type TxContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { translator } from '../../../shared/i18n/index.ts';
import type { Cents } from '../../../shared/money.ts';
import { AFTER_CLOSING_CAUSE } from '../domain/causes.ts';
import { credit, debit, type PostingLine } from '../domain/posting.ts';
import { eventExists, isEventClosed } from '../queries.ts';
import { postTransaction } from './post-transaction.ts';

/** Where ticket money sits: the bank (transfers, cash at the door) or the payment provider's balance. */
export type MoneyChannel = 'bank' | 'provider';

const ASSET: Record<MoneyChannel, 'assets:bank' | 'assets:payment_provider'> = { bank: 'assets:bank', provider: 'assets:payment_provider' };

/** The ledger labels are written in the programme's accounting language (the FEC is French). */
const label = translator('fr');

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
    const closed = await evening(tx, input.eventId);
    const eventId = closed ? null : input.eventId;
    const lines: PostingLine[] = [debit(ASSET[input.channel], input.amount, eventId), credit('income:tickets', input.amount, eventId)];
    if (input.fee > 0) lines.push(debit('expenses:payment_fees', input.fee, eventId), credit('assets:payment_provider', input.fee, eventId));
    const { id, created } = await postTransaction(tx, {
      date: tx.now.toISOString(),
      description: label('ledger.describe.ticketPayment', { order: input.orderRef }),
      causeType: 'order',
      causeId: input.orderId,
      idempotencyKey: `payment:${input.key}`,
      lines,
    });
    if (closed) await allocateAfterClosing(tx, { eventId: input.eventId, amount: input.amount, key: `payment:${input.key}` });
    return { transactionId: id, afterClosing: closed, created };
  });
}

export interface TicketRefund {
  eventId: number;
  orderId: number;
  orderRef: string;
  channel: MoneyChannel;
  amount: Cents;
  /** One per refund: a refund retried after a crash books once. */
  key: string;
}

/** Books money given back for tickets of an evening (the reverse of a payment). */
export async function bookTicketRefund(ctx: CommandContext, input: TicketRefund): Promise<BookedMoney> {
  return inTransaction(ctx, async (tx) => {
    const closed = await evening(tx, input.eventId);
    const eventId = closed ? null : input.eventId;
    const { id, created } = await postTransaction(tx, {
      date: tx.now.toISOString(),
      description: label('ledger.describe.ticketRefund', { order: input.orderRef }),
      causeType: 'refund',
      causeId: input.orderId,
      idempotencyKey: `refund:${input.key}`,
      lines: [debit('income:tickets', input.amount, eventId), credit(ASSET[input.channel], input.amount, eventId)],
    });
    if (closed) await allocateAfterClosing(tx, { eventId: input.eventId, amount: -input.amount, key: `refund:${input.key}` });
    return { transactionId: id, afterClosing: closed, created };
  });
}

/** Takes the evening's lock and tells whether its accounts are closed. */
async function evening(tx: TxContext, eventId: number): Promise<boolean> {
  if (!(await eventExists(tx.db, eventId))) throw new NotFoundError(`event ${eventId}`);
  await lockEventRow(tx.db, eventId);
  return isEventClosed(tx.db, eventId);
}

/**
 * Money that reached a closed evening moves from the evening's income to the general fund at
 * once (or, for money given back, out of it), so the income account of closed evenings stays
 * allocated. `amount` > 0: money in; < 0: money out.
 */
async function allocateAfterClosing(tx: TxContext, input: { eventId: number; amount: Cents; key: string }): Promise<void> {
  const lines =
    input.amount > 0
      ? [debit('income:tickets', input.amount), credit('funds:general', input.amount)]
      : [debit('funds:general', -input.amount), credit('income:tickets', -input.amount)];
  await postTransaction(tx, {
    date: tx.now.toISOString(),
    description: label('ledger.describe.afterClosing', { event: input.eventId }),
    causeType: AFTER_CLOSING_CAUSE,
    causeId: input.eventId,
    idempotencyKey: `after-closing:${input.key}`,
    lines,
  });
}
