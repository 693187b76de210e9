/**
 * Builds the Fastify application. Plugins load in a visible order: external plugins, then the
 * request context (language, session, CSRF), then each module's routes, then error handling.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import { registerAccounts } from './modules/accounts/index.ts';
import { registerContributors } from './modules/contributors/index.ts';
import { registerEvents } from './modules/events/index.ts';
import { registerLedger } from './modules/ledger/index.ts';
import { registerMedia } from './modules/media/index.ts';
import { registerPages } from './modules/pages/index.ts';
import { registerPublishing } from './modules/publishing/index.ts';
import { registerSite } from './modules/site/index.ts';
import { verifyCsrf } from './shared/http/csrf.ts';
import { registerErrorHandling } from './shared/http/error-handler.tsx';
import { registerPageCache } from './shared/http/page-cache.ts';
import { AppError } from './shared/errors.ts';
import { DEFAULT_LANG, isLang } from './shared/i18n/index.ts';

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

export async function buildApp(deps: AppDeps, options: { logger?: FastifyBaseLogger } = {}): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: loggerOptions(config.logLevel) }),
    forceCloseConnections: 'idle',
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Slugs and ids come in the path; anything longer is malformed.
    routerOptions: { maxParamLength: 200 },
  });

  app.decorate('site', {
    baseUrl: config.baseUrl,
    appSecret: config.appSecret,
    assets: assetUrls(),
    maxUploadBytes: config.maxUploadBytes,
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', DEFAULT_LANG);

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
  });
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    maxAge: config.env === 'production' ? '365d' : 0,
    immutable: config.env === 'production',
  });

  app.addHook('onRequest', async (req) => {
    const lang = req.cookies.oe_lang;
    if (isLang(lang)) req.lang = lang;
  });
  app.addHook('onRequest', async (req, reply) => {
    // Security headers for every response; the CSP allows only our own scripts and styles.
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    void req;
  });

  registerAccounts(app, deps);
  registerPageCache(app, config.pageCacheSeconds);
  app.addHook('preHandler', async (req) => {
    if (req.routeOptions.config?.csrf === false) return;
    verifyCsrf(req, config.appSecret);
  });

  registerMedia(app, deps);
  registerSite(app, deps);
  registerPublishing(app, deps);
  registerContributors(app, deps);
  registerPages(app, deps);
  registerEvents(app, deps);
  registerLedger(app, deps);
  registerErrorHandling(app);
  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false on the rare route that authenticates differently (webhooks). */
    csrf?: boolean;
  }
}
