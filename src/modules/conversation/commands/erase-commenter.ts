import { erasedAddress, type ErasedPerson } from '../../../shared/account-extensions.ts';
import type { TxContext } from '../../../shared/command.ts';

/**
 * A person deleting their account (accounts' PersonErasure, wired in app.ts): the commenter behind
 * their address loses it, and their published comments and responses stay, signed anonymously and
 * without their website.
 */
export async function eraseCommenter(ctx: TxContext, person: ErasedPerson): Promise<void> {
  const commenters = await ctx.db.selectFrom('commenters').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', person.email)).execute();
  for (const { id } of commenters) {
    await ctx.db.updateTable('commenters').set({ email: erasedAddress('commenter', id) }).where('id', '=', id).execute();
    await ctx.db.updateTable('comments').set({ author_name: person.anonymousName, author_website: null }).where('commenter_id', '=', id).execute();
    await ctx.db.updateTable('responses').set({ author_name: person.anonymousName, author_website: null }).where('commenter_id', '=', id).execute();
  }
}
