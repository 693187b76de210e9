import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { hashSecretToken, newSecretToken } from '../secret-token.ts';

export const SESSION_LIFETIME_MS = 30 * 24 * 3600 * 1000;

/** Opens a server-side session (shared by every app instance); returns the cookie value. */
export async function openSession(ctx: CommandContext, input: { userId: number }): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const { token, hash } = newSecretToken();
    await tx.db
      .insertInto('sessions')
      .values({
        id_hash: hash,
        user_id: input.userId,
        created_at: tx.now.toISOString(),
        expires_at: new Date(tx.now.getTime() + SESSION_LIFETIME_MS).toISOString(),
      })
      .execute();
    // Expired sessions are swept here rather than by a scheduler: cheap, and one less moving part.
    await tx.db.deleteFrom('sessions').where('expires_at', '<=', tx.now.toISOString()).execute();
    return token;
  });
}

/** Logging out: the session behind this cookie ends. */
export async function closeSession(ctx: CommandContext, input: { cookie: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom('sessions').where('id_hash', '=', hashSecretToken(input.cookie)).execute();
  });
}

/** Every session of an account ends (after a password reset). */
export async function closeAllSessions(ctx: CommandContext, input: { userId: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom('sessions').where('user_id', '=', input.userId).execute();
  });
}
