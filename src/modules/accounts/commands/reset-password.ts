import type { Db } from '../../../db/database.ts';
import { translator, type Lang } from '../../../shared/i18n/index.ts';
import type { Mailer } from '../../../shared/mailer.ts';
import { recordEvent } from '../../audit/index.ts';
import { hashPassword } from '../password.ts';
import { InvalidLinkError } from './confirm-email.ts';
import { consumeToken, issueToken } from './issue-token.ts';
import { closeAllSessions, openSession } from './sessions.ts';

/** Sends a reset link if the address has an account; says nothing either way. */
export async function requestPasswordReset(
  deps: { db: Db; mailer: Mailer; baseUrl: string; now: Date },
  input: { email: string; lang: Lang },
) {
  const token = await deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id']).where('email', '=', input.email).executeTakeFirst();
    if (!user) return null;
    await recordEvent(trx, { actorUserId: null, action: 'account.reset_requested', subjectType: 'user', subjectId: user.id, now: deps.now });
    return issueToken(trx, user.id, 'reset_password', deps.now);
  });
  if (!token) return;
  const t = translator(input.lang);
  await deps.mailer.send({
    to: input.email,
    subject: t('mail.reset.subject'),
    text: t('mail.reset.body', { link: `${deps.baseUrl}/account/reset/${token}` }),
  });
}

/** Sets a new password from a reset link, closes every other session, and logs the person in. */
export async function resetPassword(deps: { db: Db; now: Date }, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const userId = await consumeToken(trx, input.token, 'reset_password', deps.now);
    if (userId === null) throw new InvalidLinkError();
    // Following the link proves the address too.
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', userId)
      .execute();
    await trx
      .updateTable('users')
      .set({ email_confirmed_at: deps.now.toISOString() })
      .where('id', '=', userId)
      .where('email_confirmed_at', 'is', null)
      .execute();
    await closeAllSessions(trx, userId);
    await recordEvent(trx, { actorUserId: userId, action: 'account.password_reset', subjectType: 'user', subjectId: userId, now: deps.now });
    return { cookie: await openSession(trx, userId, deps.now) };
  });
}
