import { lockEventRow } from '../../../db/locks.ts';
import { inTransaction, type CommandContext, type TxContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { closeEvent, type EventClosing } from '../domain/allocation.ts';
import { EVENT_CLOSURE_CAUSE } from '../domain/causes.ts';
import { EventAlreadyClosedError, EventNotEndedError, OutstandingMoneyError, PendingExpensesError } from '../errors.ts';
import { accountBalances } from '../queries/balances.ts';
import { getEventEnd, isEventClosed } from '../queries/events.ts';
import { countPendingExpenses } from '../queries/expenses.ts';
import { visualsBasisPoints } from '../queries/settings.ts';
import { ledgerLabel } from './ledger-label.ts';
import { postTransaction } from './post-transaction.ts';

/** What may still bring money to an evening or take it away. */
export interface OutstandingMoney {
  /** Orders holding seats while their payment is awaited. */
  reservedOrders: number;
  /** Cancelled orders whose money has not been given back yet. */
  refundsDue: number;
}

/**
 * Asks the modules that move an evening's money what is still outstanding for it, inside the
 * closing's transaction and lock (ticketing answers from its orders; app.ts wires it).
 */
export type OutstandingCheck = (ctx: TxContext, input: { eventId: number }) => Promise<OutstandingMoney>;

/**
 * Closes an evening's accounts: income minus logistics; a surplus goes to the visuals and
 * book-editing funds by the configured split, a deficit is covered by the general fund, and the
 * evening takes no more money of its own. It takes the evening's lock (payments and refunds take
 * it too, so none slips in between) and is refused — once, with the reason — before the evening
 * has ended (money still comes in at the door), while expenses of
 * the evening await a decision or payment, while orders still hold seats awaiting payment, or
 * while refunds are due. Money that still arrives afterwards goes to the general fund (see
 * ticket-evening.ts).
 */
export async function closeEventAccounts(ctx: CommandContext, input: { eventId: number; outstanding: readonly OutstandingCheck[] }): Promise<EventClosing> {
  return inTransaction(ctx, async (tx) => {
    const endsAt = await getEventEnd(tx.db, input.eventId);
    if (endsAt === undefined) throw new NotFoundError(`event ${input.eventId}`);
    await lockEventRow(tx.db, input.eventId);
    if (await isEventClosed(tx.db, input.eventId)) throw new EventAlreadyClosedError();
    if (endsAt > tx.now.toISOString()) throw new EventNotEndedError(endsAt);
    const pendingExpenses = await countPendingExpenses(tx.db, input.eventId);
    if (pendingExpenses > 0) throw new PendingExpensesError(pendingExpenses);
    const outstanding = { reservedOrders: 0, refundsDue: 0 };
    for (const check of input.outstanding) {
      const o = await check(tx, { eventId: input.eventId });
      outstanding.reservedOrders += o.reservedOrders;
      outstanding.refundsDue += o.refundsDue;
    }
    if (outstanding.reservedOrders > 0 || outstanding.refundsDue > 0) throw new OutstandingMoneyError(outstanding);

    const balances = await accountBalances(tx.db, { eventId: input.eventId });
    const sum = (a: string) => balances.get(a) ?? 0;
    const basisPoints = await visualsBasisPoints(tx.db);
    const closing = closeEvent({
      eventId: input.eventId,
      income: -sum('income:tickets'),
      logistics: sum('expenses:event_logistics'),
      split: { visualsBasisPoints: basisPoints },
      coverDeficitFrom: 'funds:general',
    });
    // An event with no money at all still closes (and locks), with nothing to post.
    const id =
      closing.lines.length === 0
        ? null
        : (
            await postTransaction(tx, {
              date: tx.now.toISOString(),
              ...ledgerLabel('ledger.describe.closing', { event: input.eventId }),
              causeType: EVENT_CLOSURE_CAUSE,
              causeId: input.eventId,
              idempotencyKey: `event:${input.eventId}:close`,
              lines: closing.lines,
            })
          ).id;
    await tx.db
      .insertInto('event_closures')
      .values({
        event_id: input.eventId,
        income: -sum('income:tickets'),
        logistics: sum('expenses:event_logistics'),
        to_visuals: closing.toVisuals,
        to_book_editing: closing.toBookEditing,
        deficit: closing.deficit,
        visuals_basis_points: basisPoints,
        transaction_id: id,
        closed_by: tx.actor?.id ?? null,
        closed_at: tx.now.toISOString(),
      })
      .execute();
    await audit(tx, { action: 'ledger.event_closed', subjectType: 'event', subjectId: input.eventId, data: { ...closing, lines: undefined } });
    return closing;
  });
}
