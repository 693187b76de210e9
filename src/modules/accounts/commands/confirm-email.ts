import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { InvalidLinkError } from '../errors.ts';
import { consumeToken } from './issue-token.ts';
import { openSession } from './sessions.ts';

/**
 * Confirms the address behind a link (posted from the page the link opens: a GET changes nothing,
 * so neither a mail scanner nor a page of someone else's can use the link). It logs the person in
 * only when asked, and the route asks only when nobody is logged in on that browser: a link can
 * never switch someone into another account. Returns the session cookie when it opened one.
 */
export async function confirmEmail(ctx: CommandContext, input: { token: string; logIn: boolean }): Promise<{ cookie: string | null; userId: number }> {
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
    return { cookie: input.logIn ? await openSession(tx, { userId }) : null, userId };
  });
}
