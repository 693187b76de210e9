import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { translator } from '../../../shared/i18n/index.ts';
import type { Mailer } from '../../../shared/mailer.ts';
import { can } from '../../accounts/index.ts';
import { recordEvent } from '../../audit/index.ts';
import { setContributionsAccepted } from '../../contributors/index.ts';
import { nextStatus, type WorkflowAction } from '../domain/workflow.ts';
import { isPieceOwner } from '../queries.ts';

export interface TransitionInput {
  pieceId: number;
  action: WorkflowAction;
  /** Required to reject: the editor's feedback to the author. */
  feedback?: string;
  /** Publication date; in the future, the piece is scheduled. Defaults to now. */
  publishAt?: Date;
}

/**
 * Moves a piece through the workflow. Publishing accepts its credits in the contributors
 * registry; rejecting sends the editor's feedback to the person who proposed or wrote it.
 */
export async function transitionPiece(
  deps: { db: Db; actor: Actor; now: Date; mailer: Mailer; baseUrl: string },
  input: TransitionInput,
): Promise<void> {
  const { actor, now } = deps;
  if (input.action === 'reject' && !input.feedback?.trim()) throw new ValidationError({ feedback: 'publishing.feedbackRequired' });
  const notify = await deps.db.transaction().execute(async (trx) => {
    const piece = await trx.selectFrom('pieces').select(['id', 'status', 'title', 'created_by', 'proposal_id']).where('id', '=', input.pieceId).executeTakeFirst();
    if (!piece) throw new NotFoundError();
    const isOwner = await isPieceOwner(trx, piece.id, actor);
    const to = nextStatus(piece.status, input.action, { isEditor: can(actor, 'publish:piece'), isOwner });
    const publishedAt = input.action === 'publish' ? (input.publishAt ?? now).toISOString() : input.action === 'withdraw' ? null : undefined;
    // The status is checked again in the update, so two editors acting at once cannot both move it.
    const result = await trx
      .updateTable('pieces')
      .set({
        status: to,
        updated_at: now.toISOString(),
        ...(publishedAt !== undefined ? { published_at: publishedAt } : {}),
        ...(input.action === 'reject' ? { review_feedback: input.feedback!.trim() } : {}),
        ...(input.action === 'publish' ? { review_feedback: null } : {}),
      })
      .where('id', '=', piece.id)
      .where('status', '=', piece.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ValidationError({ action: 'errors.conflict' });
    if (publishedAt !== undefined) await setContributionsAccepted(trx, { type: 'piece', id: piece.id }, publishedAt);
    await recordEvent(trx, {
      actorUserId: actor.id,
      action: `piece.${input.action}`,
      subjectType: 'piece',
      subjectId: piece.id,
      data: { from: piece.status, to, ...(publishedAt ? { publishedAt } : {}), ...(input.feedback ? { feedback: input.feedback } : {}) },
      now,
    });
    if (input.action !== 'reject') return null;
    // Who hears about the decision: the proposer (by their private email) or the account that wrote it.
    if (piece.proposal_id !== null) {
      const proposal = await trx.selectFrom('proposals').select(['email', 'language']).where('id', '=', piece.proposal_id).executeTakeFirst();
      if (proposal) return { email: proposal.email, lang: proposal.language, title: piece.title };
    }
    if (piece.created_by !== null) {
      const user = await trx.selectFrom('users').select(['email', 'locale']).where('id', '=', piece.created_by).executeTakeFirst();
      if (user) return { email: user.email, lang: user.locale, title: piece.title };
    }
    return null;
  });
  if (notify) {
    const t = translator(notify.lang as Lang);
    await deps.mailer.send({
      to: notify.email,
      subject: t('mail.rejected.subject', { title: notify.title }),
      text: t('mail.rejected.body', { title: notify.title, feedback: input.feedback!.trim() }),
    });
  }
}
