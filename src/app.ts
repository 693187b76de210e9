/**
 * Builds the Fastify application, in a visible order: external plugins; the request context
 * (language, security headers, session, page cache, forms and CSRF, error handling); the extension
 * points every module may fill, wired here explicitly; each module's plugin; the outbox worker.
 * Importing a module registers nothing: only this file decides what runs (docs/decisions/009).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import { postgresRateLimitStore } from './db/rate-limit-store.ts';
import { accountsPlugin } from './modules/accounts/plugin.tsx';
import { loadActor } from './modules/accounts/index.ts';
import { contributorsPlugin } from './modules/contributors/plugin.tsx';
import { contributorPhotoShown, SubjectRegistry, eraseContributor, ownProfileSection } from './modules/contributors/index.ts';
import { eventsPlugin } from './modules/events/plugin.ts';
import { contributorSeatsPerEvent, nextEventChange, nextEveningSection, talkSubjects, ticketingOutstanding, eraseTicketHolder, myTicketsSection } from './modules/events/index.ts';
import { bookPlugin } from './modules/book/plugin.tsx';
import { bookChapterSubjects, bookHomeSection, bookSalesReport, paidBookCheckout, royaltyStatementSection, eraseBookBuyer } from './modules/book/index.ts';
import { ledgerPlugin } from './modules/ledger/plugin.ts';
import type { BookReport, CounterpartProvider, OutstandingCheck } from './modules/ledger/index.ts';
import { mediaPlugin } from './modules/media/plugin.ts';
import type { MediaShownCheck } from './modules/media/index.ts';
import { mapPlugin } from './modules/map/plugin.ts';
import { organisationSearchSource, organisationSubjects, type OrganisationHook, eraseSuggester } from './modules/map/index.ts';
import { pagesPlugin } from './modules/pages/plugin.tsx';
import { eraseCorrespondent } from './modules/pages/index.ts';
import { publishingPlugin } from './modules/publishing/plugin.ts';
import { conversationPlugin } from './modules/conversation/plugin.tsx';
import { announceMentionEndpoints, discussionSection, responseSubjects, webmentionHook, eraseCommenter } from './modules/conversation/index.ts';
import { reachPlugin } from './modules/reach/plugin.tsx';
import { commentFeedsSection, indexDocuments, pieceSearchSource, searchIndexHook, type SearchSource } from './modules/reach/index.ts';
import { nextScheduledPublication, pieceMediaShown, pieceSubjects, eraseProposer } from './modules/publishing/index.ts';
import { sitePlugin } from './modules/site/plugin.ts';
import { EffectHandlers } from './outbox/handlers.ts';
import { outboxPlugin } from './outbox/plugin.tsx';
import { DEFAULT_WORKER_OPTIONS, OutboxWorker, type WorkerOptions } from './outbox/worker.ts';
import { verifyCsrf } from './shared/http/csrf.ts';
import { plainErrorPage, registerErrorHandling } from './shared/http/error-handler.tsx';
import { normaliseFormBody, type FormFields, type UploadedFile } from './shared/http/form.ts';
import { frontDoor, registerPageCache } from './shared/http/page-cache.ts';
import { zodValidatorCompiler } from './shared/http/route-schema.ts';
import { AppError } from './shared/errors.ts';
import { DEFAULT_LANG, langOfUrl, stripLangPrefix } from './shared/i18n/index.ts';
import { registerLanguage, wantsEnglishHome } from './shared/http/language.ts';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PUBLIC_DIR = path.join(rootDir, 'public');

/** Cache-busting URLs for the bundled CSS and JS (built by scripts/build.mjs). */
function assetUrls(): { css: string; js: string; checkinJs: string; checkinCss: string } {
  const version = (file: string) => {
    const full = path.join(PUBLIC_DIR, 'build', file);
    return existsSync(full) ? createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 12) : 'dev';
  };
  return {
    css: `/static/build/app.css?v=${version('app.css')}`,
    js: `/static/build/app.js?v=${version('app.js')}`,
    checkinJs: `/static/build/checkin.js?v=${version('checkin.js')}`,
    checkinCss: `/static/build/checkin.css?v=${version('checkin.css')}`,
  };
}

/** Pino options shared by the server and the CLI: secrets and cookies never reach the log. */
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.password_hash', '*.token'],
      censor: '[redacted]',
    },
  };
}

export interface BuildOptions {
  logger?: FastifyBaseLogger;
  /** Outbox worker settings (tests shorten the backoff; the bench measures the drain). */
  outbox?: Partial<Omit<WorkerOptions, 'now' | 'log'>>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox worker of this instance: server.ts starts it, tests drain it. */
    outbox: OutboxWorker;
    /** Every route the modules registered (method and URL pattern): what the route tests walk. */
    routeList: readonly { method: string; url: string }[];
  }
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps;
  // Images come from this site only (texts cannot name another's: shared/markdown.ts), and from
  // the map's tile server when one is configured (the default basemap is bundled).
  const siteOrigin = new URL(config.baseUrl).origin;
  const mapTileOrigin = config.mapTileUrl ? ` ${new URL(config.mapTileUrl.replace(/[{}]/g, '')).origin}` : '';
  /** Security headers for every response; the CSP allows only our own scripts and styles. */
  const securityHeaders = (reply: FastifyReply) =>
    reply.headers({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
      'content-security-policy': `default-src 'self'; img-src 'self' data:${mapTileOrigin}; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`,
    });
  // The page cache's front door (set once the cache exists): a kept page is answered from the
  // server's request event, before Fastify routes the request (docs/decisions/021).
  let front: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const app = Fastify({
    serverFactory: (handler) => {
      const server = createServer((req, res) => {
        if (!front?.(req, res)) handler(req, res);
      });
      // Fastify's own defaults for the server it would have made.
      server.keepAliveTimeout = 72_000;
      return server;
    },
    // A URL the router cannot even read (a path segment too long, a broken escape): answered before
    // any hook runs, so with the headers and a plain page here.
    frameworkErrors: (error, _req, reply) => {
      const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      return securityHeaders(reply).status(status).type('text/html; charset=utf-8').send(plainErrorPage(status));
    },
    ...(options.logger ? { loggerInstance: options.logger } : { logger: loggerOptions(config.logLevel) }),
    forceCloseConnections: 'idle',
    // While stopping, a request read from an open connection is answered (with Connection: close), not refused with a 503 (docs/decisions/020).
    return503OnClosing: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Slugs and ids come in the path; anything longer is malformed.
    routerOptions: { maxParamLength: 200 },
    // `/en/events` is routed as `/events`, in English (shared/http/language.ts sets the language).
    rewriteUrl: (req) => stripLangPrefix(req.url ?? '/'),
  });

  const routes: { method: string; url: string }[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });

  app.decorate('site', {
    baseUrl: config.baseUrl,
    appSecret: config.appSecret,
    assets: assetUrls(),
    maxUploadBytes: config.maxUploadBytes,
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', DEFAULT_LANG);
  app.decorateRequest('formFields', null as unknown as FormFields);
  app.decorateRequest('uploads', null as unknown as Record<string, UploadedFile>);

  // 1. External plugins.
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 });
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: config.maxUploadBytes, files: 2, fields: 60, fieldSize: 1024 * 1024 },
    onFile: async (part) => {
      (part as unknown as { value: Buffer }).value = await part.toBuffer();
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited', 429, 'errors.rateLimited'),
    // On PostgreSQL the counts are shared by every instance (src/db/rate-limit-store.ts); if the
    // database cannot count, the request goes on rather than failing.
    ...(deps.database.dialect === 'postgres' ? { store: postgresRateLimitStore(deps.database.db), skipOnError: true } : {}),
  });
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    maxAge: config.env === 'production' ? '365d' : 0,
    immutable: config.env === 'production',
    // The build writes each asset's .br and .gz beside it (scripts/build.mjs).
    preCompressed: true,
  });

  // 2. The request context, shared by every module's routes.
  app.setValidatorCompiler(zodValidatorCompiler);
  registerErrorHandling(app);
  app.addHook('onRequest', async (_req, reply) => {
    securityHeaders(reply);
  });
  // The language is in the URL (French at the root, English under /en): see shared/http/language.ts.
  registerLanguage(app);
  // Kept public pages are answered here, before the session is looked up (docs/decisions/021).
  registerPageCache(app, {
    ttlSeconds: config.pageCacheSeconds,
    feed: deps.database.changes,
    db: deps.database.db,
    now: deps.now,
    // Pages that change with the clock: a scheduled piece comes out, an evening starts or ends.
    scheduled: [
      { tags: ['pieces', 'search_documents'], next: nextScheduledPublication },
      { tags: ['events'], next: nextEventChange },
    ],
  });
  front = frontDoor(app.pageCache, {
    parseCookie: (header) => app.parseCookie(header),
    // As rewriteUrl and the language hook would have it; the English-preferring first visitor of `/` is redirected there.
    route: (req, cookies) => {
      const url = req.url ?? '/';
      return wantsEnglishHome(req.method, url, cookies, req.headers) ? null : { url: stripLangPrefix(url), lang: langOfUrl(url) };
    },
  });
  app.addHook('onRequest', loadActor(deps));
  // Before any schema runs: the CSRF token is checked, the route's access rule applied, and the
  // form turned into plain fields.
  app.addHook('preValidation', async (req) => {
    if (req.routeOptions.config?.csrf !== false) verifyCsrf(req, config.appSecret, siteOrigin);
    req.routeOptions.config?.authorize?.(req);
    normaliseFormBody(req);
  });

  // 3. Extension points: what one module shows of another's, wired here and nowhere else.
  const effects = new EffectHandlers();
  const subjects = new SubjectRegistry();
  subjects.register('piece', pieceSubjects);
  subjects.register('event', talkSubjects);
  // Accepted map suggestions credit their suggester on the organisation (contribution kind 'map_entry').
  subjects.register('organisation', organisationSubjects);
  // Approved responses to open challenges credit their authors (contribution kind 'response').
  subjects.register('response', responseSubjects);
  // Authors of the book's chapters are credited once it is built (contribution kind 'book_chapter').
  subjects.register('book_chapter', bookChapterSubjects);
  // What the search indexes (and feeds are made of): pieces; the map's organisations can join here.
  // The map's organisations are a source too (under the map's data licence); the index follows
  // each organisation written (the map plugin runs these hooks through the outbox).
  const organisationSource = organisationSearchSource(config.mapDataLicence.name);
  const searchSources: SearchSource[] = [pieceSearchSource, organisationSource];
  const organisationHooks: OrganisationHook[] = [({ db, now, organisationId }) => indexDocuments({ db, actor: null, now }, { source: organisationSource, ids: [organisationId] })];
  // Under a piece's page: its discussion (responses, mentions, comments), and its comments feeds in the head.
  const pieceSections = [discussionSection, commentFeedsSection];
  // When a piece is published, updated or withdrawn: the search index follows, and webmentions go out.
  const pieceHooks = [searchIndexHook(pieceSearchSource), webmentionHook(config)];
  // Piece pages announce their webmention and pingback endpoints in their headers (cached pages too).
  app.addHook('onRequest', announceMentionEndpoints(config.baseUrl));
  const counterparts: CounterpartProvider[] = [contributorSeatsPerEvent];
  // Closing an evening's accounts waits until ticketing has no payment or refund outstanding for it.
  const outstanding: OutstandingCheck[] = [ticketingOutstanding];
  // Stored images are public while something public shows them: a published piece (its cover or
  // text), a public contributor's photo.
  const mediaShownBy: MediaShownCheck[] = [pieceMediaShown, contributorPhotoShown];
  // The book's paper sales, shown on the transparency page.
  const bookReports: BookReport[] = [bookSalesReport];

  // 4. The modules, each an encapsulated plugin with its routes, hooks, timers and effect handlers.
  await app.register(mediaPlugin, { deps, shownBy: mediaShownBy });
  await app.register(sitePlugin, { deps });
  // One's own account page: one's tickets, one's contributions and public profile, the royalty
  // statement from the book's sales. Deleting an account, each module erases what it holds of the
  // person (addresses, names); orders, credits and the ledger stay, anonymised.
  const accountSections = [myTicketsSection(config), ownProfileSection(subjects), royaltyStatementSection];
  const erasures = [eraseTicketHolder, eraseCommenter, eraseProposer, eraseCorrespondent, eraseBookBuyer, eraseSuggester, eraseContributor];
  await app.register(accountsPlugin, { deps, effects, accountSections, erasures });
  // The home page highlights the next evening and, once published, the book.
  await app.register(publishingPlugin, { deps, effects, pieceSections, pieceHooks, homeSections: [nextEveningSection, bookHomeSection] });
  await app.register(contributorsPlugin, { deps, subjects });
  await app.register(pagesPlugin, { deps, effects });
  // The one Stripe webhook also confirms the book's paper orders (sessions of kind 'book_order').
  await app.register(eventsPlugin, { deps, effects, stripeSessions: { book_order: paidBookCheckout } });
  await app.register(ledgerPlugin, { deps, counterparts, outstanding, bookReports });
  await app.register(bookPlugin, { deps, effects });
  await app.register(mapPlugin, { deps, effects, publicDir: PUBLIC_DIR, organisationHooks });
  await app.register(conversationPlugin, { deps, effects });
  await app.register(reachPlugin, { deps, searchSources });
  await app.register(outboxPlugin, { deps });

  // 5. The outbox worker: started by server.ts (tests drain it by hand), kicked after every write,
  // and giving way to the requests this instance is answering.
  let inFlight = 0;
  // Counted only when counted on the way in: a kept page is answered before this hook runs.
  const counted = new WeakSet<object>();
  app.addHook('onRequest', async (req) => {
    inFlight += 1;
    counted.add(req);
  });
  app.addHook('onResponse', async (req) => {
    if (counted.delete(req)) inFlight -= 1;
  });
  const worker = new OutboxWorker(deps.database.db, effects, {
    ...DEFAULT_WORKER_OPTIONS,
    ...options.outbox,
    now: deps.now,
    log: app.log,
    isBusy: () => inFlight > 0,
  });
  app.decorate('outbox', worker);
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') worker.kick();
  });
  app.addHook('onClose', async () => worker.stop());
  return app;
}
