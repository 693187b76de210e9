import { erasedAddress, type ErasedPerson } from '../../../shared/account-extensions.ts';
import type { TxContext } from '../../../shared/command.ts';

/**
 * A person deleting their account (accounts' PersonErasure, wired in app.ts): their paper orders
 * keep their sale (the ledger relies on it) but not their name, address or postal address.
 */
export async function eraseBookBuyer(ctx: TxContext, person: ErasedPerson): Promise<void> {
  await ctx.db
    .updateTable('book_orders')
    .set({ name: person.anonymousName, email: erasedAddress('book-order', person.userId), address: '', postal_code: '', city: '', updated_at: ctx.now.toISOString() })
    .where((eb) => eb(eb.fn('lower', ['email']), '=', person.email))
    .execute();
}
