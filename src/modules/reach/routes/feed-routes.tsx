/**
 * The feeds: every published piece, by theme, by kind and by contributor, and each piece's
 * comments, in RSS, Atom and JSON Feed; and the page listing them. Rendered feeds are kept per
 * instance while the index they come from is unchanged (comments feeds: PAGE_CACHE_SECONDS), and
 * carry an ETag, so polling readers cost little.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { sendPage, viewContext } from '../../../shared/http/page.ts';
import { rememberPage, sendCachedPage } from '../../../shared/http/page-cache.ts';
import type { ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { translator } from '../../../shared/i18n/index.ts';
import { listPublishedComments } from '../../conversation/index.ts';
import { kindPath, listPublicPieces, listThemes, PIECE_KINDS, type PieceKind, type ThemeView } from '../../publishing/index.ts';
import { FeedCache } from '../feed-cache.ts';
import { FEED_CONTENT_TYPES, renderFeed, type FeedChannel, type FeedEntry, type FeedFormat } from '../feeds.ts';
import { getIndexVersion, listFeedDocuments, type FeedDocument } from '../queries.ts';
import { feedFileParams } from '../schemas.ts';
import { FeedsPage } from '../views/feeds-page.tsx';

const ENTRIES = 20;
/** However current its version, a kept feed is written again after this long (a scheduled piece's time comes). */
const FEED_MAX_AGE_MS = 60_000;

const isPieceKind = (kind: string): kind is PieceKind => (PIECE_KINDS as readonly string[]).includes(kind);

export function feedRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { baseUrl } = deps.config;
  const cache = new FeedCache();

  /**
   * Sends a feed: the kept one while `version` is unchanged (null: written anew, the page cache keeps it),
   * otherwise written anew; with an ETag either way.
   */
  async function sendFeed(req: FastifyRequest, reply: FastifyReply, format: FeedFormat, version: string | null, build: () => Promise<string>) {
    // The same key as the page cache (shared/http/page-cache.ts): an anonymous request's language and URL.
    const key = `${req.lang}:${req.url}`;
    const now = Date.now();
    const pageCache = req.server.pageCache;
    // PAGE_CACHE_SECONDS=0 turns every kept copy off, as for pages. Without a version (comments feeds) nothing is kept here: the page cache keeps them exactly.
    const keep = !pageCache.configured || version === null ? 0 : FEED_MAX_AGE_MS;
    let entry = keep > 0 ? cache.get(key, version ?? '', now) : undefined;
    if (entry) reply.header('x-page-cache', 'hit');
    else entry = cache.set(key, version ?? '', Buffer.from(await build()), now + keep);
    const type = FEED_CONTENT_TYPES[format];
    // The next anonymous readers are answered by the page cache, before any route runs, until the
    // tables this feed read change (docs/decisions/021).
    reply.header('access-control-allow-origin', '*');
    const kept = rememberPage(req, reply, entry.body, 200, type);
    if (kept) return sendCachedPage(req, reply, kept, false);
    reply.header('etag', entry.etag).header('cache-control', 'public, max-age=300');
    if (req.headers['if-none-match'] === entry.etag) return reply.status(304).send();
    return reply.type(type).send(entry.body);
  }

  const themeName = (lang: 'fr' | 'en', theme: Pick<ThemeView, 'name_fr' | 'name_en'>) => (lang === 'en' ? theme.name_en : theme.name_fr);

  /** Feed entries from indexed pieces: authors credited as authors or interviewers, the others as contributors. */
  async function pieceEntries(lang: 'fr' | 'en', documents: FeedDocument[]): Promise<FeedEntry[]> {
    const themes = new Map((await listThemes(db)).map((th) => [`theme:${th.id}`, themeName(lang, th)]));
    const t = translator(lang);
    return documents.map((d) => {
      const isAuthor = (role: string) => role === 'author' || role === 'interviewer';
      return {
        title: d.title,
        path: d.url,
        summary: d.summary,
        contentHtml: d.content_html,
        authors: d.authors.filter((a) => isAuthor(a.role)),
        contributors: d.authors.filter((a) => !isAuthor(a.role)),
        categories: [
          ...(isPieceKind(d.kind) ? [t(`kind.${d.kind}`)] : []),
          ...d.tags.flatMap((tag) => (themes.has(tag) ? [themes.get(tag)!] : [])),
        ],
        published: d.published_at,
        updated: d.updated_at,
        licence: d.licence,
      };
    });
  }

  async function piecesFeed(req: FastifyRequest, reply: FastifyReply, format: FeedFormat, channel: Omit<FeedChannel, 'language' | 'licence'>, filter: { kind?: string; tag?: string }) {
    return sendFeed(req, reply, format, await getIndexVersion(db, 'piece'), async () => {
      const documents = await listFeedDocuments(db, { source: 'piece', now: deps.now(), limit: ENTRIES, ...filter });
      if (filter.tag?.startsWith('contributor:') && documents.length === 0) throw new NotFoundError();
      return renderFeed(format, baseUrl, { ...channel, language: req.lang, licence: 'CC-BY-SA-4.0' }, await pieceEntries(req.lang, documents));
    });
  }

  for (const format of ['rss', 'atom', 'json'] as const) {
    app.get(`/feeds/pieces.${format}`, async (req, reply) => {
      const t = translator(req.lang);
      return piecesFeed(req, reply, format, { title: 'Open Experience', description: t('reach.feeds.description'), pagePath: '/', feedPath: '/feeds/pieces' }, {});
    });
  }

  app.get('/feeds/themes/:file', { schema: { params: feedFileParams } }, async (req, reply) => {
    const { slug, format } = req.params.file;
    const theme = (await listThemes(db)).find((th) => th.slug === slug);
    if (!theme) throw new NotFoundError();
    const name = themeName(req.lang, theme);
    return piecesFeed(req, reply, format, { title: `Open Experience — ${name}`, description: name, pagePath: `/themes/${slug}`, feedPath: `/feeds/themes/${slug}` }, { tag: `theme:${theme.id}` });
  });

  app.get('/feeds/kinds/:file', { schema: { params: feedFileParams } }, async (req, reply) => {
    const { slug, format } = req.params.file;
    const kind = PIECE_KINDS.find((k) => kindPath(k) === slug);
    if (!kind) throw new NotFoundError();
    const t = translator(req.lang);
    return piecesFeed(req, reply, format, { title: `Open Experience — ${t(`kindPlural.${kind}`)}`, description: t(`kindIntro.${kind}`), pagePath: `/kinds/${slug}`, feedPath: `/feeds/kinds/${slug}` }, { kind });
  });

  app.get('/feeds/contributors/:file', { schema: { params: feedFileParams } }, async (req, reply) => {
    const { slug, format } = req.params.file;
    const t = translator(req.lang);
    return sendFeed(req, reply, format, await getIndexVersion(db, 'piece'), async () => {
      const documents = await listFeedDocuments(db, { source: 'piece', now: deps.now(), limit: ENTRIES, tag: `contributor:${slug}` });
      const name = documents[0]?.authors.find((a) => a.url === `/contributors/${slug}`)?.name;
      if (!name) throw new NotFoundError();
      const channel = { title: t('reach.feeds.contributorTitle', { name }), description: t('reach.feeds.contributorTitle', { name }), pagePath: `/contributors/${slug}`, feedPath: `/feeds/contributors/${slug}`, language: req.lang, licence: 'CC-BY-SA-4.0' };
      return renderFeed(format, baseUrl, channel, await pieceEntries(req.lang, documents));
    });
  });

  app.get('/feeds/comments/:file', { schema: { params: feedFileParams } }, async (req, reply) => {
    const { slug, format } = req.params.file;
    const t = translator(req.lang);
    return sendFeed(req, reply, format, null, async () => {
      const [piece] = await listPublicPieces(db, deps.now(), { slug, limit: 1 });
      if (!piece) throw new NotFoundError();
      const comments = await listPublishedComments(db, piece.id, ENTRIES);
      const entries: FeedEntry[] = comments.map((c) => ({
        title: t('reach.feeds.commentBy', { name: c.author_name }),
        path: `/pieces/${piece.slug}#comment-${c.id}`,
        summary: '',
        contentHtml: c.body_html,
        authors: [{ name: c.author_name, url: c.author_website }],
        categories: [],
        published: c.published_at ?? piece.updated_at,
        updated: c.published_at ?? piece.updated_at,
        licence: piece.licence,
      }));
      const title = t('reach.feeds.commentsTitle', { title: piece.title });
      return renderFeed(format, baseUrl, { title, description: title, pagePath: `/pieces/${piece.slug}`, feedPath: `/feeds/comments/${piece.slug}`, language: piece.language, licence: piece.licence }, entries);
    });
  });

  app.get('/feeds', async (req, reply) => {
    const ctx = viewContext(req, reply);
    const themes = (await listThemes(db)).map((th) => ({ label: themeName(ctx.lang, th), path: `/feeds/themes/${th.slug}` }));
    const kinds = PIECE_KINDS.map((k) => ({ label: ctx.t(`kindPlural.${k}`), path: `/feeds/kinds/${kindPath(k)}` }));
    return sendPage(reply, <FeedsPage ctx={ctx} kinds={kinds} themes={themes} />);
  });
}
