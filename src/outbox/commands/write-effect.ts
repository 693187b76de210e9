import type { CommandContext } from '../../shared/command.ts';

/**
 * Stores an effect in the caller's transaction; a second effect with the same delivery key is
 * ignored (a retried command emits once). Commands call `emit` (effect.ts), which names the kind
 * and builds the key.
 */
export async function writeEffect(ctx: CommandContext, input: { kind: string; key: string; payload: string; availableAt: Date }): Promise<void> {
  await ctx.db
    .insertInto('outbox')
    .values({
      kind: input.kind,
      key: input.key,
      payload: input.payload,
      available_at: input.availableAt.toISOString(),
      locked_until: null,
      last_error: null,
      created_at: ctx.now.toISOString(),
      done_at: null,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
