import { forgetEffectsMentioning } from '../../../outbox/index.ts';
import { erasedAddress, type PersonErasure } from '../../../shared/account-extensions.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { translator } from '../../../shared/i18n/index.ts';
import { audit } from '../../audit/index.ts';
import { AdminCannotLeaveError, WrongPasswordError } from '../errors.ts';
import { UNMATCHABLE_HASH, verifyPassword } from '../password.ts';
import { accountsPolicy } from '../policy.ts';
import { countOtherAdmins, getPasswordHash } from '../queries.ts';

/**
 * Deletes one's own account, proving the password. Everything personal goes: the address (here and
 * in every module's rows written with it — orders, comments, proposals, messages… through the
 * `erasures` app.ts wires), the name, the password, the sessions and links, the emails waiting to
 * be sent. What others rely on stays, anonymised: the account's row (other tables' history points
 * at it), orders and tickets, public credits, and the ledger, which is never rewritten. The last
 * admin cannot leave: someone must always be able to run the site.
 */
export async function deleteAccount(ctx: CommandContext, input: { password: string; erasures: readonly PersonErasure[] }): Promise<void> {
  const actor = accountsPolicy.authorize(ctx.actor, 'manageOwnAccount');
  const stored = await getPasswordHash(ctx.db, actor.id);
  if (!stored || !(await verifyPassword(input.password, stored))) throw new WrongPasswordError();
  await inTransaction(ctx, async (tx) => {
    const user = await tx.db.selectFrom('users').select(['email', 'pending_email', 'role', 'contributor_id', 'locale']).where('id', '=', actor.id).executeTakeFirstOrThrow();
    if (user.role === 'admin' && (await countOtherAdmins(tx.db, actor.id)) === 0) throw new AdminCannotLeaveError();
    const person = { userId: actor.id, email: user.email.toLowerCase(), contributorId: user.contributor_id, anonymousName: translator(user.locale)('accounts.anonymous') };
    for (const erase of input.erasures) await erase(tx, person);
    await tx.db.deleteFrom('sessions').where('user_id', '=', actor.id).execute();
    await tx.db.deleteFrom('tokens').where('user_id', '=', actor.id).execute();
    for (const address of [user.email, user.pending_email]) if (address) await forgetEffectsMentioning(tx, { text: address });
    await tx.db
      .updateTable('users')
      .set({
        email: erasedAddress('user', actor.id),
        pending_email: null,
        display_name: person.anonymousName,
        password_hash: UNMATCHABLE_HASH,
        role: 'member',
        contributor_id: null,
        erased_at: tx.now.toISOString(),
      })
      .where('id', '=', actor.id)
      .execute();
    await audit(tx, { action: 'account.deleted', subjectType: 'user', subjectId: actor.id });
  });
}
