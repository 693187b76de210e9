import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { assertProposalIsNew, ProposalAlreadyHandledError } from '../domain/proposals.ts';
import { sendDeclineNotice } from '../effects.ts';
import { getProposal } from '../queries/proposals.ts';

/** An editor declines a proposal; the proposer is told, with the editor's message. */
export async function declineProposal(ctx: CommandContext, input: { proposalId: number; message: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const proposal = await getProposal(tx.db, input.proposalId);
    if (!proposal) throw new NotFoundError();
    assertProposalIsNew(proposal);
    const result = await tx.db.updateTable('proposals').set({ status: 'declined' }).where('id', '=', proposal.id).where('status', '=', 'new').executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ProposalAlreadyHandledError(proposal.id);
    await audit(tx, { action: 'proposal.declined', subjectType: 'proposal', subjectId: proposal.id });
    await emit(tx, sendDeclineNotice, { proposalId: proposal.id, message: input.message }, { key: proposal.id });
  });
}
