/** What an admin does with an effect that could not be delivered: try it again, or set it aside. */
import { inTransaction, type CommandContext } from '../../shared/command.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { audit } from '../../modules/audit/index.ts';
import { deliveryKey, type Effect } from '../effect.ts';

/** Puts a dead (or waiting) effect back in line for delivery now, with its attempts counted afresh. */
export async function retryEffect(ctx: CommandContext, input: { effectId: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('outbox')
      .set({ status: 'pending', attempts: 0, available_at: tx.now.toISOString(), locked_until: null })
      .where('id', '=', input.effectId)
      .where('status', 'in', ['dead', 'pending'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new NotFoundError();
    await audit(tx, { action: 'outbox.retried', subjectType: 'outbox', subjectId: input.effectId });
  });
}

/** Sets an effect aside for good: someone took care of it by hand. */
export async function dismissEffect(ctx: CommandContext, input: { effectId: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('outbox')
      .set({ status: 'dismissed', done_at: tx.now.toISOString(), locked_until: null })
      .where('id', '=', input.effectId)
      .where('status', 'in', ['dead', 'pending'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new NotFoundError();
    await audit(tx, { action: 'outbox.dismissed', subjectType: 'outbox', subjectId: input.effectId });
  });
}

/**
 * Withdraws an effect that is no longer wanted, in the caller's transaction: an organiser who
 * refunds by hand takes over a refund the provider kept refusing. Returns whether one was waiting.
 */
export async function withdrawEffect(ctx: CommandContext, input: { effect: Effect<unknown>; key: string | number }): Promise<boolean> {
  const result = await ctx.db
    .updateTable('outbox')
    .set({ status: 'dismissed', done_at: ctx.now.toISOString(), locked_until: null })
    .where('key', '=', deliveryKey(input.effect, input.key))
    .where('status', 'in', ['dead', 'pending'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
