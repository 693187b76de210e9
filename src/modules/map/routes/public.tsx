/** The public pages of the map: the map, the embed, organisations, the directory, the geocoder. */
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import type { ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { translator } from '../../../shared/i18n/index.ts';
import { emptyForm } from '../../../shared/views/form-fields.tsx';
import { listThemes } from '../../publishing/index.ts';
import { writeToOrganisation } from '../commands/write-to-organisation.ts';
import { EMPTY_FILTER, filterQuery } from '../domain/filters.ts';
import { mapPolicy } from '../policy.ts';
import { resolveFilter } from '../queries/filter.ts';
import { countOrganisations, facetCounts, getOrganisationIdBySlug, getPublicOrganisation, listOrganisations, mapStamp } from '../queries/organisations.ts';
import { getBusinessModelBySlug, listBusinessModels } from '../queries/vocabulary.ts';
import { directoryPageQuery, geocodeQuery, mapPageQuery, orgSlugParams, relaySchema } from '../schemas.ts';
import { StampedCache } from '../stamped-cache.ts';
import { DirectoryIndexPage, DirectoryPage } from '../views/directory-pages.tsx';
import { EmbedPage } from '../views/embed-page.tsx';
import { localName } from '../views/labels.ts';
import { MapPage } from '../views/map-page.tsx';
import { OrganisationPage } from '../views/organisation-page.tsx';
import type { MapRouteContext } from './context.ts';

/** Organisations listed per page beside the map and in the directory. */
const LIST_SIZE = 50;

export function publicMapRoutes(fastify: FastifyInstance, { deps, assets, geocode }: MapRouteContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const facetsCache = new StampedCache<Awaited<ReturnType<typeof facetCounts>>>(1);
  const facets = async () => facetsCache.get('all', await mapStamp(db), () => facetCounts(db));
  // Counted once the server is ready, so the map page's first visitor does not wait for them.
  fastify.addHook('onReady', async () => {
    setImmediate(() => void facets().catch((error: unknown) => fastify.log.warn({ err: error }, 'map facets not counted')));
  });

  app.get('/map', { schema: { querystring: mapPageQuery } }, async (req, reply) => {
    const { filter, page } = req.query;
    const now = deps.now();
    const resolved = await resolveFilter(db, filter);
    const [themes, models, counts, list, total] = await Promise.all([
      listThemes(db),
      listBusinessModels(db),
      facets(),
      listOrganisations(db, resolved, { limit: LIST_SIZE, offset: (page - 1) * LIST_SIZE }, now),
      countOrganisations(db, resolved),
    ]);
    return sendPage(
      reply,
      <MapPage ctx={viewContext(req, reply)} filter={filter} themes={themes} models={models} facets={counts} list={{ ...list, page, total }} licence={deps.config.mapDataLicence} assets={assets} canModerate={mapPolicy.can(req.actor, 'moderate')} />,
    );
  });

  // The one page other sites may frame: the site's frame-ancestors 'none' is relaxed here only.
  app.get('/map/embed', { schema: { querystring: mapPageQuery } }, async (req, reply) => {
    reply.removeHeader('x-frame-options');
    reply.header('content-security-policy', `${String(reply.getHeader('content-security-policy') ?? '').replace(/frame-ancestors [^;]*/, 'frame-ancestors *')}`);
    return sendPage(reply, <EmbedPage ctx={viewContext(req, reply)} filter={req.query.filter} assets={assets} licence={deps.config.mapDataLicence} />);
  });

  const organisationPage = async (req: Parameters<FormRenderer>[0], reply: Parameters<FormRenderer>[1], writeForm = emptyForm, status = 200) => {
    const { slug } = orgSlugParams.parse(req.params);
    const organisation = await getPublicOrganisation(db, slug, deps.now());
    if (!organisation) throw new NotFoundError();
    const [themes, models] = await Promise.all([listThemes(db), listBusinessModels(db)]);
    const editorId = mapPolicy.can(req.actor, 'edit') ? ((await getOrganisationIdBySlug(db, slug)) ?? null) : null;
    return sendPage(reply, <OrganisationPage ctx={viewContext(req, reply)} organisation={organisation} themes={themes} models={models} assets={assets} writeForm={writeForm} editorId={editorId} />, status);
  };

  app.get('/map/organisations/:slug', { schema: { params: orgSlugParams } }, async (req, reply) => organisationPage(req, reply));

  const writeForm: FormRenderer = (req, reply, { form, status }) => organisationPage(req, reply, form, status);
  app.post(
    '/map/organisations/:slug/write',
    { schema: { params: orgSlugParams, body: relaySchema }, config: { form: writeForm, rateLimit: { max: 5 * deps.config.rateLimitMultiplier, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const id = await getOrganisationIdBySlug(db, req.params.slug);
      if (id === undefined) throw new NotFoundError();
      const { nickname: _honeypot, ...message } = req.body;
      await writeToOrganisation({ db, actor: req.actor, now: deps.now() }, { organisationId: id, ...message, lang: req.lang });
      return redirectWithFlash(req, reply, `/map/organisations/${req.params.slug}`, 'map.org.sent');
    },
  );

  app.get('/map/directory', async (req, reply) => {
    const [themes, models, counts] = await Promise.all([listThemes(db), listBusinessModels(db), facets()]);
    return sendPage(reply, <DirectoryIndexPage ctx={viewContext(req, reply)} themes={themes} models={models} themeCounts={counts.themes} modelCounts={counts.models} assets={assets} />);
  });

  const directory = async (req: Parameters<FormRenderer>[0], reply: Parameters<FormRenderer>[1], kind: 'theme' | 'model', slug: string, page: number) => {
    const themes = await listThemes(db);
    const theme = kind === 'theme' ? themes.find((t) => t.slug === slug) : undefined;
    const model = kind === 'model' ? await getBusinessModelBySlug(db, slug) : undefined;
    const named = theme ?? model;
    if (!named) throw new NotFoundError();
    const filter = kind === 'theme' ? { ...EMPTY_FILTER, themes: [slug] } : { ...EMPTY_FILTER, models: [slug] };
    const resolved = await resolveFilter(db, filter);
    const [list, total] = await Promise.all([listOrganisations(db, resolved, { limit: LIST_SIZE, offset: (page - 1) * LIST_SIZE }, deps.now()), countOrganisations(db, resolved)]);
    const ctx = viewContext(req, reply);
    const name = localName(named, ctx.lang);
    const description = theme ? (ctx.lang === 'en' ? theme.description_en : theme.description_fr) : '';
    return sendPage(
      reply,
      <DirectoryPage
        ctx={ctx}
        title={ctx.t(kind === 'theme' ? 'map.dir.themeTitle' : 'map.dir.modelTitle', { name })}
        description={description}
        path={`/map/${kind === 'theme' ? 'themes' : 'models'}/${slug}`}
        mapQuery={filterQuery(filter)}
        list={{ ...list, page, total }}
        themes={themes}
        assets={assets}
      />,
    );
  };
  app.get('/map/themes/:slug', { schema: { params: orgSlugParams, querystring: directoryPageQuery } }, async (req, reply) => directory(req, reply, 'theme', req.params.slug, req.query.page));
  app.get('/map/models/:slug', { schema: { params: orgSlugParams, querystring: directoryPageQuery } }, async (req, reply) => directory(req, reply, 'model', req.params.slug, req.query.page));

  // The suggestion forms' "place from the city" button: the gazetteer (and the configured geocoder).
  app.get('/map/geocode', { schema: { querystring: geocodeQuery }, config: { rateLimit: { max: 60 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } }, async (req, reply) => {
    const found = await geocode(req.query.city, req.query.country);
    if (!found) return reply.status(404).send({ error: 'unknown_city', message: translator(req.lang)('map.errors.unknownCity') });
    return reply.header('cache-control', 'public, max-age=86400').send(found);
  });
}
