import type { Role } from '../../../shared/actor.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { EmailTakenError } from '../errors.ts';
import { hashPassword } from '../password.ts';
import { getUserIdByEmail } from '../queries.ts';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  contributorId?: number | null;
  /** A hash computed beforehand (the test factories hash one password once). */
  passwordHash?: string;
}

/** Creates a confirmed account directly (the CLI's first admin, the demo team, tests); returns its id. */
export async function createUser(ctx: CommandContext, input: NewUser): Promise<number> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return inTransaction(ctx, async (tx) => {
    if ((await getUserIdByEmail(tx.db, email)) !== null) throw new EmailTakenError();
    const { id } = await tx.db
      .insertInto('users')
      .values({
        email,
        password_hash: passwordHash,
        display_name: input.displayName,
        role: input.role,
        email_confirmed_at: tx.now.toISOString(),
        contributor_id: input.contributorId ?? null,
        locale: 'fr',
        created_at: tx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'account.created', subjectType: 'user', subjectId: id, data: { role: input.role } });
    return id;
  });
}
