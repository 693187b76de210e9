/**
 * The worker's writes: claiming due effects under a lease, and settling each one (done, to be
 * retried later, or dead). Each is one short statement of its own, with the system as the actor.
 */
import { claimable } from '../../db/locks.ts';
import type { CommandContext } from '../../shared/command.ts';

export interface ClaimedEffect {
  id: number;
  kind: string;
  key: string;
  payload: string;
  attempts: number;
}

/**
 * Claims up to `limit` effects that are due and not leased by a live worker, leasing them until
 * `leaseUntil` and counting the attempt. A worker that dies mid-delivery leaves its lease to run
 * out; the effect is then claimed again (delivery is at least once, so handlers are idempotent).
 */
export async function claimDueEffects(ctx: CommandContext, input: { leaseUntil: Date; limit: number }): Promise<ClaimedEffect[]> {
  const iso = ctx.now.toISOString();
  const due = claimable(
    ctx.db,
    ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('available_at', '<=', iso)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', iso)]))
      .orderBy('available_at')
      .orderBy('id')
      .limit(input.limit),
  );
  const rows = await ctx.db
    .updateTable('outbox')
    .set((eb) => ({ locked_until: input.leaseUntil.toISOString(), attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .where('status', '=', 'pending')
    .returning(['id', 'kind', 'key', 'payload', 'attempts'])
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

export async function markEffectDone(ctx: CommandContext, input: { effectId: number }): Promise<void> {
  await ctx.db
    .updateTable('outbox')
    .set({ status: 'done', done_at: ctx.now.toISOString(), locked_until: null, last_error: null })
    .where('id', '=', input.effectId)
    .where('status', '=', 'pending')
    .execute();
}

/** A failed attempt: tried again at `retryAt`, or dead when `retryAt` is null. */
export async function markEffectFailed(ctx: CommandContext, input: { effectId: number; error: string; retryAt: Date | null }): Promise<void> {
  await ctx.db
    .updateTable('outbox')
    .set(input.retryAt ? { available_at: input.retryAt.toISOString(), locked_until: null, last_error: input.error } : { status: 'dead', locked_until: null, last_error: input.error })
    .where('id', '=', input.effectId)
    .where('status', '=', 'pending')
    .execute();
}

/** Delivered effects are kept a while for the record, then forgotten (their payloads name people). */
export async function purgeDeliveredEffects(ctx: CommandContext, input: { before: Date }): Promise<number> {
  const result = await ctx.db.deleteFrom('outbox').where('status', 'in', ['done', 'dismissed']).where('done_at', '<', input.before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
