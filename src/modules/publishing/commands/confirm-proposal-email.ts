import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { claimProfileByEmail } from '../../contributors/index.ts';
import { getProposal } from '../queries/proposals.ts';

/**
 * The proposer followed the link sent to their address: it is theirs. An accepted proposal's
 * credit then moves to the profile the registry has for that address, if any. Idempotent.
 */
export async function confirmProposalEmail(ctx: CommandContext, input: { proposalId: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const proposal = await getProposal(tx.db, input.proposalId);
    if (!proposal) throw new NotFoundError();
    if (proposal.email_confirmed_at) return;
    await tx.db.updateTable('proposals').set({ email_confirmed_at: tx.now.toISOString() }).where('id', '=', proposal.id).execute();
    await audit(tx, { action: 'proposal.email_confirmed', subjectType: 'proposal', subjectId: proposal.id });
    if (proposal.status === 'accepted' && proposal.contributor_id !== null) {
      const holder = await claimProfileByEmail(tx, { profileId: proposal.contributor_id, email: proposal.email });
      if (holder !== proposal.contributor_id) await tx.db.updateTable('proposals').set({ contributor_id: holder }).where('id', '=', proposal.id).execute();
    }
  });
}
