import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { listPublicPieces } from '../../publishing/index.ts';
import { renderCommentMarkdown } from '../comment-markdown.ts';
import { countLinks, fillTimeOk, moderate } from '../domain/moderation.ts';
import { storableText } from '../domain/text.ts';
import { notifyAuthorsOfComment } from '../effects.ts';
import { DiscussionClosedError, TooFastError } from '../errors.ts';
import { getConversationSettings, getReplyTarget, isDiscussionClosed } from '../queries.ts';
import { findOrCreateCommenter } from './find-or-create-commenter.ts';

export interface CommentInput {
  pieceId: number;
  /** The published top-level comment this one answers; null for a new thread. */
  parentId: number | null;
  name: string;
  /** Private: never shown. */
  email: string;
  website: string | null;
  body: string;
  /** When the form was shown (ms, from its signed stamp); null when the stamp was missing or forged. */
  shownAt: number | null;
  /** More links than this: held (COMMENT_MAX_LINKS). */
  maxLinks: number;
}

/**
 * A reader comments on a published piece. The moderation rules decide whether it shows at once
 * (an approved commenter) or waits for an editor (a first comment, too many links, a blocklisted
 * word); a published comment is announced to the piece's authors through the outbox.
 */
export async function postComment(ctx: CommandContext, input: CommentInput): Promise<{ id: number; status: 'held' | 'published' }> {
  if (input.shownAt === null || !fillTimeOk(input.shownAt, ctx.now.getTime())) throw new TooFastError();
  input = { ...input, name: storableText(input.name), body: storableText(input.body), website: input.website === null ? null : storableText(input.website) };
  return inTransaction(ctx, async (tx) => {
    const [piece] = await listPublicPieces(tx.db, tx.now, { ids: [input.pieceId], limit: 1 });
    if (!piece) throw new NotFoundError();
    if (await isDiscussionClosed(tx.db, piece.id)) throw new DiscussionClosedError();
    if (input.parentId !== null) {
      const parent = await getReplyTarget(tx.db, piece.id, input.parentId);
      // One level of replies: an answer to a reply joins its thread.
      if (!parent) throw new ValidationError({ body: 'conversation.replyGone' });
      if (parent.parent_id !== null) input = { ...input, parentId: parent.parent_id };
    }
    const settings = await getConversationSettings(tx.db);
    const commenter = await findOrCreateCommenter(tx, { email: input.email });
    const html = renderCommentMarkdown(input.body);
    const decision = moderate(
      { kind: 'comment', text: [input.name, input.website ?? '', input.body].join('\n'), links: countLinks(html), trusted: commenter.trusted },
      { maxLinks: input.maxLinks, blocklist: settings.blocklist },
    );
    const at = tx.now.toISOString();
    const { id } = await tx.db
      .insertInto('comments')
      .values({
        piece_id: piece.id,
        parent_id: input.parentId,
        commenter_id: commenter.id,
        author_name: input.name,
        author_website: input.website,
        body_md: input.body,
        body_html: html,
        status: decision.status,
        held_reason: decision.reason,
        published_at: decision.status === 'published' ? at : null,
        moderated_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'comment.posted', subjectType: 'comment', subjectId: id, data: { pieceId: piece.id, status: decision.status, reason: decision.reason } });
    if (decision.status === 'published') await emit(tx, notifyAuthorsOfComment, { commentId: id }, { key: id });
    return { id, status: decision.status };
  });
}
