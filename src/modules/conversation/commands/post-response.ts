import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { listPublicPieces } from '../../publishing/index.ts';
import { renderCommentMarkdown } from '../comment-markdown.ts';
import { countLinks, fillTimeOk, moderate } from '../domain/moderation.ts';
import { storableText } from '../domain/text.ts';
import { DiscussionClosedError, TooFastError } from '../errors.ts';
import { getConversationSettings, isDiscussionClosed } from '../queries.ts';
import { findOrCreateCommenter } from './find-or-create-commenter.ts';

export interface ResponseInput {
  pieceId: number;
  name: string;
  /** Private: never shown; the contributor profile created on approval keeps it, private too. */
  email: string;
  website: string | null;
  title: string;
  body: string;
  shownAt: number | null;
  maxLinks: number;
}

/**
 * A reader answers an open challenge. A response always waits for an editor — approving it makes
 * its author a contributor of the programme — and the same rules say why it waits.
 */
export async function postResponse(ctx: CommandContext, input: ResponseInput): Promise<{ id: number }> {
  if (input.shownAt === null || !fillTimeOk(input.shownAt, ctx.now.getTime())) throw new TooFastError();
  input = { ...input, name: storableText(input.name), title: storableText(input.title), body: storableText(input.body), website: input.website === null ? null : storableText(input.website) };
  return inTransaction(ctx, async (tx) => {
    const [piece] = await listPublicPieces(tx.db, tx.now, { ids: [input.pieceId], limit: 1 });
    if (!piece || piece.kind !== 'challenge') throw new NotFoundError();
    if (await isDiscussionClosed(tx.db, piece.id)) throw new DiscussionClosedError();
    const settings = await getConversationSettings(tx.db);
    const commenter = await findOrCreateCommenter(tx, { email: input.email });
    const html = renderCommentMarkdown(input.body);
    const decision = moderate(
      { kind: 'response', text: [input.name, input.website ?? '', input.title, input.body].join('\n'), links: countLinks(html), trusted: commenter.trusted },
      { maxLinks: input.maxLinks, blocklist: settings.blocklist },
    );
    const at = tx.now.toISOString();
    const { id } = await tx.db
      .insertInto('responses')
      .values({
        piece_id: piece.id,
        commenter_id: commenter.id,
        author_name: input.name,
        author_website: input.website,
        title: input.title,
        body_md: input.body,
        body_html: html,
        status: decision.status,
        held_reason: decision.reason,
        contributor_id: null,
        published_at: null,
        moderated_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'response.posted', subjectType: 'response', subjectId: id, data: { pieceId: piece.id, reason: decision.reason } });
    return { id };
  });
}
