import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { InvalidLinkError } from '../errors.ts';
import { consumeToken } from './issue-token.ts';
import { openSession } from './sessions.ts';

/** Confirms the address behind a link and logs the person in; returns their session cookie. */
export async function confirmEmail(ctx: CommandContext, input: { token: string }): Promise<{ cookie: string; userId: number }> {
  return inTransaction(ctx, async (tx) => {
    const userId = await consumeToken(tx, { token: input.token, purpose: 'confirm_email' });
    if (userId === null) throw new InvalidLinkError();
    await tx.db
      .updateTable('users')
      .set({ email_confirmed_at: tx.now.toISOString() })
      .where('id', '=', userId)
      .where('email_confirmed_at', 'is', null)
      .execute();
    await audit(tx, { action: 'account.email_confirmed', subjectType: 'user', subjectId: userId, actorUserId: userId });
    return { cookie: await openSession(tx, { userId }), userId };
  });
}
