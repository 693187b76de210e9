import { sql } from 'kysely';
import type { CommandContext } from '../../shared/command.ts';

/**
 * Deletes, in the caller's transaction, every effect whose payload or last error names this text
 * (an address being erased): waiting emails to a deleted account never leave, and delivered rows
 * do not keep the address for their 14 days. One a worker is delivering at this very moment is
 * left to finish (its lease is short); the count of those is returned.
 */
export async function forgetEffectsMentioning(ctx: CommandContext, input: { text: string }): Promise<{ deleted: number; busy: number }> {
  const pattern = `%${input.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const iso = ctx.now.toISOString();
  const mentions = sql<boolean>`(lower(payload) like ${pattern} escape '\\' or lower(coalesce(last_error, '')) like ${pattern} escape '\\')`;
  const result = await ctx.db
    .deleteFrom('outbox')
    .where(mentions)
    .where((eb) => eb.or([eb('status', '!=', 'pending'), eb('locked_until', 'is', null), eb('locked_until', '<=', iso)]))
    .executeTakeFirst();
  const busy = await ctx.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where(mentions).executeTakeFirstOrThrow();
  return { deleted: Number(result.numDeletedRows), busy: Number(busy.n) };
}
