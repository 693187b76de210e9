import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';

/** Records, when its email is delivered, that a reset link is being sent to an account. */
export async function recordResetRequested(ctx: CommandContext, input: { userId: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await audit(tx, { action: 'account.reset_requested', subjectType: 'user', subjectId: input.userId, actorUserId: null });
  });
}
