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
 * refunds by hand takes over a refund the provider kept refusing. 'busy' when a worker is
 * delivering it at this very moment (withdrawing it then could make the refund happen twice):
 * the caller refuses and the person tries again a minute later.
 */
export async function withdrawEffect(ctx: CommandContext, input: { effect: Effect<unknown>; key: string | number }): Promise<'withdrawn' | 'none' | 'busy'> {
  const key = deliveryKey(input.effect, input.key);
  const iso = ctx.now.toISOString();
  const result = await ctx.db
    .updateTable('outbox')
    .set({ status: 'dismissed', done_at: iso, locked_until: null })
    .where('key', '=', key)
    .where('status', 'in', ['dead', 'pending'])
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', iso)]))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return 'withdrawn';
  const leased = await ctx.db.selectFrom('outbox').select('id').where('key', '=', key).where('status', '=', 'pending').where('locked_until', '>', iso).executeTakeFirst();
  return leased ? 'busy' : 'none';
}
