/**
 * What ticket money's two intents share. Each takes the evening's lock, so it is ordered with the
 * evening's closing whatever instance runs it: before closing, the money is the evening's (its
 * income, allocated at closing); after closing, the evening's figures are final and the money
 * goes to the general fund, with an `after_closing` allocation the transparency page shows
 * beside the evening. See docs/decisions/011-ledger-intents.md.
 */
import { lockEventRow } from '../../../db/locks.ts';
import type { TxContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { Cents } from '../../../shared/money.ts';
import { AFTER_CLOSING_CAUSE } from '../domain/causes.ts';
import { credit, debit } from '../domain/posting.ts';
import { eventExists, isEventClosed } from '../queries/events.ts';
import { ledgerLabel } from './ledger-label.ts';
import { postTransaction } from './post-transaction.ts';

/** Takes the evening's lock and tells whether its accounts are closed. */
export async function lockTicketEvening(ctx: TxContext, input: { eventId: number }): Promise<{ closed: boolean }> {
  if (!(await eventExists(ctx.db, input.eventId))) throw new NotFoundError(`event ${input.eventId}`);
  await lockEventRow(ctx.db, input.eventId);
  return { closed: await isEventClosed(ctx.db, input.eventId) };
}

/**
 * Money that reached a closed evening moves from the evening's income to the general fund at
 * once (or, for money given back, out of it), so the income account of closed evenings stays
 * allocated. `amount` > 0: money in; < 0: money out.
 */
export async function allocateAfterClosing(ctx: TxContext, input: { eventId: number; amount: Cents; key: string }): Promise<void> {
  const lines =
    input.amount > 0
      ? [debit('income:tickets', input.amount), credit('funds:general', input.amount)]
      : [debit('funds:general', -input.amount), credit('income:tickets', -input.amount)];
  await postTransaction(ctx, {
    date: ctx.now.toISOString(),
    ...ledgerLabel('ledger.describe.afterClosing', { event: input.eventId }),
    causeType: AFTER_CLOSING_CAUSE,
    causeId: input.eventId,
    idempotencyKey: `after-closing:${input.key}`,
    lines,
  });
}
