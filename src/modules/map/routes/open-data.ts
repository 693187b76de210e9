/**
 * The map's open data: the points the map draws, GeoJSON and CSV exports, and the paginated JSON
 * API — all with the same filters, all stating the data licence, none with a private field.
 */
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../shared/errors.ts';
import { CSV_BOM } from '../../../shared/csv.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { EMPTY_FILTER, filterQuery, type MapFilter } from '../domain/filters.ts';
import { csvHeader, csvRow, geoJsonFeature, publicItem } from '../open-data.ts';
import { resolveFilter } from '../queries/filter.ts';
import { eachOrganisation, getPublicOrganisation, getPublicOrganisationById, listGridClusters, listOrganisations, listPoints, mapStamp } from '../queries/organisations.ts';
import { apiListQuery, clustersQuery, filterQuerySchema, orgSlugParams } from '../schemas.ts';
import { StampedCache } from '../stamped-cache.ts';
import type { MapRouteContext } from './context.ts';

const acceptsGzip = (req: FastifyRequest) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

/** A public, CORS-open answer that says its licence in a header too. */
function openData(reply: FastifyReply, licence: { name: string; url: string }, type: string): FastifyReply {
  return reply
    .type(type)
    .header('access-control-allow-origin', '*')
    .header('link', `<${licence.url}>; rel="license"; title="${licence.name.replace(/"/g, '')}"`);
}

export function openDataRoutes(fastify: FastifyInstance, { deps }: MapRouteContext): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const licence = deps.config.mapDataLicence;
  const baseUrl = deps.config.baseUrl;
  const points = new StampedCache<{ plain: Buffer; gzip: Buffer }>(100);

  // The map's points, `[id, lat, lng]`, as compact as JSON gets; computed once per filter and
  // map version, gzipped once (100,000 points are ~2.6 MB, ~0.9 MB gzipped).
  const pointsOf = async (filter: MapFilter) =>
    points.get(filterQuery(filter), await mapStamp(db), async () => {
      const rows = await listPoints(db, await resolveFilter(db, filter));
      const plain = Buffer.from(`{"licence":${JSON.stringify(licence)},"fields":["id","lat","lng"],"points":[${rows.map((p) => `[${p[0]},${p[1]},${p[2]}]`).join(',')}]}`);
      return { plain, gzip: gzipSync(plain, { level: 6 }) };
    });
  // The map's first paint: the organisations counted on a grid fitted to the zoom (about four
  // cells across a 256-pixel tile), so the map is drawn clustered before the browser has built its
  // own index from the points. Cached like the points.
  const grids = new StampedCache<Buffer>(200);
  const clustersOf = async (filter: MapFilter, zoom: number) =>
    grids.get(`${zoom}:${filterQuery(filter)}`, await mapStamp(db), async () => {
      const cells = await listGridClusters(db, await resolveFilter(db, filter), 360 / 2 ** zoom / 4);
      const total = cells.reduce((sum, c) => sum + c.n, 0);
      return Buffer.from(`{"zoom":${zoom},"total":${total},"fields":["lat","lng","count","id"],"cells":[${cells.map((c) => `[${c.lat.toFixed(5)},${c.lng.toFixed(5)},${c.n},${c.id}]`).join(',')}]}`);
    });

  // The whole map's points and first paint are made once the server is ready, so its first visitor does not wait for them.
  fastify.addHook('onReady', async () => {
    setImmediate(() => void Promise.all([pointsOf(EMPTY_FILTER), clustersOf(EMPTY_FILTER, 2)]).catch((error: unknown) => fastify.log.warn({ err: error }, 'map points not prepared')));
  });

  app.get('/map/clusters.json', { schema: { querystring: clustersQuery } }, async (req, reply) => {
    const body = await clustersOf(req.query.filter, req.query.zoom);
    return openData(reply, licence, 'application/json; charset=utf-8').header('cache-control', 'public, max-age=60').send(body);
  });

  app.get('/map/points.json', { schema: { querystring: filterQuerySchema } }, async (req, reply) => {
    const body = await pointsOf({ ...req.query.filter, bbox: null });
    openData(reply, licence, 'application/json; charset=utf-8').header('cache-control', 'public, max-age=60').header('vary', 'Accept-Encoding');
    if (acceptsGzip(req)) return reply.header('content-encoding', 'gzip').send(body.gzip);
    return reply.send(body.plain);
  });

  app.get('/map/data.geojson', { schema: { querystring: filterQuerySchema } }, async (req, reply) => {
    const resolved = await resolveFilter(db, req.query.filter);
    const now = deps.now();
    async function* chunks() {
      yield `{"type":"FeatureCollection","licence":${JSON.stringify(licence)},"attribution":${JSON.stringify(`${baseUrl}/map`)},"features":[`;
      let first = true;
      for await (const batch of eachOrganisation(db, resolved, now)) {
        yield `${first ? '' : ','}\n${batch.map((o) => JSON.stringify(geoJsonFeature(o, baseUrl))).join(',\n')}`;
        first = false;
      }
      yield '\n]}\n';
    }
    return openData(reply, licence, 'application/geo+json; charset=utf-8').header('content-disposition', 'inline; filename="organisations.geojson"').send(Readable.from(chunks()));
  });

  app.get('/map/data.csv', { schema: { querystring: filterQuerySchema } }, async (req, reply) => {
    const resolved = await resolveFilter(db, req.query.filter);
    const now = deps.now();
    async function* chunks() {
      yield `${CSV_BOM}${csvHeader()}\r\n`;
      for await (const batch of eachOrganisation(db, resolved, now)) yield batch.map((o) => `${csvRow(o, baseUrl, licence)}\r\n`).join('');
    }
    return openData(reply, licence, 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="organisations.csv"').send(Readable.from(chunks()));
  });

  // A page of the API is kept per instance until the map changes (the stamp is one indexed read),
  // and a minute at most (its case studies come from publishing): the map's visitors ask for the
  // same areas again and again as they pan and zoom.
  const pages = new StampedCache<Buffer>(500, 60_000);
  app.get('/api/map/organisations', { schema: { querystring: apiListQuery } }, async (req, reply) => {
    const { filter, page, limit } = req.query;
    const body = await pages.get(filterQuery(filter, { page, limit }), await mapStamp(db), async () => {
      const { items, hasMore } = await listOrganisations(db, await resolveFilter(db, filter), { limit, offset: (page - 1) * limit }, deps.now());
      const link = (p: number) => `${baseUrl}/api/map/organisations?${filterQuery(filter, { page: p, limit })}`;
      return Buffer.from(
        JSON.stringify({
          licence,
          page,
          limit,
          count: items.length,
          next: hasMore ? link(page + 1) : null,
          previous: page > 1 ? link(page - 1) : null,
          items: items.map((o) => publicItem(o, baseUrl)),
        }),
      );
    });
    return openData(reply, licence, 'application/json; charset=utf-8').send(body);
  });

  app.get('/api/map/organisations/:slug', { schema: { params: orgSlugParams } }, async (req, reply) => {
    const o = await getPublicOrganisation(db, req.params.slug, deps.now());
    if (!o) throw new NotFoundError();
    return openData(reply, licence, 'application/json; charset=utf-8').send({ licence, item: publicItem(o, baseUrl) });
  });

  // The map's popups: one point by id.
  app.get('/api/map/points/:id', { schema: { params: idParams } }, async (req, reply) => {
    const o = await getPublicOrganisationById(db, req.params.id, deps.now());
    if (!o) throw new NotFoundError();
    return openData(reply, licence, 'application/json; charset=utf-8').send({ licence, item: publicItem(o, baseUrl) });
  });
}
