import type { CommandContext } from '../../../shared/command.ts';
import { getCommenterByEmail } from '../queries.ts';

/** The commenter behind a private email, created on their first comment or response (untrusted). */
export async function findOrCreateCommenter(ctx: CommandContext, input: { email: string }): Promise<{ id: number; trusted: boolean }> {
  const existing = await getCommenterByEmail(ctx.db, input.email);
  if (existing) return { id: existing.id, trusted: existing.trusted_at !== null };
  const { id } = await ctx.db
    .insertInto('commenters')
    .values({ email: input.email, trusted_at: null, created_at: ctx.now.toISOString() })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst()
    .then(async (row) => row ?? (await getCommenterByEmail(ctx.db, input.email))!);
  return { id, trusted: false };
}
