/** Proposals from the public: new until an editor accepts or declines them, once. */
import { AppError } from '../../../shared/errors.ts';

export const PROPOSAL_STATUSES = ['new', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Another editor accepted or declined the proposal first. */
export class ProposalAlreadyHandledError extends AppError {
  constructor(proposalId: number) {
    super('proposal_already_handled', 409, 'publishing.proposalAlreadyHandled', `proposal ${proposalId}`);
  }
}

/** A proposal is handled once: accepting or declining one that is no longer new is refused. */
export function assertProposalIsNew(proposal: { id: number; status: ProposalStatus }): void {
  if (proposal.status !== 'new') throw new ProposalAlreadyHandledError(proposal.id);
}
