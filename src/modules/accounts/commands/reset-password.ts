import { randomUUID } from 'node:crypto';
import { emit } from '../../../outbox/index.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { audit } from '../../audit/index.ts';
import { sendPasswordReset } from '../effects.ts';
import { InvalidLinkError } from '../errors.ts';
import { hashPassword } from '../password.ts';
import { consumeToken } from './issue-token.ts';
import { closeAllSessions, openSession } from './sessions.ts';

/**
 * Asks for a reset link to be sent to an address. The request does the same work whether or not
 * the address has an account — one outbox row, no lookup — so neither its answer nor its timing
 * tells who is registered; the delivery finds the account (or nobody, and sends nothing).
 */
export async function requestPasswordReset(ctx: CommandContext, input: { email: string; lang: Lang }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    // Each request gets its own link: no key from the request makes two requests one.
    await emit(tx, sendPasswordReset, { email: input.email, lang: input.lang }, { key: randomUUID() });
  });
}

/** Sets a new password from a reset link, closes every other session, and logs the person in. */
export async function resetPassword(ctx: CommandContext, input: { token: string; password: string }): Promise<{ cookie: string; userId: number }> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const userId = await consumeToken(tx, { token: input.token, purpose: 'reset_password' });
    if (userId === null) throw new InvalidLinkError();
    await tx.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    // Following the link proves the address too.
    await tx.db
      .updateTable('users')
      .set({ email_confirmed_at: tx.now.toISOString() })
      .where('id', '=', userId)
      .where('email_confirmed_at', 'is', null)
      .execute();
    await closeAllSessions(tx, { userId });
    await audit(tx, { action: 'account.password_reset', subjectType: 'user', subjectId: userId, actorUserId: userId });
    return { cookie: await openSession(tx, { userId }), userId };
  });
}
