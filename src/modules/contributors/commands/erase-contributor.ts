import type { ErasedPerson } from '../../../shared/account-extensions.ts';
import type { TxContext } from '../../../shared/command.ts';

/**
 * A person deleting their account (accounts' PersonErasure, wired in app.ts): the profile their
 * account spoke for, and any profile written with their address, keep their credits — pieces,
 * talks, royalties in the ledger — but lose the name, biography, links, photo and address, and no
 * longer appear by name (the registry and the transparency pages then call them anonymous). The
 * page's address, made from the name, becomes a neutral one.
 */
export async function eraseContributor(ctx: TxContext, person: ErasedPerson): Promise<void> {
  const profiles = await ctx.db
    .selectFrom('contributors')
    .select('id')
    .where((eb) => {
      const byEmail = eb(eb.fn('lower', ['email']), '=', person.email);
      return person.contributorId === null ? byEmail : eb.or([eb('id', '=', person.contributorId), byEmail]);
    })
    .execute();
  for (const { id } of profiles) {
    await ctx.db
      .updateTable('contributors')
      .set({ name: person.anonymousName, slug: `anonymous-${id}`, bio: '', links: '[]', photo_media_id: null, email: null, public_name: 0 })
      .where('id', '=', id)
      .execute();
  }
}
