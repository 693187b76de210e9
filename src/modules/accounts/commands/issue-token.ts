import type { Executor } from '../../../db/database.ts';
import type { TokensTable } from '../../../db/schema.ts';
import { hashSecretToken, newSecretToken } from '../secret-token.ts';

const LIFETIME_MS: Record<TokensTable['purpose'], number> = {
  confirm_email: 3 * 24 * 3600 * 1000,
  reset_password: 3600 * 1000,
};

/** Issues a single-use link token; returns the clear token for the email, stores only its hash. */
export async function issueToken(trx: Executor, userId: number, purpose: TokensTable['purpose'], now: Date) {
  const { token, hash } = newSecretToken();
  await trx
    .insertInto('tokens')
    .values({
      token_hash: hash,
      user_id: userId,
      purpose,
      expires_at: new Date(now.getTime() + LIFETIME_MS[purpose]).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return token;
}

/** Marks a valid, unused, unexpired token used and returns its user; null otherwise. */
export async function consumeToken(trx: Executor, token: string, purpose: TokensTable['purpose'], now: Date) {
  const hash = hashSecretToken(token);
  const row = await trx
    .updateTable('tokens')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning('user_id')
    .executeTakeFirst();
  return row ? row.user_id : null;
}
