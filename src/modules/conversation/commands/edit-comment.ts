import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { renderCommentMarkdown } from '../comment-markdown.ts';
import { storableText } from '../domain/text.ts';
import { conversationPolicy } from '../policy.ts';

/** An editor corrects a comment (a broken link, an insult to remove); its status is unchanged. */
export async function editComment(ctx: CommandContext, input: { id: number; name: string; website: string | null; body: string }): Promise<{ pieceId: number }> {
  const actor = conversationPolicy.authorize(ctx.actor, 'moderate');
  input = { ...input, name: storableText(input.name), body: storableText(input.body) };
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .updateTable('comments')
      .set({ author_name: input.name, author_website: input.website, body_md: input.body, body_html: renderCommentMarkdown(input.body), moderated_by: actor.id, updated_at: tx.now.toISOString() })
      .where('id', '=', input.id)
      .returning('piece_id')
      .executeTakeFirst();
    if (!row) throw new NotFoundError();
    await audit(tx, { action: 'comment.edited', subjectType: 'comment', subjectId: input.id });
    return { pieceId: row.piece_id };
  });
}
