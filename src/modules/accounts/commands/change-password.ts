import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { WrongPasswordError } from '../errors.ts';
import { hashPassword, verifyPassword } from '../password.ts';
import { accountsPolicy } from '../policy.ts';
import { getPasswordHash } from '../queries.ts';
import { closeAllSessions, openSession } from './sessions.ts';

/**
 * Someone logged in sets a new password, proving the current one (a session left open on a shared
 * computer is not enough). Every session closes, and a fresh one opens for this browser: the
 * returned cookie.
 */
export async function changePassword(ctx: CommandContext, input: { currentPassword: string; newPassword: string }): Promise<{ cookie: string }> {
  const actor = accountsPolicy.authorize(ctx.actor, 'manageOwnAccount');
  const stored = await getPasswordHash(ctx.db, actor.id);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) throw new WrongPasswordError();
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(ctx, async (tx) => {
    await tx.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', actor.id).execute();
    await closeAllSessions(tx, { userId: actor.id });
    await audit(tx, { action: 'account.password_changed', subjectType: 'user', subjectId: actor.id });
    return { cookie: await openSession(tx, { userId: actor.id }) };
  });
}
