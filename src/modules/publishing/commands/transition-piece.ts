import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { setContributionsAccepted } from '../../contributors/index.ts';
import { nextStatus, type WorkflowAction } from '../domain/workflow.ts';
import { pieceChanged, sendRejectionFeedback } from '../effects.ts';
import { publishingPolicy, workflowRole } from '../policy.ts';
import { getPieceState } from '../queries.ts';

export interface TransitionInput {
  pieceId: number;
  action: WorkflowAction;
  /** Required to reject: the editor's feedback to the author. */
  feedback?: string | undefined;
  /** Publication date; in the future, the piece is scheduled. Defaults to now. */
  publishAt?: Date | undefined;
}

/**
 * Moves a piece through the workflow. Publishing accepts its credits in the contributors
 * registry; rejecting sends the editor's feedback to the person who proposed or wrote it.
 */
export async function transitionPiece(ctx: CommandContext, input: TransitionInput): Promise<void> {
  const feedback = input.feedback?.trim() ?? '';
  if (input.action === 'reject' && !feedback) throw new ValidationError({ feedback: 'publishing.feedbackRequired' });
  await inTransaction(ctx, async (tx) => {
    const piece = await getPieceState(tx.db, input.pieceId);
    if (!piece) throw new NotFoundError();
    const actor = publishingPolicy.authorize(tx.actor, 'open', piece);
    const to = nextStatus(piece.status, input.action, workflowRole(actor, piece));
    const publishedAt = input.action === 'publish' ? (input.publishAt ?? tx.now).toISOString() : input.action === 'withdraw' ? null : undefined;
    // The status is checked again in the update, so two editors acting at once cannot both move it.
    const result = await tx.db
      .updateTable('pieces')
      .set({
        status: to,
        updated_at: tx.now.toISOString(),
        ...(publishedAt !== undefined ? { published_at: publishedAt } : {}),
        ...(input.action === 'reject' ? { review_feedback: feedback } : {}),
        ...(input.action === 'publish' ? { review_feedback: null } : {}),
      })
      .where('id', '=', piece.id)
      .where('status', '=', piece.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ValidationError({ action: 'errors.conflict' });
    if (publishedAt !== undefined) await setContributionsAccepted(tx, { subject: { type: 'piece', id: piece.id }, acceptedAt: publishedAt });
    await audit(tx, {
      action: `piece.${input.action}`,
      subjectType: 'piece',
      subjectId: piece.id,
      data: { from: piece.status, to, ...(publishedAt ? { publishedAt } : {}), ...(input.feedback ? { feedback: input.feedback } : {}) },
    });
    if (input.action === 'reject') await emit(tx, sendRejectionFeedback, { pieceId: piece.id, feedback }, { key: `${piece.id}:${tx.now.toISOString()}` });
    // Told once the piece is really out (a scheduled piece: at its publication time), or when it is withdrawn.
    if (input.action === 'publish' && publishedAt) {
      await emit(tx, pieceChanged, { pieceId: piece.id, change: 'published' }, { key: `${piece.id}:published:${tx.now.toISOString()}`, notBefore: new Date(publishedAt) });
    }
    if (input.action === 'withdraw' && piece.status === 'published') {
      await emit(tx, pieceChanged, { pieceId: piece.id, change: 'withdrawn' }, { key: `${piece.id}:withdrawn:${tx.now.toISOString()}` });
    }
  });
}
