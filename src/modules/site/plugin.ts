/** Site-wide endpoints: health, language switch, robots.txt and sitemap.xml. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { rememberLang } from '../../shared/http/language.ts';
import { localisePath, stripLangPrefix } from '../../shared/i18n/index.ts';
import { safeNextPath } from '../../shared/http/page.ts';
import type { ZodTypeProvider } from '../../shared/http/route-schema.ts';
import { listPublicContributorSlugs } from '../contributors/index.ts';
import { kindPath, listPublishedRefs, listThemes, PIECE_KINDS } from '../publishing/index.ts';
import { checkDatabase } from './queries.ts';
import { langParams, langQuery } from './schemas.ts';
import { buildSitemap } from './sitemap.ts';

export const sitePlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get('/healthz', async (_req, reply) => {
    if (!(await checkDatabase(db))) return reply.status(503).send({ status: 'unavailable' });
    return reply.header('cache-control', 'no-store').send({ status: 'ok', database: deps.database.dialect });
  });

  // The old switch (links in emails and bookmarks): the language is now in the URL, so this
  // sends to the page in that language and remembers the choice for the home page.
  app.get('/lang/:code', { schema: { params: langParams, querystring: langQuery } }, async (req, reply) => {
    const lang = req.params.code;
    rememberLang(req, reply, lang);
    req.lang = lang;
    return reply.redirect(localisePath(stripLangPrefix(safeNextPath(req.query.next)), lang), 303);
  });

  app.get('/robots.txt', async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(`User-agent: *\nDisallow: /editor\nDisallow: /studio\nDisallow: /account\nAllow: /\n\nSitemap: ${deps.config.baseUrl}/sitemap.xml\n`),
  );

  app.get('/sitemap.xml', async (_req, reply) => {
    const now = deps.now();
    const [pieces, themes, contributors] = await Promise.all([listPublishedRefs(db, now), listThemes(db), listPublicContributorSlugs(db, now)]);
    const paths = [
      { path: '/' },
      { path: '/about' },
      { path: '/contributors' },
      { path: '/themes' },
      { path: '/propose' },
      ...PIECE_KINDS.map((k) => ({ path: `/kinds/${kindPath(k)}` })),
      ...themes.map((t) => ({ path: `/themes/${t.slug}` })),
      ...contributors.map((slug) => ({ path: `/contributors/${slug}` })),
      ...pieces.map((p) => ({ path: `/pieces/${p.slug}`, lastmod: p.updated_at })),
    ];
    return reply.type('application/xml; charset=utf-8').send(buildSitemap(deps.config.baseUrl, paths));
  });
};
