import { erasedAddress, type ErasedPerson } from '../../../shared/account-extensions.ts';
import type { TxContext } from '../../../shared/command.ts';

/** A person deleting their account (accounts' PersonErasure, wired in app.ts): the messages they wrote to the team no longer say who wrote them. */
export async function eraseCorrespondent(ctx: TxContext, person: ErasedPerson): Promise<void> {
  await ctx.db
    .updateTable('messages')
    .set({ name: person.anonymousName, email: erasedAddress('message', person.userId) })
    .where((eb) => eb(eb.fn('lower', ['email']), '=', person.email))
    .execute();
}
