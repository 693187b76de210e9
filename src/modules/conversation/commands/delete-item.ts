import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { setCredits } from '../../contributors/index.ts';
import { conversationPolicy } from '../policy.ts';
import { getItemState, type ItemType } from '../queries.ts';

/** An editor deletes a comment (with its replies), a response (and its credit) or a mention. */
export async function deleteItem(ctx: CommandContext, input: { type: ItemType; id: number }): Promise<void> {
  conversationPolicy.authorize(ctx.actor, 'moderate');
  await inTransaction(ctx, async (tx) => {
    const item = await getItemState(tx.db, input.type, input.id);
    if (!item) throw new NotFoundError();
    if (input.type === 'response') await setCredits(tx, { subject: { type: 'response', id: item.id }, credits: [], acceptedAt: null });
    if (input.type === 'comment') {
      // Replies go with their comment (the foreign key cascades on both databases; explicit for clarity).
      await tx.db.deleteFrom('comments').where('parent_id', '=', item.id).execute();
      await tx.db.deleteFrom('comments').where('id', '=', item.id).execute();
    } else if (input.type === 'response') {
      await tx.db.deleteFrom('responses').where('id', '=', item.id).execute();
    } else {
      await tx.db.deleteFrom('mentions').where('id', '=', item.id).execute();
    }
    await audit(tx, { action: `${input.type}.deleted`, subjectType: input.type, subjectId: item.id, data: { status: item.status, pieceId: item.piece_id } });
  });
}
