import { erasedAddress, type ErasedPerson } from '../../../../shared/account-extensions.ts';
import type { TxContext } from '../../../../shared/command.ts';

/**
 * A person deleting their account (accounts' PersonErasure, wired in app.ts): their orders and
 * waiting-list places keep their seats, tickets and payments — the evening's accounts rely on
 * them — but no longer their name or address.
 */
export async function eraseTicketHolder(ctx: TxContext, person: ErasedPerson): Promise<void> {
  const at = ctx.now.toISOString();
  await ctx.db
    .updateTable('orders')
    .set({ name: person.anonymousName, email: erasedAddress('order', person.userId), user_id: null, updated_at: at })
    .where((eb) => eb.or([eb('user_id', '=', person.userId), eb(eb.fn('lower', ['email']), '=', person.email)]))
    .execute();
  await ctx.db
    .updateTable('waitlist')
    .set({ name: person.anonymousName, email: erasedAddress('waitlist', person.userId), user_id: null, updated_at: at })
    .where((eb) => eb.or([eb('user_id', '=', person.userId), eb(eb.fn('lower', ['email']), '=', person.email)]))
    .execute();
}
