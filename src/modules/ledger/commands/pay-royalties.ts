import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import type { Cents } from '../../../shared/money.ts';
import { audit } from '../../audit/index.ts';
import { royaltyPayout } from '../domain/allocation.ts';
import { ledgerPolicy } from '../policy.ts';
import { royaltiesOwed } from '../queries/royalties.ts';
import { ledgerLabel } from './ledger-label.ts';
import { postTransaction } from './post-transaction.ts';

/**
 * Pays a contributor some of what they are owed, never more (RoyaltyOverpaymentError on
 * `amount`). Idempotent by the form's key. Returns the payout's id.
 */
export async function payRoyalties(ctx: CommandContext, input: { contributorId: number; amount: Cents; key: string }): Promise<number> {
  const actor = ledgerPolicy.authorize(ctx.actor, 'manage');
  return inTransaction(ctx, async (tx) => {
    const already = await tx.db.selectFrom('royalty_payouts').select('id').where('idempotency_key', '=', input.key).executeTakeFirst();
    if (already) return already.id;
    const owed = await royaltiesOwed(tx.db, input.contributorId);
    const { id: transactionId } = await postTransaction(tx, {
      date: tx.now.toISOString(),
      ...ledgerLabel('ledger.describe.royaltyPayout', { contributor: input.contributorId }),
      causeType: 'royalty_payout',
      causeId: input.contributorId,
      idempotencyKey: `payout:${input.key}`,
      lines: royaltyPayout({ contributorId: input.contributorId, amount: input.amount, owed }),
    });
    const now = tx.now.toISOString();
    const { id } = await tx.db
      .insertInto('royalty_payouts')
      .values({ contributor_id: input.contributorId, amount: input.amount, paid_at: now, transaction_id: transactionId, idempotency_key: input.key, created_by: actor.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'ledger.royalty_payout', subjectType: 'contributor', subjectId: input.contributorId, data: { amount: input.amount } });
    return id;
  });
}
