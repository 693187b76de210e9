import { randomUUID } from 'node:crypto';
import { emit } from '../../../outbox/index.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { audit } from '../../audit/index.ts';
import { sendEmailChange, sendEmailChanged } from '../effects.ts';
import { EmailTakenError, InvalidLinkError, WrongPasswordError } from '../errors.ts';
import { verifyPassword } from '../password.ts';
import { accountsPolicy } from '../policy.ts';
import { getPasswordHash, getUserIdByEmail } from '../queries.ts';
import { consumeToken } from './issue-token.ts';

/**
 * Asks to move an account to a new address, proving the password. The new address waits beside
 * the current one until its owner follows the link sent there (the account keeps working under
 * the current address meanwhile); asking again replaces the waiting one.
 */
export async function requestEmailChange(ctx: CommandContext, input: { newEmail: string; password: string; lang: Lang }): Promise<void> {
  const actor = accountsPolicy.authorize(ctx.actor, 'manageOwnAccount');
  const stored = await getPasswordHash(ctx.db, actor.id);
  if (!stored || !(await verifyPassword(input.password, stored))) throw new WrongPasswordError();
  await inTransaction(ctx, async (tx) => {
    const owner = await getUserIdByEmail(tx.db, input.newEmail);
    if (owner !== null && owner !== actor.id) throw new EmailTakenError();
    await tx.db.updateTable('users').set({ pending_email: input.newEmail }).where('id', '=', actor.id).execute();
    // A link already sent for an earlier address must not confirm this one: it went elsewhere.
    await tx.db.deleteFrom('tokens').where('user_id', '=', actor.id).where('purpose', '=', 'change_email').execute();
    await audit(tx, { action: 'account.email_change_requested', subjectType: 'user', subjectId: actor.id });
    // Each request sends its own link (to the address waiting when it is delivered).
    await emit(tx, sendEmailChange, { userId: actor.id, lang: input.lang }, { key: randomUUID() });
  });
}

/**
 * Follows the link sent to the new address: the account's address becomes the one waiting. Refused
 * when the link is not valid, and when the address was taken by another account in the meantime.
 */
export async function confirmEmailChange(ctx: CommandContext, input: { token: string }): Promise<{ userId: number }> {
  return inTransaction(ctx, async (tx) => {
    const userId = await consumeToken(tx, { token: input.token, purpose: 'change_email' });
    if (userId === null) throw new InvalidLinkError();
    const user = await tx.db.selectFrom('users').select(['email', 'pending_email', 'locale']).where('id', '=', userId).where('erased_at', 'is', null).executeTakeFirst();
    if (!user?.pending_email) throw new InvalidLinkError();
    const owner = await getUserIdByEmail(tx.db, user.pending_email);
    if (owner !== null && owner !== userId) throw new EmailTakenError();
    await tx.db
      .updateTable('users')
      .set({ email: user.pending_email, pending_email: null, email_confirmed_at: tx.now.toISOString() })
      .where('id', '=', userId)
      .execute();
    await audit(tx, { action: 'account.email_changed', subjectType: 'user', subjectId: userId, actorUserId: userId });
    await emit(tx, sendEmailChanged, { previous: user.email, lang: user.locale }, { key: `${userId}:${tx.now.toISOString()}` });
    return { userId };
  });
}
