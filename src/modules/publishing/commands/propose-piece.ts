import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { emit } from '../../../outbox/index.ts';
import { audit } from '../../audit/index.ts';
import { notifyEditorsOfProposal, sendProposalReceipt } from '../effects.ts';

export interface ProposalInput {
  name: string;
  email: string;
  title: string;
  pitch: string;
  draft: string;
  language: Lang;
  /** The language of the page the proposal was sent from: the receipt is written in it. */
  uiLang: Lang;
}

/**
 * A member of the public proposes a piece: it lands in the editors' queue, the proposer gets a
 * confirmation and the editors a notice. The proposer's email stays private.
 */
export async function proposePiece(ctx: CommandContext, input: ProposalInput): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const { id } = await tx.db
      .insertInto('proposals')
      .values({
        name: input.name,
        email: input.email,
        title: input.title,
        pitch: input.pitch,
        draft_md: input.draft,
        language: input.language,
        status: 'new',
        piece_id: null,
        created_at: tx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'proposal.received', subjectType: 'proposal', subjectId: id });
    await emit(tx, sendProposalReceipt, { proposalId: id, lang: input.uiLang }, { key: id });
    await emit(tx, notifyEditorsOfProposal, { proposalId: id }, { key: id });
    return id;
  });
}
