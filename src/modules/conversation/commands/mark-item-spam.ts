import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { setCredits } from '../../contributors/index.ts';
import { conversationPolicy } from '../policy.ts';
import { getItemState, type ItemType } from '../queries.ts';

/**
 * An editor sets something aside as spam: it disappears from the site, its sender is no longer
 * trusted (their next comment waits again), and a response's credit is withdrawn.
 */
export async function markItemSpam(ctx: CommandContext, input: { type: ItemType; id: number }): Promise<void> {
  const actor = conversationPolicy.authorize(ctx.actor, 'moderate');
  await inTransaction(ctx, async (tx) => {
    const item = await getItemState(tx.db, input.type, input.id);
    if (!item) throw new NotFoundError();
    if (item.status === 'spam') return;
    const at = tx.now.toISOString();
    if (input.type === 'mention') {
      await tx.db.updateTable('mentions').set({ status: 'spam', updated_at: at }).where('id', '=', item.id).execute();
    } else {
      const table = input.type === 'comment' ? 'comments' : 'responses';
      await tx.db.updateTable(table).set({ status: 'spam', moderated_by: actor.id, updated_at: at }).where('id', '=', item.id).execute();
      await tx.db.updateTable('commenters').set({ trusted_at: null }).where('id', '=', item.commenter_id!).execute();
      if (input.type === 'response') await setCredits(tx, { subject: { type: 'response', id: item.id }, credits: [], acceptedAt: null });
    }
    await audit(tx, { action: `${input.type}.spam`, subjectType: input.type, subjectId: item.id, data: { from: item.status } });
  });
}
