import type { Role } from '../../../shared/actor.ts';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { contributorExists } from '../../contributors/index.ts';
import { CannotDemoteSelfError } from '../errors.ts';
import { accountsPolicy } from '../policy.ts';

/**
 * An admin changes a person's role and the contributor profile their account speaks for. Refused
 * to anyone who does not manage accounts, and to an admin taking away their own admin role.
 */
export async function updateUserRole(ctx: CommandContext, input: { userId: number; role: Role; contributorId: number | null }): Promise<void> {
  const actor = accountsPolicy.authorize(ctx.actor, 'manageUsers');
  if (!accountsPolicy.can(actor, 'changeRole', input)) throw new CannotDemoteSelfError();
  await inTransaction(ctx, async (tx) => {
    if (!(await tx.db.selectFrom('users').select('id').where('id', '=', input.userId).executeTakeFirst())) throw new NotFoundError('user');
    if (input.contributorId !== null && !(await contributorExists(tx.db, input.contributorId))) throw new ValidationError({ contributorId: 'errors.invalid' });
    await tx.db.updateTable('users').set({ role: input.role, contributor_id: input.contributorId }).where('id', '=', input.userId).execute();
    await audit(tx, { action: 'account.role_changed', subjectType: 'user', subjectId: input.userId, data: { role: input.role, contributorId: input.contributorId } });
  });
}
