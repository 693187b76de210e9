import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { accountCode } from '../domain/accounts.ts';
import { EVENT_CLOSURE_CAUSE } from '../domain/causes.ts';
import { reversalOf } from '../domain/posting.ts';
import { ledgerPolicy } from '../policy.ts';
import { getTransaction, isReversed } from '../queries/transactions.ts';
import { assertEventOpen } from './assert-event-open.ts';
import { ledgerLabel } from './ledger-label.ts';
import { postTransaction } from './post-transaction.ts';

/**
 * Corrects a transaction by a new, linked, opposite one; a transaction is reversed once at most,
 * a closing never, and nothing that touches a closed evening's lines.
 */
export async function reverseTransaction(ctx: CommandContext, input: { transactionId: number; reason: string }): Promise<number> {
  ledgerPolicy.authorize(ctx.actor, 'manage');
  const reason = input.reason.trim();
  if (!reason) throw new ValidationError({ reason: 'errors.required' });
  return inTransaction(ctx, async (tx) => {
    const original = await getTransaction(tx.db, input.transactionId);
    if (!original) throw new NotFoundError(`transaction ${input.transactionId}`, 'transaction_id');
    if (original.causeType === EVENT_CLOSURE_CAUSE) throw new ValidationError({ reason: 'ledger.cannotReverseClosure' });
    if (original.reversesId !== null) throw new ValidationError({ reason: 'ledger.cannotReverseReversal' });
    if (await isReversed(tx.db, original.id)) throw new ValidationError({ reason: 'ledger.alreadyReversed' });
    for (const eventId of new Set(original.lines.map((l) => l.eventId).filter((e): e is number => e !== null))) await assertEventOpen(tx, { eventId });
    const draft = reversalOf(
      {
        id: original.id,
        date: original.occurredAt,
        description: original.description,
        causeType: original.causeType,
        causeId: original.causeId,
        idempotencyKey: '',
        lines: original.lines.map((l) => ({ account: accountCode(l.account), amount: l.amount, eventId: l.eventId })),
      },
      { date: tx.now.toISOString(), ...ledgerLabel('ledger.describe.reversal', { id: original.id, reason }), idempotencyKey: `reversal:${original.id}` },
    );
    const { id } = await postTransaction(tx, draft);
    await audit(tx, { action: 'ledger.reversed', subjectType: 'ledger_transaction', subjectId: original.id, data: { reversal: id, reason } });
    return id;
  });
}
