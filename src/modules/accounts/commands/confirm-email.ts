import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';
import { consumeToken } from './issue-token.ts';
import { openSession } from './sessions.ts';

export class InvalidLinkError extends AppError {
  constructor() {
    super('invalid_link', 400, 'accounts.invalidLink');
  }
}

/** Confirms the address behind a link and logs the person in. */
export async function confirmEmail(deps: { db: Db; now: Date }, token: string) {
  return deps.db.transaction().execute(async (trx) => {
    const userId = await consumeToken(trx, token, 'confirm_email', deps.now);
    if (userId === null) throw new InvalidLinkError();
    await trx
      .updateTable('users')
      .set({ email_confirmed_at: deps.now.toISOString() })
      .where('id', '=', userId)
      .where('email_confirmed_at', 'is', null)
      .execute();
    await recordEvent(trx, { actorUserId: userId, action: 'account.email_confirmed', subjectType: 'user', subjectId: userId, now: deps.now });
    return { cookie: await openSession(trx, userId, deps.now) };
  });
}
