import { randomUUID } from 'node:crypto';
import { emit } from '../../../outbox/index.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { audit } from '../../audit/index.ts';
import { sendAccountExists, sendConfirmation } from '../effects.ts';
import { hashPassword } from '../password.ts';
import { getUserIdByEmail } from '../queries.ts';

export interface SignUpInput {
  email: string;
  displayName: string;
  password: string;
  lang: Lang;
}

/**
 * Creates a member account waiting for email confirmation and emits the confirmation email. An
 * address already registered gets a "you already have an account" email instead, so the form
 * never reveals who is registered. Returns the new account, or null when the address was taken.
 */
export async function signUp(ctx: CommandContext, input: SignUpInput): Promise<{ userId: number } | null> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const existing = await getUserIdByEmail(tx.db, input.email);
    if (existing !== null) {
      // Every attempt gets its email, as a fresh one: no key from the request makes two attempts one.
      await emit(tx, sendAccountExists, { userId: existing, lang: input.lang }, { key: randomUUID() });
      return null;
    }
    const { id } = await tx.db
      .insertInto('users')
      .values({
        email: input.email,
        password_hash: passwordHash,
        display_name: input.displayName,
        role: 'member',
        email_confirmed_at: null,
        contributor_id: null,
        locale: input.lang,
        created_at: tx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The person signing up is nobody yet: the entry names the account they just created.
    await audit(tx, { action: 'account.signed_up', subjectType: 'user', subjectId: id, actorUserId: id });
    await emit(tx, sendConfirmation, { userId: id, lang: input.lang }, { key: id });
    return { userId: id };
  });
}
