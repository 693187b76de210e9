import { erasedAddress, type ErasedPerson } from '../../../shared/account-extensions.ts';
import type { TxContext } from '../../../shared/command.ts';

/**
 * A person deleting their account (accounts' PersonErasure, wired in app.ts): the proposals sent
 * from their address keep their text (an accepted one became a piece) but not their name or address.
 */
export async function eraseProposer(ctx: TxContext, person: ErasedPerson): Promise<void> {
  await ctx.db
    .updateTable('proposals')
    .set({ name: person.anonymousName, email: erasedAddress('proposal', person.userId) })
    .where((eb) => eb(eb.fn('lower', ['email']), '=', person.email))
    .execute();
}
