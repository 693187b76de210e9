import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { renderMarkdown } from '../../../shared/markdown.ts';
import { slugAlternatives, slugify } from '../../../shared/slug.ts';
import { audit } from '../../audit/index.ts';
import { createContributor, findOrCreateContributorByEmail, setCredits } from '../../contributors/index.ts';
import { assertProposalIsNew, ProposalAlreadyHandledError } from '../domain/proposals.ts';
import type { PieceSnapshot } from '../domain/revision.ts';
import { takenSlugsLike } from '../queries.ts';
import { getProposal } from '../queries/proposals.ts';
import { writeRevision } from './write-revision.ts';

/**
 * An editor takes a proposal into the workflow: the proposer becomes a contributor, and a
 * submitted piece credited to them enters the queue. Returns its id.
 *
 * The proposer is matched to an existing profile by their private email only once they have
 * confirmed that address (the link in their receipt): anyone can type anyone's address into the
 * public form. Until then they get a profile of their own; confirming later moves the credit
 * to the profile that address belongs to (confirmProposalEmail).
 */
export async function acceptProposal(ctx: CommandContext, input: { proposalId: number }): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const proposal = await getProposal(tx.db, input.proposalId);
    if (!proposal) throw new NotFoundError();
    assertProposalIsNew(proposal);
    const contributorId = proposal.email_confirmed_at
      ? await findOrCreateContributorByEmail(tx, { name: proposal.name, email: proposal.email })
      : (await createContributor(tx, { name: proposal.name, bio: '', links: [], email: null })).id;
    const base = slugify(proposal.title) || 'proposal';
    const taken = await takenSlugsLike(tx.db, base);
    const slug = taken.has(base) ? slugAlternatives(base, taken, 1)[0]! : base;
    const snapshot: PieceSnapshot = {
      kind: 'article',
      title: proposal.title,
      slug,
      summary: proposal.pitch.slice(0, 500),
      body_md: proposal.draft_md || proposal.pitch,
      language: proposal.language,
      licence: 'CC-BY-SA-4.0',
      cover_media_id: null,
      cover_alt: '',
      themes: [],
      credits: [{ contributorId, kind: 'author' }],
    };
    const { themes: _, credits, ...fields } = snapshot;
    const { id } = await tx.db
      .insertInto('pieces')
      .values({
        ...fields,
        body_html: renderMarkdown(fields.body_md),
        status: 'submitted',
        published_at: null,
        review_feedback: null,
        proposal_id: proposal.id,
        created_by: null,
        created_at: tx.now.toISOString(),
        updated_at: tx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setCredits(tx, { subject: { type: 'piece', id }, credits, acceptedAt: null });
    await writeRevision(tx, { pieceId: id, snapshot, note: `proposal #${proposal.id}` });
    // The status is checked again in the update, so two editors handling it at once cannot both succeed.
    const result = await tx.db.updateTable('proposals').set({ status: 'accepted', piece_id: id, contributor_id: contributorId }).where('id', '=', proposal.id).where('status', '=', 'new').executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ProposalAlreadyHandledError(proposal.id);
    await audit(tx, { action: 'proposal.accepted', subjectType: 'proposal', subjectId: proposal.id, data: { pieceId: id } });
    return id;
  });
}
