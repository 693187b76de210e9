import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { Cents } from '../../../shared/money.ts';
import { audit } from '../../audit/index.ts';
import { credit, debit } from '../domain/posting.ts';
import { ledgerPolicy } from '../policy.ts';
import { assertEventOpen } from './assert-event-open.ts';
import { postTransaction } from './post-transaction.ts';

export interface IncomeInput {
  /** Tickets sold at the door (for an evening), or a donation. */
  kind: 'tickets' | 'donation';
  amount: Cents;
  /** The evening door income is for (required for tickets, ignored for donations). */
  eventId: number | null;
  description: string;
  /** The form's one-time key: a double submit books once. */
  key: string;
}

/**
 * Money received outside online ticketing: tickets sold at the door, or a donation. Door income
 * is the evening's: refused once its accounts are closed (EventAccountsClosedError on `event_id`).
 */
export async function recordIncome(ctx: CommandContext, input: IncomeInput): Promise<number> {
  ledgerPolicy.authorize(ctx.actor, 'recordIncome');
  const eventId = input.kind === 'tickets' ? input.eventId : null;
  if (input.kind === 'tickets' && eventId === null) throw new ValidationError({ event_id: 'errors.required' });
  return inTransaction(ctx, async (tx) => {
    if (eventId !== null) await assertEventOpen(tx, { eventId });
    const { id, created } = await postTransaction(tx, {
      date: tx.now.toISOString(),
      description: input.description,
      causeType: input.kind === 'tickets' ? 'ticket_income' : 'donation',
      causeId: eventId,
      idempotencyKey: `income:${input.key}`,
      lines: [debit('assets:bank', input.amount, eventId), credit(input.kind === 'tickets' ? 'income:tickets' : 'income:donations', input.amount, eventId)],
    });
    if (created) await audit(tx, { action: 'ledger.income_recorded', subjectType: 'ledger_transaction', subjectId: id });
    return id;
  });
}
