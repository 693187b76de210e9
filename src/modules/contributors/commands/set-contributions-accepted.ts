import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';

/**
 * Accepts (or, with null, withdraws) every contribution to a subject: its piece is published, its
 * talk announced. The registry counts accepted contributions only, once their date has come.
 */
export async function setContributionsAccepted(
  ctx: CommandContext,
  input: { subject: { type: string; id: number }; acceptedAt: string | null },
): Promise<void> {
  const { subject, acceptedAt } = input;
  await inTransaction(ctx, async (tx) => {
    const result = await tx.db
      .updateTable('contributions')
      .set({ accepted_at: acceptedAt })
      .where('subject_type', '=', subject.type)
      .where('subject_id', '=', subject.id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return;
    await audit(tx, {
      action: acceptedAt === null ? 'contributions.withdrawn' : 'contributions.accepted',
      subjectType: subject.type,
      subjectId: subject.id,
      data: { acceptedAt },
    });
  });
}
