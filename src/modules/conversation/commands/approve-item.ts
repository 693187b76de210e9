import { inTransaction, type CommandContext, type TxContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { findOrCreateContributorByEmail, setCredits } from '../../contributors/index.ts';
import { RESPONSE_CONTRIBUTION_KIND } from '../domain/statuses.ts';
import { notifyAuthorsOfComment } from '../effects.ts';
import { conversationPolicy } from '../policy.ts';
import { getItemState, type ItemType } from '../queries.ts';

async function trust(tx: TxContext, commenterId: number): Promise<void> {
  await tx.db.updateTable('commenters').set({ trusted_at: tx.now.toISOString() }).where('id', '=', commenterId).where('trusted_at', 'is', null).execute();
}

/**
 * An editor approves what waited (or was wrongly taken for spam). A comment is published and its
 * author trusted — their next comments publish at once — and the piece's authors are told. A
 * response is published and credits its author in the contributors registry (a profile is made
 * for them from their private email when they have none). A mention is shown.
 */
export async function approveItem(ctx: CommandContext, input: { type: ItemType; id: number }): Promise<void> {
  const actor = conversationPolicy.authorize(ctx.actor, 'moderate');
  await inTransaction(ctx, async (tx) => {
    const item = await getItemState(tx.db, input.type, input.id);
    if (!item) throw new NotFoundError();
    if (item.status === 'published') return;
    const at = tx.now.toISOString();
    if (input.type === 'comment') {
      await tx.db.updateTable('comments').set({ status: 'published', published_at: at, moderated_by: actor.id, updated_at: at }).where('id', '=', item.id).execute();
      await trust(tx, item.commenter_id!);
      await emit(tx, notifyAuthorsOfComment, { commentId: item.id }, { key: item.id });
    } else if (input.type === 'response') {
      const contributorId = await findOrCreateContributorByEmail(tx, { name: item.author_name, email: item.email! });
      await tx.db.updateTable('responses').set({ status: 'published', published_at: at, moderated_by: actor.id, contributor_id: contributorId, updated_at: at }).where('id', '=', item.id).execute();
      await setCredits(tx, { subject: { type: 'response', id: item.id }, credits: [{ contributorId, kind: RESPONSE_CONTRIBUTION_KIND }], acceptedAt: at });
      await trust(tx, item.commenter_id!);
    } else {
      await tx.db.updateTable('mentions').set({ status: 'published', updated_at: at }).where('id', '=', item.id).execute();
    }
    await audit(tx, { action: `${input.type}.approved`, subjectType: input.type, subjectId: item.id, data: { from: item.status } });
  });
}
