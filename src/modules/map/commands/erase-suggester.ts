import { erasedAddress, type ErasedPerson } from '../../../shared/account-extensions.ts';
import type { TxContext } from '../../../shared/command.ts';

/** A person deleting their account (accounts' PersonErasure, wired in app.ts): their suggestions and relayed messages no longer name them. */
export async function eraseSuggester(ctx: TxContext, person: ErasedPerson): Promise<void> {
  await ctx.db
    .updateTable('map_suggestions')
    .set({ suggester_name: person.anonymousName, suggester_email: erasedAddress('map-suggestion', person.userId) })
    .where((eb) => eb(eb.fn('lower', ['suggester_email']), '=', person.email))
    .execute();
  await ctx.db
    .updateTable('map_relay_messages')
    .set({ sender_name: person.anonymousName, sender_email: erasedAddress('map-message', person.userId) })
    .where((eb) => eb(eb.fn('lower', ['sender_email']), '=', person.email))
    .execute();
}
