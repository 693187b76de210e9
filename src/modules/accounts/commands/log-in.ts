import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { EmailNotConfirmedError, InvalidCredentialsError } from '../errors.ts';
import { UNMATCHABLE_HASH, verifyPassword } from '../password.ts';
import { getUserForLogin } from '../queries.ts';
import { openSession } from './sessions.ts';

/** Checks the password (in constant work whether or not the email exists) and opens a session. */
export async function logIn(ctx: CommandContext, input: { email: string; password: string }): Promise<{ cookie: string; userId: number }> {
  // The slow hash is checked before the transaction opens, so no connection waits on it.
  const user = await getUserForLogin(ctx.db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? UNMATCHABLE_HASH);
  if (!user || !ok) throw new InvalidCredentialsError();
  if (!user.email_confirmed_at) throw new EmailNotConfirmedError();
  return inTransaction(ctx, async (tx) => {
    const cookie = await openSession(tx, { userId: user.id });
    await audit(tx, { action: 'account.logged_in', subjectType: 'user', subjectId: user.id, actorUserId: user.id });
    return { cookie, userId: user.id };
  });
}
