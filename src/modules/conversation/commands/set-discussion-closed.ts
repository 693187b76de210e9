import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { listPublicPieces } from '../../publishing/index.ts';
import { conversationPolicy } from '../policy.ts';

/** An editor closes a piece's comments and responses (what was published stays) or opens them again. */
export async function setDiscussionClosed(ctx: CommandContext, input: { pieceId: number; closed: boolean }): Promise<{ slug: string }> {
  const actor = conversationPolicy.authorize(ctx.actor, 'moderate');
  return inTransaction(ctx, async (tx) => {
    const [piece] = await listPublicPieces(tx.db, tx.now, { ids: [input.pieceId], limit: 1 });
    if (!piece) throw new NotFoundError();
    if (input.closed) {
      await tx.db
        .insertInto('closed_discussions')
        .values({ piece_id: piece.id, closed_by: actor.id, closed_at: tx.now.toISOString() })
        .onConflict((oc) => oc.column('piece_id').doNothing())
        .execute();
    } else {
      await tx.db.deleteFrom('closed_discussions').where('piece_id', '=', piece.id).execute();
    }
    await audit(tx, { action: input.closed ? 'discussion.closed' : 'discussion.opened', subjectType: 'piece', subjectId: piece.id });
    return { slug: piece.slug };
  });
}
