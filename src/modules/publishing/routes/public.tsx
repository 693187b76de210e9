/** Public publishing pages: home, pieces, themes, kinds, and the public proposal form. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, slugParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { emptyForm } from '../../../shared/views/form-fields.tsx';
import { confirmProposalEmail } from '../commands/confirm-proposal-email.ts';
import { proposePiece } from '../commands/propose-piece.ts';
import { isProposalConfirmToken } from '../proposal-access.ts';
import { kindPath } from '../domain/kinds.ts';
import type { HomeSection } from '../home-extensions.ts';
import type { PieceSection } from '../piece-extensions.ts';
import { countPublishedPieces, getPublishedPiece, listPublishedPieces, type PublishedFilter } from '../queries.ts';
import { getThemeBySlug, listThemes } from '../queries/themes.ts';
import { getProposal } from '../queries/proposals.ts';
import { listPublishedTranslations } from '../queries/translations.ts';
import { kindParams, pageQuery, proposalSchema, proposalTokenBody, proposalTokenQuery } from '../schemas.ts';
import { HomePage, kindTitle, ListingPage, ThemesPage } from '../views/listing-pages.tsx';
import { themeName } from '../views/piece-card.tsx';
import { PiecePage } from '../views/piece-page.tsx';
import { ProposePage } from '../views/propose-page.tsx';
import { ConfirmProposalPage, ThanksView } from '../views/thanks-view.tsx';

const PAGE_SIZE = 18;

export const publicRoutes: FastifyPluginAsync<{ deps: AppDeps; pieceSections: readonly PieceSection[]; homeSections?: readonly HomeSection[] }> = async (fastify, { deps, pieceSections, homeSections = [] }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  /** One page of published pieces and the number of pages, for a theme's or a kind's listing. */
  async function listing(filter: Omit<PublishedFilter, 'limit' | 'offset'>, page: number) {
    const now = deps.now();
    const [pieces, total] = await Promise.all([
      listPublishedPieces(db, now, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      countPublishedPieces(db, now, filter),
    ]);
    return { pieces, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
  }

  app.get('/', async (req, reply) => {
    const now = deps.now();
    const [latest, themes, highlights] = await Promise.all([
      listPublishedPieces(db, now, { limit: 9 }),
      listThemes(db),
      Promise.all(homeSections.map((section) => section({ db, now }))),
    ]);
    const ctx = viewContext(req, reply);
    return sendPage(reply, <HomePage ctx={ctx} latest={latest} themes={themes} highlights={highlights.filter((h) => h !== null).map((h) => h.render(ctx))} />);
  });

  // Every published piece, newest first, a page at a time.
  app.get('/pieces', { schema: { querystring: pageQuery } }, async (req, reply) => {
    const ctx = viewContext(req, reply);
    const page = await listing({}, req.query.page);
    if (req.query.page > page.pages) throw new NotFoundError();
    return sendPage(reply, <ListingPage ctx={ctx} title={ctx.t('pieces.all')} intro={ctx.t('pieces.allIntro')} path="/pieces" {...page} />);
  });

  app.get('/pieces/:slug', { schema: { params: slugParams } }, async (req, reply) => {
    const now = deps.now();
    const piece = await getPublishedPiece(db, req.params.slug, now);
    if (!piece) throw new NotFoundError();
    const [sections, translations] = await Promise.all([
      Promise.all(pieceSections.map((section) => section({ db, piece, now, actor: req.actor }))),
      listPublishedTranslations(db, piece, now),
    ]);
    return sendPage(reply, <PiecePage ctx={viewContext(req, reply)} piece={piece} sections={sections.filter((s) => s !== null)} translations={translations} />);
  });

  app.get('/themes', async (req, reply) => sendPage(reply, <ThemesPage ctx={viewContext(req, reply)} themes={await listThemes(db)} />));

  app.get('/themes/:slug', { schema: { params: slugParams, querystring: pageQuery } }, async (req, reply) => {
    const theme = await getThemeBySlug(db, req.params.slug);
    if (!theme) throw new NotFoundError();
    const ctx = viewContext(req, reply);
    const intro = ctx.lang === 'en' ? theme.description_en : theme.description_fr;
    const page = await listing({ themeId: theme.id }, req.query.page);
    return sendPage(reply, <ListingPage ctx={ctx} title={themeName(theme, ctx.lang)} intro={intro} path={`/themes/${theme.slug}`} {...page} />);
  });

  app.get('/kinds/:kind', { schema: { params: kindParams, querystring: pageQuery } }, async (req, reply) => {
    const { kind } = req.params;
    const ctx = viewContext(req, reply);
    const page = await listing({ kind }, req.query.page);
    return sendPage(reply, <ListingPage ctx={ctx} title={kindTitle(ctx, kind)} intro={ctx.t(`kindIntro.${kind}`)} path={`/kinds/${kindPath(kind)}`} {...page} />);
  });

  const proposeForm: FormRenderer = (req, reply, { form, status }) => sendPage(reply, <ProposePage ctx={viewContext(req, reply)} form={form} />, status);

  app.get('/propose', async (req, reply) => sendPage(reply, <ProposePage ctx={viewContext(req, reply)} form={emptyForm} />));

  app.post(
    '/propose',
    { schema: { body: proposalSchema }, config: { form: proposeForm, rateLimit: { max: 5 * deps.config.rateLimitMultiplier, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const { website: _honeypot, ...input } = req.body;
      await proposePiece({ db, actor: req.actor, now: deps.now() }, { ...input, uiLang: req.lang });
      return reply.redirect('/propose/thanks', 303);
    },
  );

  app.get('/propose/thanks', async (req, reply) => sendPage(reply, <ThanksView ctx={viewContext(req, reply)} />));

  /** The proposal a confirmation link names, when its token is right; anything else is a 404. */
  const confirmable = async (id: number, token: unknown) => {
    const proposal = await getProposal(db, id);
    if (!proposal || !isProposalConfirmToken(deps.config.appSecret, proposal, token)) throw new NotFoundError();
    return proposal;
  };

  app.get('/proposals/:id/confirm', { schema: { params: idParams, querystring: proposalTokenQuery } }, async (req, reply) => {
    const proposal = await confirmable(req.params.id, req.query.token);
    return sendPage(reply, <ConfirmProposalPage ctx={viewContext(req, reply)} proposal={proposal} token={req.query.token ?? ''} done={proposal.email_confirmed_at !== null} />);
  });

  app.post('/proposals/:id/confirm', { schema: { params: idParams, body: proposalTokenBody } }, async (req, reply) => {
    const proposal = await confirmable(req.params.id, req.body.token);
    await confirmProposalEmail({ db, actor: req.actor, now: deps.now() }, { proposalId: proposal.id });
    return sendPage(reply, <ConfirmProposalPage ctx={viewContext(req, reply)} proposal={proposal} token="" done />);
  });
};
