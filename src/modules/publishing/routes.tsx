/** Public publishing pages: home, pieces, themes, kinds, and the public proposal form. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { readForm, validateForm } from '../../shared/http/form.ts';
import { sendPage, viewContext } from '../../shared/http/page.ts';
import { emptyForm } from '../../shared/views/form-fields.tsx';
import { proposePiece } from './commands/proposals.ts';
import { kindFromPath } from './domain/kinds.ts';
import { countPublishedPieces, getPublishedPiece, getThemeBySlug, listPublishedPieces, listThemes } from './queries.ts';
import { proposalSchema } from './schemas.ts';
import { HomePage, kindTitle, ListingPage, ThemesPage } from './views/listing-pages.tsx';
import { PiecePage } from './views/piece-page.tsx';
import { ProposePage } from './views/propose-page.tsx';
import { themeName } from './views/piece-card.tsx';
import { ThanksView } from './views/thanks-view.tsx';

const PAGE_SIZE = 18;

function pageNumber(query: unknown): number {
  const raw = Number((query as { page?: string }).page ?? 1);
  return Number.isSafeInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
}

export function publicPublishingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/', async (req, reply) => {
    const now = deps.now();
    const [latest, themes] = await Promise.all([listPublishedPieces(db, now, { limit: 9 }), listThemes(db)]);
    return sendPage(reply, <HomePage ctx={viewContext(req, reply)} latest={latest} themes={themes} />);
  });

  app.get('/pieces/:slug', async (req, reply) => {
    const piece = await getPublishedPiece(db, (req.params as { slug: string }).slug, deps.now());
    if (!piece) throw new NotFoundError();
    return sendPage(reply, <PiecePage ctx={viewContext(req, reply)} piece={piece} />);
  });

  app.get('/themes', async (req, reply) => sendPage(reply, <ThemesPage ctx={viewContext(req, reply)} themes={await listThemes(db)} />));

  app.get('/themes/:slug', async (req, reply) => {
    const theme = await getThemeBySlug(db, (req.params as { slug: string }).slug);
    if (!theme) throw new NotFoundError();
    const page = pageNumber(req.query);
    const now = deps.now();
    const [pieces, total] = await Promise.all([
      listPublishedPieces(db, now, { themeId: theme.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      countPublishedPieces(db, now, { themeId: theme.id }),
    ]);
    const ctx = viewContext(req, reply);
    return sendPage(
      reply,
      <ListingPage
        ctx={ctx}
        title={themeName(theme, ctx.lang)}
        intro={ctx.lang === 'en' ? theme.description_en : theme.description_fr}
        path={`/themes/${theme.slug}`}
        pieces={pieces}
        page={page}
        pages={Math.max(1, Math.ceil(total / PAGE_SIZE))}
      />,
    );
  });

  app.get('/kinds/:kind', async (req, reply) => {
    const kind = kindFromPath((req.params as { kind: string }).kind);
    if (!kind) throw new NotFoundError();
    const page = pageNumber(req.query);
    const now = deps.now();
    const [pieces, total] = await Promise.all([
      listPublishedPieces(db, now, { kind, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      countPublishedPieces(db, now, { kind }),
    ]);
    const ctx = viewContext(req, reply);
    return sendPage(
      reply,
      <ListingPage
        ctx={ctx}
        title={kindTitle(ctx, kind)}
        intro={ctx.t(`kindIntro.${kind}`)}
        path={(req.url.split('?')[0] ?? '')}
        pieces={pieces}
        page={page}
        pages={Math.max(1, Math.ceil(total / PAGE_SIZE))}
      />,
    );
  });

  app.get('/propose', async (req, reply) => sendPage(reply, <ProposePage ctx={viewContext(req, reply)} form={emptyForm} />));

  app.post('/propose', { config: { rateLimit: { max: 5 * deps.config.rateLimitMultiplier, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const result = validateForm(proposalSchema, readForm(req).fields);
    if (!result.ok) return sendPage(reply, <ProposePage ctx={viewContext(req, reply)} form={result.form} />, 422);
    const { website: _, ...input } = result.data;
    await proposePiece(
      { db, mailer: deps.mailer, now: deps.now(), baseUrl: deps.config.baseUrl, editorsEmail: deps.config.editorsEmail },
      { ...input, uiLang: req.lang },
    );
    return reply.redirect('/propose/thanks', 303);
  });

  app.get('/propose/thanks', async (req, reply) => sendPage(reply, <ThanksView ctx={viewContext(req, reply)} />));
}
