import type { TokensTable } from '../../../db/schema.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { hashSecretToken, newSecretToken } from '../secret-token.ts';

export type TokenPurpose = TokensTable['purpose'];

const LIFETIME_MS: Record<TokenPurpose, number> = {
  confirm_email: 3 * 24 * 3600 * 1000,
  reset_password: 3600 * 1000,
  change_email: 24 * 3600 * 1000,
};

/**
 * Issues a single-use link token and returns it in clear, for the email about to be sent; only
 * its hash is stored. Called when the email is delivered, so no secret ever waits in the outbox.
 */
export async function issueToken(ctx: CommandContext, input: { userId: number; purpose: TokenPurpose }): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const { token, hash } = newSecretToken();
    await tx.db
      .insertInto('tokens')
      .values({
        token_hash: hash,
        user_id: input.userId,
        purpose: input.purpose,
        expires_at: new Date(tx.now.getTime() + LIFETIME_MS[input.purpose]).toISOString(),
        used_at: null,
        created_at: tx.now.toISOString(),
      })
      .execute();
    return token;
  });
}

/** Marks a valid, unused, unexpired token used and returns its user; null otherwise. */
export async function consumeToken(ctx: CommandContext, input: { token: string; purpose: TokenPurpose }): Promise<number | null> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('tokens')
      .set({ used_at: tx.now.toISOString() })
      .where('token_hash', '=', hashSecretToken(input.token))
      .where('purpose', '=', input.purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', tx.now.toISOString())
      .returning('user_id')
      .executeTakeFirst();
    return row ? row.user_id : null;
  });
}
