import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';

/** An editor has read a contact message (it moves below the unread ones). */
export async function markMessageRead(ctx: CommandContext, input: { messageId: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const result = await tx.db.updateTable('messages').set({ read_at: tx.now.toISOString() }).where('id', '=', input.messageId).where('read_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) await audit(tx, { action: 'message.read', subjectType: 'message', subjectId: input.messageId });
  });
}
