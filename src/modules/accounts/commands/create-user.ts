import type { Db } from '../../../db/database.ts';
import type { Role } from '../../../db/schema.ts';
import { AppError } from '../../../shared/errors.ts';
import { recordEvent } from '../../audit/index.ts';
import { hashPassword } from '../password.ts';

export class EmailTakenError extends AppError {
  constructor() {
    super('email_taken', 409, 'accounts.emailTaken');
  }
}

/** Creates a confirmed account directly (the CLI's first admin, the demo team, tests). */
export async function createUser(
  deps: { db: Db; now: Date },
  input: { email: string; displayName: string; password: string; role: Role; contributorId?: number | null; passwordHash?: string },
): Promise<number> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw new EmailTakenError();
    const { id } = await trx
      .insertInto('users')
      .values({
        email,
        password_hash: passwordHash,
        display_name: input.displayName,
        role: input.role,
        email_confirmed_at: deps.now.toISOString(),
        contributor_id: input.contributorId ?? null,
        locale: 'fr',
        created_at: deps.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { actorUserId: null, action: 'account.created', subjectType: 'user', subjectId: id, data: { role: input.role }, now: deps.now });
    return id;
  });
}

/** An admin changes a person's role and the contributor profile their account speaks for. */
export async function updateUserRole(
  deps: { db: Db; now: Date; actorId: number },
  input: { userId: number; role: Role; contributorId: number | null },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ role: input.role, contributor_id: input.contributorId })
      .where('id', '=', input.userId)
      .execute();
    await recordEvent(trx, {
      actorUserId: deps.actorId,
      action: 'account.role_changed',
      subjectType: 'user',
      subjectId: input.userId,
      data: { role: input.role, contributorId: input.contributorId },
      now: deps.now,
    });
  });
}
