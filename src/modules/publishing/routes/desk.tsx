/** The editors' desk for pieces and proposals (/editor). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { pageWindow } from '../../../shared/pagination.ts';
import { emptyForm } from '../../../shared/views/form-fields.tsx';
import { countUnreadMessages } from '../../pages/index.ts';
import { acceptProposal } from '../commands/accept-proposal.ts';
import { declineProposal } from '../commands/decline-proposal.ts';
import { PROPOSAL_STATUSES } from '../domain/proposals.ts';
import { publicationState, type PieceStatus } from '../domain/workflow.ts';
import { publishingPolicy } from '../policy.ts';
import { listPiecesByStatus, listPiecesForDesk, type EditorPieceRow } from '../queries.ts';
import { countProposals, getProposal, listProposals } from '../queries/proposals.ts';
import { declineSchema, deskPiecesQuery, deskProposalsQuery } from '../schemas.ts';
import { DashboardPage, DeskPiecesPage, ProposalPage, ProposalsPage } from '../views/editor-pages.tsx';
import { paramsOf, preload } from './preload.ts';

/** The groups of the desk's list of pieces, in the order editors work through them. */
const DESK_GROUPS: readonly PieceStatus[] = ['submitted', 'in_review', 'draft', 'rejected', 'published'];

export const deskRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const withState = (rows: EditorPieceRow[]) => {
    const now = deps.now();
    return rows.map((r) => ({ ...r, state: publicationState(r, now) }));
  };

  /** The proposal a desk URL names, for those who review proposals. */
  const reviewedProposal = preload(async (req) => {
    const actor = publishingPolicy.authorize(req.actor, 'reviewProposals');
    const proposal = await getProposal(db, paramsOf(idParams, req).id);
    if (!proposal) throw new NotFoundError();
    return { actor, proposal };
  });

  app.get('/editor', async (req, reply) => {
    publishingPolicy.authorize(req.actor, 'editAny');
    const [queue, published, proposals, unread] = await Promise.all([
      listPiecesByStatus(db, ['submitted', 'in_review']),
      listPiecesByStatus(db, ['published'], 100),
      countProposals(db, 'new'),
      countUnreadMessages(db),
    ]);
    const scheduled = withState(published).filter((p) => p.state === 'scheduled');
    return sendPage(reply, <DashboardPage ctx={viewContext(req, reply)} queue={withState(queue)} scheduled={scheduled} newProposals={proposals} unreadMessages={unread} />);
  });

  app.get('/editor/pieces', { schema: { querystring: deskPiecesQuery }, config: { authorize: (req) => publishingPolicy.authorize(req.actor, 'editAny') } }, async (req, reply) => {
    const ctx = viewContext(req, reply);
    const { status, q, page } = req.query;
    const pieces = await listPiecesForDesk(db, { status: status ?? null, q, window: pageWindow(page) });
    const tabs = [['', ctx.t('list.all')] as const, ...DESK_GROUPS.map((s) => [s, ctx.t(`status.${s}`)] as const)];
    return sendPage(reply, <DeskPiecesPage ctx={ctx} pieces={{ ...pieces, rows: withState(pieces.rows) }} status={status ?? ''} q={q} tabs={tabs} />);
  });

  app.get('/editor/proposals', { schema: { querystring: deskProposalsQuery }, config: { authorize: (req) => publishingPolicy.authorize(req.actor, 'reviewProposals') } }, async (req, reply) => {
    const ctx = viewContext(req, reply);
    const { status, q, page } = req.query;
    const proposals = await listProposals(db, { status, q, window: pageWindow(page) });
    const tabs = PROPOSAL_STATUSES.map((s) => [s, ctx.t(`proposal.status.${s}`)] as const);
    return sendPage(reply, <ProposalsPage ctx={ctx} proposals={proposals} status={status} q={q} tabs={tabs} />);
  });

  app.get('/editor/proposals/:id', { schema: { params: idParams } }, async (req, reply) => {
    publishingPolicy.authorize(req.actor, 'reviewProposals');
    const proposal = await getProposal(db, req.params.id);
    if (!proposal) throw new NotFoundError();
    return sendPage(reply, <ProposalPage ctx={viewContext(req, reply)} proposal={proposal} declineForm={emptyForm} />);
  });

  app.post(
    '/editor/proposals/:id/accept',
    // Another editor may have handled it first: back to the proposal, saying so.
    { schema: { params: idParams }, config: { back: (req) => `/editor/proposals/${idParams.parse(req.params).id}` } },
    async (req, reply) => {
      const actor = publishingPolicy.authorize(req.actor, 'reviewProposals');
      const pieceId = await acceptProposal({ db, actor, now: deps.now() }, { proposalId: req.params.id });
      return redirectWithFlash(req, reply, `/studio/pieces/${pieceId}`, 'proposal.accepted');
    },
  );

  // A message too long is shown on the form; a proposal another editor handled first sends the
  // editor back to it, saying so.
  const declineForm: FormRenderer = (req, reply, { form, error, status }) => {
    const { proposal } = reviewedProposal.of(req);
    if (error) return redirectWithFlash(req, reply, `/editor/proposals/${proposal.id}`, error.messageKey, 'error', error.params);
    return sendPage(reply, <ProposalPage ctx={viewContext(req, reply)} proposal={proposal} declineForm={form} />, status);
  };

  app.post(
    '/editor/proposals/:id/decline',
    { preValidation: reviewedProposal.preValidation, schema: { params: idParams, body: declineSchema }, config: { form: declineForm } },
    async (req, reply) => {
      const { actor, proposal } = reviewedProposal.of(req);
      await declineProposal({ db, actor, now: deps.now() }, { proposalId: proposal.id, message: req.body.message });
      return redirectWithFlash(req, reply, '/editor/proposals', 'proposal.declined');
    },
  );
};
