import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { createContributor } from './create-contributor.ts';

/** Finds the profile behind a private email, or creates one (a proposer becomes a contributor). */
export async function findOrCreateContributorByEmail(ctx: CommandContext, input: { name: string; email: string }): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.selectFrom('contributors').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) return existing.id;
    return (await createContributor(tx, { name: input.name, bio: '', links: [], email: input.email })).id;
  });
}
