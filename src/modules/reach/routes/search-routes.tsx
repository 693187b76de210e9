/** The search page (GET, no form token: anonymous results are cached like any public page) and sharing on Mastodon. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { sendPage, viewContext } from '../../../shared/http/page.ts';
import type { ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { kindPath, listThemes, PIECE_KINDS, type PieceKind } from '../../publishing/index.ts';
import { mastodonHost, mastodonShareUrl } from '../domain/mastodon.ts';
import { searchTerms } from '../domain/search-terms.ts';
import { searchPieces } from '../queries.ts';
import { mastodonQuery, searchQuery } from '../schemas.ts';
import { SearchPage } from '../views/search-page.tsx';
import { MastodonSharePage } from '../views/share-page.tsx';

const PAGE_SIZE = 10;

export function searchRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  // No rate limit, like every public page: a search costs a few milliseconds and its page is cached.
  app.get('/search', { schema: { querystring: searchQuery } }, async (req, reply) => {
    const ctx = viewContext(req, reply);
    const themes = await listThemes(db);
    const theme = themes.find((th) => th.slug === req.query.theme);
    const kind: PieceKind | undefined = PIECE_KINDS.find((k) => kindPath(k) === req.query.kind);
    const terms = searchTerms(req.query.q);
    const page = req.query.page;
    let outcome = null;
    if (terms.length) {
      const { results, total } = await searchPieces(db, { terms, kind, themeId: theme?.id, now: deps.now(), page, pageSize: PAGE_SIZE });
      outcome = { results, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
    }
    const isKind = (k: string): k is PieceKind => (PIECE_KINDS as readonly string[]).includes(k);
    return sendPage(
      reply,
      <SearchPage
        ctx={ctx}
        query={{ q: req.query.q, theme: theme?.slug, kind: kind ? kindPath(kind) : undefined }}
        themes={themes.map((th) => ({ value: th.slug, label: ctx.lang === 'en' ? th.name_en : th.name_fr }))}
        kinds={PIECE_KINDS.map((k) => ({ value: kindPath(k), label: ctx.t(`kindPlural.${k}`) }))}
        outcome={outcome}
        kindLabel={(k) => (isKind(k) ? ctx.t(`kind.${k}`) : k)}
      />,
    );
  });

  app.get('/share/mastodon', { schema: { querystring: mastodonQuery } }, async (req, reply) => {
    const host = mastodonHost(req.query.instance);
    const text = req.query.text;
    return sendPage(reply, <MastodonSharePage ctx={viewContext(req, reply)} text={text} host={host} shareUrl={host ? mastodonShareUrl(host, text) : null} />, host ? 200 : 422);
  });
}
