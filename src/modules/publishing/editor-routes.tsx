/** The writing space (/studio) and the editors' desk (/editor) for pieces and proposals. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Actor } from '../../shared/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import { parseLocalDateTime } from '../../shared/time.ts';
import { emptyForm, type FormState } from '../../shared/views/form-fields.tsx';
import { authorize, can } from '../accounts/index.ts';
import { listContributorOptions } from '../contributors/index.ts';
import { countUnreadMessages } from '../pages/index.ts';
import { acceptProposal, declineProposal } from './commands/proposals.ts';
import { restoreRevision } from './commands/restore-revision.ts';
import { savePiece, SlugTakenError } from './commands/save-piece.ts';
import { transitionPiece } from './commands/transition-piece.ts';
import { parseSnapshot } from './domain/revision.ts';
import { availableActions, canEditContent, publicationState, type WorkflowAction } from './domain/workflow.ts';
import {
  getPieceForEditing,
  getProposal,
  getRevision,
  isPieceOwner,
  listPiecesByStatus,
  listPiecesOfActor,
  listProposals,
  listRevisions,
  listThemes,
  type EditablePiece,
  type EditorPieceRow,
} from './queries.ts';
import { declineSchema, pieceSchema, transitionSchema } from './schemas.ts';
import { DashboardPage, PieceListPage, ProposalPage, ProposalsPage, RevisionPage, RevisionsPage } from './views/editor-pages.tsx';
import { PieceFormPage } from './views/piece-form.tsx';
import { PiecePage } from './views/piece-page.tsx';

function idParam(req: FastifyRequest, name = 'id'): number {
  const id = Number((req.params as Record<string, string>)[name]);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
  return id;
}

function formFromPiece(piece: EditablePiece): FormState {
  return {
    values: {
      kind: piece.kind,
      title: piece.title,
      slug: piece.slug,
      summary: piece.summary,
      body_md: piece.body_md,
      language: piece.language,
      licence: piece.licence,
      cover_alt: piece.cover_alt,
      themes: piece.themes.map((t) => String(t.id)),
      credit_contributor: piece.credits.map((c) => String(c.contributorId)),
      credit_role: piece.credits.map((c) => c.kind),
    },
    errors: {},
  };
}

export function editorPublishingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const withState = (rows: EditorPieceRow[]) => rows.map((r) => ({ ...r, state: publicationState(r, deps.now()) }));

  /** Loads a piece and the actor's relation to it; only its editors and owners may see it here. */
  async function loadForActor(req: FastifyRequest, actor: Actor) {
    const piece = await getPieceForEditing(db, idParam(req));
    if (!piece) throw new NotFoundError();
    const role = { isEditor: can(actor, 'edit:piece:any'), isOwner: await isPieceOwner(db, piece.id, actor) };
    if (!role.isEditor && !role.isOwner) throw new ForbiddenError('piece');
    return { piece, role };
  }

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    piece: EditablePiece | null,
    form: FormState,
    extra: { status?: number; slugSuggestions?: string[]; transitionErrors?: FormState } = {},
  ) {
    const role = { isEditor: can(actor, 'edit:piece:any'), isOwner: piece ? await isPieceOwner(db, piece.id, actor) : true };
    const [themes, contributors] = await Promise.all([listThemes(db), listContributorOptions(db)]);
    return sendPage(
      reply,
      <PieceFormPage
        ctx={viewContext(req, reply)}
        form={form}
        pieceId={piece?.id ?? null}
        state={piece ? publicationState(piece, deps.now()) : null}
        status={piece?.status ?? null}
        publishedAt={piece?.published_at ?? null}
        reviewFeedback={piece?.review_feedback ?? null}
        coverMediaId={piece?.cover_media_id ?? null}
        themes={themes}
        contributors={contributors}
        actions={piece ? availableActions(piece.status, role) : []}
        canEditContent={piece ? canEditContent(piece.status, role) : true}
        slugSuggestions={extra.slugSuggestions ?? []}
        transitionErrors={extra.transitionErrors}
      />,
      extra.status,
    );
  }

  async function handleSave(req: FastifyRequest, reply: FastifyReply, pieceId: number | undefined) {
    const actor = authorize(req, 'write:piece:own');
    const existing = pieceId ? (await loadForActor(req, actor)).piece : null;
    const { fields, files } = readForm(req);
    const result = validateForm(pieceSchema, fields);
    if (!result.ok) return renderForm(req, reply, actor, existing, result.form, { status: 422 });
    try {
      const { id } = await savePiece({ db, actor, now: deps.now() }, { ...result.data, id: pieceId, cover: files.cover });
      return redirectWithFlash(req, reply, `/studio/pieces/${id}`, 'piece.saved');
    } catch (error) {
      if (error instanceof ValidationError) {
        const suggestions = error instanceof SlugTakenError ? error.alternatives : [];
        return renderForm(req, reply, actor, existing, { values: fields, errors: error.fields }, { status: 422, slugSuggestions: suggestions });
      }
      throw error;
    }
  }

  app.get('/studio', async (req, reply) => {
    const actor = authorize(req, 'write:piece:own');
    const rows = withState(await listPiecesOfActor(db, actor));
    const ctx = viewContext(req, reply);
    return sendPage(reply, <PieceListPage ctx={ctx} title={ctx.t('nav.studio')} groups={[{ caption: ctx.t('studio.myPieces'), rows }]} />);
  });

  app.get('/studio/pieces/new', async (req, reply) => {
    const actor = authorize(req, 'write:piece:own');
    return renderForm(req, reply, actor, null, { values: { kind: 'article', language: req.lang, licence: 'CC-BY-SA-4.0' }, errors: {} });
  });

  app.post('/studio/pieces', async (req, reply) => handleSave(req, reply, undefined));

  app.get('/studio/pieces/:id', async (req, reply) => {
    const actor = authorize(req, 'write:piece:own');
    const { piece } = await loadForActor(req, actor);
    return renderForm(req, reply, actor, piece, formFromPiece(piece));
  });

  app.post('/studio/pieces/:id', async (req, reply) => handleSave(req, reply, idParam(req)));

  app.post('/studio/pieces/:id/transition', async (req, reply) => {
    const actor = authorize(req, 'write:piece:own');
    const { piece } = await loadForActor(req, actor);
    const { fields } = readForm(req);
    const result = validateForm(transitionSchema, fields);
    const fail = (form: FormState) => renderForm(req, reply, actor, piece, formFromPiece(piece), { status: 422, transitionErrors: form });
    if (!result.ok) return fail(result.form);
    try {
      await transitionPiece(
        { db, actor, now: deps.now(), mailer: deps.mailer, baseUrl: deps.config.baseUrl },
        {
          pieceId: piece.id,
          action: result.data.action as WorkflowAction,
          feedback: result.data.feedback,
          ...(result.data.publish_at ? { publishAt: parseLocalDateTime(result.data.publish_at)! } : {}),
        },
      );
    } catch (error) {
      if (error instanceof ValidationError) return fail({ values: fields, errors: error.fields });
      throw error;
    }
    return redirectWithFlash(req, reply, `/studio/pieces/${piece.id}`, `workflow.done.${result.data.action as WorkflowAction}`);
  });

  app.get('/studio/pieces/:id/preview', async (req, reply) => {
    const actor = authorize(req, 'write:piece:own');
    const { piece } = await loadForActor(req, actor);
    return sendPage(reply, <PiecePage ctx={viewContext(req, reply)} piece={{ ...piece, published_at: piece.published_at ?? deps.now().toISOString() }} preview />);
  });

  app.get('/studio/pieces/:id/revisions', async (req, reply) => {
    const actor = authorize(req, 'write:piece:own');
    const { piece } = await loadForActor(req, actor);
    const revisions = await listRevisions(db, piece.id);
    return sendPage(
      reply,
      <RevisionsPage ctx={viewContext(req, reply)} pieceId={piece.id} title={piece.title} revisions={revisions} canRestore={can(actor, 'edit:piece:any')} />,
    );
  });

  app.get('/studio/pieces/:id/revisions/:n', async (req, reply) => {
    const actor = authorize(req, 'write:piece:own');
    const { piece } = await loadForActor(req, actor);
    const revision = await getRevision(db, piece.id, idParam(req, 'n'));
    if (!revision) throw new NotFoundError();
    return sendPage(reply, <RevisionPage ctx={viewContext(req, reply)} pieceId={piece.id} number={revision.number} snapshot={parseSnapshot(revision.snapshot)} />);
  });

  app.post('/studio/pieces/:id/revisions/:n/restore', async (req, reply) => {
    const actor = authorize(req, 'edit:piece:any');
    const pieceId = idParam(req);
    try {
      await restoreRevision({ db, actor, now: deps.now() }, { pieceId, number: idParam(req, 'n') });
    } catch (error) {
      // The old slug may have been taken since: say so rather than fail.
      if (error instanceof ValidationError) return redirectWithFlash(req, reply, `/studio/pieces/${pieceId}/revisions`, 'revisions.restoreFailed', 'error');
      throw error;
    }
    return redirectWithFlash(req, reply, `/studio/pieces/${pieceId}`, 'revisions.restored');
  });

  app.get('/editor', async (req, reply) => {
    authorize(req, 'edit:piece:any');
    const [queue, published, proposals, unread] = await Promise.all([
      listPiecesByStatus(db, ['submitted', 'in_review']),
      listPiecesByStatus(db, ['published'], 100),
      listProposals(db, 'new'),
      countUnreadMessages(db),
    ]);
    const scheduled = withState(published).filter((p) => p.state === 'scheduled');
    return sendPage(
      reply,
      <DashboardPage ctx={viewContext(req, reply)} queue={withState(queue)} scheduled={scheduled} newProposals={proposals.length} unreadMessages={unread} />,
    );
  });

  app.get('/editor/pieces', async (req, reply) => {
    authorize(req, 'edit:piece:any');
    const ctx = viewContext(req, reply);
    const statuses = ['submitted', 'in_review', 'draft', 'rejected', 'published'] as const;
    const groups = await Promise.all(
      statuses.map(async (s) => ({ caption: ctx.t(`status.${s}`), rows: withState(await listPiecesByStatus(db, [s])) })),
    );
    return sendPage(reply, <PieceListPage ctx={ctx} title={ctx.t('editor.pieces')} groups={groups} />);
  });

  app.get('/editor/proposals', async (req, reply) => {
    authorize(req, 'review:proposal');
    const ctx = viewContext(req, reply);
    const groups = await Promise.all(
      (['new', 'accepted', 'declined'] as const).map(async (s) => ({ caption: ctx.t(`proposal.status.${s}`), rows: await listProposals(db, s) })),
    );
    return sendPage(reply, <ProposalsPage ctx={ctx} groups={groups} />);
  });

  app.get('/editor/proposals/:id', async (req, reply) => {
    authorize(req, 'review:proposal');
    const proposal = await getProposal(db, idParam(req));
    if (!proposal) throw new NotFoundError();
    return sendPage(reply, <ProposalPage ctx={viewContext(req, reply)} proposal={proposal} declineForm={emptyForm} />);
  });

  app.post('/editor/proposals/:id/accept', async (req, reply) => {
    const actor = authorize(req, 'review:proposal');
    const proposalId = idParam(req);
    try {
      const pieceId = await acceptProposal({ db, actor, now: deps.now() }, proposalId);
      return redirectWithFlash(req, reply, `/studio/pieces/${pieceId}`, 'proposal.accepted');
    } catch (error) {
      if (error instanceof ValidationError) return redirectWithFlash(req, reply, `/editor/proposals/${proposalId}`, 'publishing.proposalAlreadyHandled', 'error');
      throw error;
    }
  });

  app.post('/editor/proposals/:id/decline', async (req, reply) => {
    const actor = authorize(req, 'review:proposal');
    const proposalId = idParam(req);
    const result = validateForm(declineSchema, readForm(req).fields);
    if (!result.ok) {
      const proposal = await getProposal(db, proposalId);
      if (!proposal) throw new NotFoundError();
      return sendPage(reply, <ProposalPage ctx={viewContext(req, reply)} proposal={proposal} declineForm={result.form} />, 422);
    }
    try {
      await declineProposal({ db, actor, now: deps.now(), mailer: deps.mailer }, { proposalId, message: result.data.message });
    } catch (error) {
      if (error instanceof ValidationError) return redirectWithFlash(req, reply, `/editor/proposals/${proposalId}`, 'publishing.proposalAlreadyHandled', 'error');
      throw error;
    }
    return redirectWithFlash(req, reply, '/editor/proposals', 'proposal.declined');
  });
}
