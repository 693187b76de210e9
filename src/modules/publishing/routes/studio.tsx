/** The writing space: a piece's form, its workflow, preview and revisions (/studio). */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { AppError } from '../../../shared/errors.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { peopleSearchQuery } from '../../../shared/pagination.ts';
import { formValues, type FormState } from '../../../shared/views/form-fields.tsx';
import { getContributorOptions, listCreditableContributors, searchContributorOptions } from '../../contributors/index.ts';
import { restoreRevision } from '../commands/restore-revision.ts';
import { savePiece } from '../commands/save-piece.ts';
import { transitionPiece } from '../commands/transition-piece.ts';
import { parseSnapshot } from '../domain/revision.ts';
import { SlugTakenError } from '../domain/slugs.ts';
import { availableActions, publicationState } from '../domain/workflow.ts';
import { publishingPolicy, workflowRole } from '../policy.ts';
import { getPieceForEditing, listPiecesOfActor, type EditablePiece } from '../queries.ts';
import { listThemes } from '../queries/themes.ts';
import { getRevision, listRevisions } from '../queries/revisions.ts';
import { pieceSchema, revisionParams, transitionSchema } from '../schemas.ts';
import { PieceListPage, RevisionPage, RevisionsPage } from '../views/editor-pages.tsx';
import { PieceFormPage } from '../views/piece-form.tsx';
import { PiecePage } from '../views/piece-page.tsx';
import { paramsOf, preload } from './preload.ts';

/** The form's fields as the piece holds them. */
function formFromPiece(piece: EditablePiece): FormState {
  return {
    values: {
      kind: piece.kind,
      title: piece.title,
      slug: piece.slug,
      summary: piece.summary,
      body_md: piece.body_md,
      language: piece.language,
      translation_of: piece.translation_of_slug ?? '',
      licence: piece.licence,
      cover_alt: piece.cover_alt,
      themes: piece.themes.map((t) => String(t.id)),
      credit_contributor: piece.credits.map((c) => String(c.contributorId)),
      credit_role: piece.credits.map((c) => c.kind),
    },
    errors: {},
  };
}

/** A taken slug comes with free alternatives, shown under the field. */
function slugSuggestionsOf(error: AppError | null): string[] {
  return error instanceof SlugTakenError ? error.alternatives : [];
}

export const studioRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  /** Someone who writes pieces (new ones, or their list). */
  const writer = preload((req) => publishingPolicy.authorize(req.actor, 'write'));

  /** The piece a studio URL names, for its owner or an editor. */
  const studioPiece = preload(async (req) => {
    const actor = publishingPolicy.authorize(req.actor, 'write');
    const piece = await getPieceForEditing(db, paramsOf(idParams, req).id);
    if (!piece) throw new NotFoundError();
    publishingPolicy.authorize(actor, 'open', piece);
    return { actor, piece };
  });

  async function renderPieceForm(
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    piece: EditablePiece | null,
    form: FormState,
    extra: { status?: number; slugSuggestions?: string[]; transitionErrors?: FormState } = {},
  ) {
    const now = deps.now();
    const everyone = publishingPolicy.can(actor, 'editAny');
    // Editors may credit anyone among thousands: their pickers offer the people search's matches
    // and the people already credited; a writer's pickers list the few they may credit.
    const who = peopleSearchQuery.safeParse(req.query).data?.who ?? '';
    const chosenIds = [...formValues(form, 'credit_contributor'), ...(piece?.credits.map((c) => String(c.contributorId)) ?? [])].map(Number).filter((id) => Number.isSafeInteger(id) && id > 0);
    const creditable = { now, everyone, ownId: actor.contributorId, keepIds: piece?.credits.map((c) => c.contributorId) ?? [] };
    const [themes, contributors, chosen] = await Promise.all([
      listThemes(db),
      everyone ? searchContributorOptions(db, who) : listCreditableContributors(db, creditable),
      everyone ? getContributorOptions(db, chosenIds) : Promise.resolve([]),
    ]);
    return sendPage(
      reply,
      <PieceFormPage
        ctx={viewContext(req, reply)}
        form={form}
        pieceId={piece?.id ?? null}
        state={piece ? publicationState(piece, now) : null}
        status={piece?.status ?? null}
        publishedAt={piece?.published_at ?? null}
        reviewFeedback={piece?.review_feedback ?? null}
        coverKey={piece?.cover_key ?? null}
        themes={themes}
        contributors={contributors}
        picker={everyone ? { source: '/editor/contributors/search.json', who, chosen } : null}
        actions={piece ? availableActions(piece.status, workflowRole(actor, piece)) : []}
        canEditContent={piece ? publishingPolicy.can(actor, 'edit', piece) : true}
        slugSuggestions={extra.slugSuggestions ?? []}
        transitionErrors={extra.transitionErrors}
      />,
      extra.status,
    );
  }

  const newPieceForm: FormRenderer = (req, reply, { form, error, status }) =>
    renderPieceForm(req, reply, writer.of(req), null, form, { status, slugSuggestions: slugSuggestionsOf(error) });

  const pieceForm: FormRenderer = (req, reply, { form, error, status }) => {
    const { actor, piece } = studioPiece.of(req);
    return renderPieceForm(req, reply, actor, piece, form, { status, slugSuggestions: slugSuggestionsOf(error) });
  };

  const transitionForm: FormRenderer = (req, reply, { form, status }) => {
    const { actor, piece } = studioPiece.of(req);
    return renderPieceForm(req, reply, actor, piece, formFromPiece(piece), { status, transitionErrors: form });
  };

  app.get('/studio', { preValidation: writer.preValidation }, async (req, reply) => {
    const now = deps.now();
    const rows = (await listPiecesOfActor(db, writer.of(req))).map((r) => ({ ...r, state: publicationState(r, now) }));
    const ctx = viewContext(req, reply);
    return sendPage(reply, <PieceListPage ctx={ctx} title={ctx.t('nav.studio')} groups={[{ caption: ctx.t('studio.myPieces'), rows }]} />);
  });

  app.get('/studio/pieces/new', { preValidation: writer.preValidation }, async (req, reply) =>
    renderPieceForm(req, reply, writer.of(req), null, { values: { kind: 'article', language: req.lang, licence: 'CC-BY-SA-4.0' }, errors: {} }),
  );

  app.post('/studio/pieces', { preValidation: writer.preValidation, schema: { body: pieceSchema }, config: { form: newPieceForm } }, async (req, reply) => {
    const { id } = await savePiece({ db, actor: writer.of(req), now: deps.now() }, { ...req.body, cover: req.uploads.cover, image: req.uploads.image, imageAlt: req.body.image_alt });
    return redirectWithFlash(req, reply, `/studio/pieces/${id}`, 'piece.saved');
  });

  app.get('/studio/pieces/:id', { preValidation: studioPiece.preValidation, schema: { params: idParams } }, async (req, reply) => {
    const { actor, piece } = studioPiece.of(req);
    return renderPieceForm(req, reply, actor, piece, formFromPiece(piece));
  });

  app.post('/studio/pieces/:id', { preValidation: studioPiece.preValidation, schema: { params: idParams, body: pieceSchema }, config: { form: pieceForm } }, async (req, reply) => {
    const { actor, piece } = studioPiece.of(req);
    publishingPolicy.authorize(actor, 'edit', piece);
    await savePiece({ db, actor, now: deps.now() }, { ...req.body, id: piece.id, cover: req.uploads.cover, image: req.uploads.image, imageAlt: req.body.image_alt });
    return redirectWithFlash(req, reply, `/studio/pieces/${piece.id}`, 'piece.saved');
  });

  app.post(
    '/studio/pieces/:id/transition',
    { preValidation: studioPiece.preValidation, schema: { params: idParams, body: transitionSchema }, config: { form: transitionForm } },
    async (req, reply) => {
      const { actor, piece } = studioPiece.of(req);
      const { action, feedback, publish_at: publishAt } = req.body;
      await transitionPiece({ db, actor, now: deps.now() }, { pieceId: piece.id, action, feedback, publishAt });
      return redirectWithFlash(req, reply, `/studio/pieces/${piece.id}`, `workflow.done.${action}`);
    },
  );

  app.get('/studio/pieces/:id/preview', { preValidation: studioPiece.preValidation, schema: { params: idParams } }, async (req, reply) => {
    const { piece } = studioPiece.of(req);
    return sendPage(reply, <PiecePage ctx={viewContext(req, reply)} piece={{ ...piece, published_at: piece.published_at ?? deps.now().toISOString() }} preview />);
  });

  app.get('/studio/pieces/:id/revisions', { preValidation: studioPiece.preValidation, schema: { params: idParams } }, async (req, reply) => {
    const { actor, piece } = studioPiece.of(req);
    const revisions = await listRevisions(db, piece.id);
    const canRestore = publishingPolicy.can(actor, 'restore');
    return sendPage(reply, <RevisionsPage ctx={viewContext(req, reply)} pieceId={piece.id} title={piece.title} revisions={revisions} canRestore={canRestore} />);
  });

  app.get('/studio/pieces/:id/revisions/:n', { preValidation: studioPiece.preValidation, schema: { params: revisionParams } }, async (req, reply) => {
    const { piece } = studioPiece.of(req);
    const revision = await getRevision(db, piece.id, req.params.n);
    if (!revision) throw new NotFoundError();
    return sendPage(reply, <RevisionPage ctx={viewContext(req, reply)} pieceId={piece.id} number={revision.number} snapshot={parseSnapshot(revision.snapshot)} />);
  });

  app.post(
    '/studio/pieces/:id/revisions/:n/restore',
    // The old slug may have been taken since: back to the history, saying so.
    { schema: { params: revisionParams }, config: { back: (req) => `/studio/pieces/${revisionParams.parse(req.params).id}/revisions` } },
    async (req, reply) => {
      const actor = publishingPolicy.authorize(req.actor, 'restore');
      await restoreRevision({ db, actor, now: deps.now() }, { pieceId: req.params.id, number: req.params.n });
      return redirectWithFlash(req, reply, `/studio/pieces/${req.params.id}`, 'revisions.restored');
    },
  );
};
