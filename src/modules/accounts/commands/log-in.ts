import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';
import { UNMATCHABLE_HASH, verifyPassword } from '../password.ts';
import { getUserForLogin } from '../queries.ts';
import { openSession } from './sessions.ts';

export class InvalidCredentialsError extends AppError {
  constructor() {
    super('invalid_credentials', 401, 'accounts.invalidCredentials');
  }
}

export class EmailNotConfirmedError extends AppError {
  constructor() {
    super('email_not_confirmed', 403, 'accounts.emailNotConfirmed');
  }
}

/** Checks the password (in constant work whether or not the email exists) and opens a session. */
export async function logIn(deps: { db: Db; now: Date }, input: { email: string; password: string }) {
  const user = await getUserForLogin(deps.db, input.email);
  const ok = await verifyPassword(input.password, user?.password_hash ?? UNMATCHABLE_HASH);
  if (!user || !ok) throw new InvalidCredentialsError();
  if (!user.email_confirmed_at) throw new EmailNotConfirmedError();
  return deps.db.transaction().execute(async (trx) => {
    const cookie = await openSession(trx, user.id, deps.now);
    await recordEvent(trx, { actorUserId: user.id, action: 'account.logged_in', subjectType: 'user', subjectId: user.id, now: deps.now });
    return { cookie, userId: user.id };
  });
}
