/** Site-wide endpoints: health, language switch, robots.txt and sitemap.xml. */
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { cookieOptions } from '../../shared/http/cookies.ts';
import { safeNextPath } from '../../shared/http/page.ts';
import { isLang } from '../../shared/i18n/index.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { listPublicContributorSlugs } from '../contributors/index.ts';
import { listPublishedRefs, listThemes, kindPath, PIECE_KINDS } from '../publishing/index.ts';
import { buildSitemap } from './sitemap.ts';

export function registerSite(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get('/healthz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: deps.database.dialect });
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  app.get('/lang/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    if (!isLang(code)) throw new NotFoundError();
    reply.setCookie('oe_lang', code, cookieOptions(req, { maxAge: 60 * 60 * 24 * 365 }));
    return reply.redirect(safeNextPath((req.query as { next?: string }).next), 303);
  });

  app.get('/robots.txt', async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .send(`User-agent: *\nDisallow: /editor\nDisallow: /studio\nDisallow: /account\nAllow: /\n\nSitemap: ${deps.config.baseUrl}/sitemap.xml\n`),
  );

  app.get('/sitemap.xml', async (_req, reply) => {
    const [pieces, themes, contributors] = await Promise.all([
      listPublishedRefs(db, deps.now()),
      listThemes(db),
      listPublicContributorSlugs(db, deps.now()),
    ]);
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
}
