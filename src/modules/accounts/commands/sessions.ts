import type { Executor } from '../../../db/database.ts';
import { hashSecretToken, newSecretToken } from '../secret-token.ts';

export const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;

/** Opens a server-side session (shared by every app instance); returns the cookie value. */
export async function openSession(trx: Executor, userId: number, now: Date): Promise<string> {
  const { token, hash } = newSecretToken();
  await trx
    .insertInto('sessions')
    .values({
      id_hash: hash,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
    })
    .execute();
  // Expired sessions are swept here rather than by a scheduler: cheap, and one less moving part.
  await trx.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  return token;
}

export async function closeSession(trx: Executor, cookieValue: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id_hash', '=', hashSecretToken(cookieValue)).execute();
}

export async function closeAllSessions(trx: Executor, userId: number): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
