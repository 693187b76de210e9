/**
 * One place turns errors into responses.
 * - A body that fails its route's schema, or a command's refusal (an AppError below 500), on a
 *   route that declares `config.form`: the form is shown again with the person's input and the
 *   message next to the field the error names (or above the form).
 * - The same refusal on a button-only route that declares `config.back`: back there, with the
 *   message.
 * - Params that fail their schema: 404, like an id that does not exist. A bad query string: 400.
 * - Otherwise typed AppErrors and Fastify's own 4xx get their status and a message a person
 *   understands; anything else is a 500 whose detail goes to the log only. HTML for browsers,
 *   JSON for API clients.
 */
import type { FastifyContextConfig, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validateHeaderValue } from 'node:http';
import { busyOr, ConstraintRefusal, constraintRefusalOr } from '../../db/locks.ts';
import { AppError, formErrorsOf } from '../errors.ts';
import { translator, type MessageKey } from '../i18n/index.ts';
import { ErrorPage } from '../views/error-page.tsx';
import { redirectWithFlash, sendPage, viewContext } from './page.ts';
import { RequestValidationError } from './route-schema.ts';

const statusMessages: Record<number, MessageKey> = {
  400: 'errors.badRequest',
  401: 'errors.loginRequired',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  405: 'errors.badRequest',
  406: 'errors.badRequest',
  409: 'errors.conflict',
  413: 'errors.tooLarge',
  415: 'errors.badRequest',
  422: 'errors.validation',
  429: 'errors.rateLimited',
};

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

function respond(req: FastifyRequest, reply: FastifyReply, status: number, key: MessageKey, code: string, params?: Record<string, string | number>) {
  const lang = req.lang ?? 'fr';
  const message = translator(lang)(key, { max: Math.round(req.server.site.maxUploadBytes / 1024 / 1024), ...params });
  if (wantsJson(req)) return reply.status(status).send({ error: code, message });
  return sendPage(reply, <ErrorPage ctx={viewContext(req, reply)} status={status} message={message} />, status);
}

/** Access refusals are pages of their own ("log in", "not allowed"), never a message on a form. */
const ACCESS_REFUSALS = new Set(['unauthenticated', 'forbidden', 'csrf']);

/**
 * Refusals a person can act on from the form they sent: a command's rule (sold out, wrong
 * password, accounts closed), not an access refusal, and "no such thing" only when it names a field.
 */
function belongsOnForm(error: AppError): boolean {
  if (error.status >= 500 || ACCESS_REFUSALS.has(error.code)) return false;
  return error.status !== 404 || error.field !== undefined;
}

/**
 * What the failed reply had already set and cannot go out with an error page: a redirect's
 * `Location` (an error page is not a redirect), and any header a socket would refuse (a newline
 * or a non-Latin-1 character: the very error that may have brought us here). The security headers
 * stay, so the error page carries them like every other page.
 */
function dropUnsendableHeaders(reply: FastifyReply): void {
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (name === 'location') {
      reply.removeHeader(name);
      continue;
    }
    try {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) validateHeaderValue(name, String(v));
    } catch {
      reply.removeHeader(name);
    }
  }
}

/**
 * A page without the site's layout, in both languages: for a URL the router cannot read (before
 * any hook), and as the last resort when the error page itself fails.
 */
export function plainErrorPage(status: number): string {
  const [fr, en] = status >= 500 ? ['Erreur inattendue', 'Unexpected error'] : status === 414 ? ['Adresse trop longue', 'Address too long'] : ['Requête incorrecte', 'Bad request'];
  return `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${fr} / ${en}</title><h1>${fr}</h1><p lang="en">${en}</p><p><a href="/">Accueil / Home</a></p></html>`;
}

/**
 * A `Location` built from what a request carried (a slug, a path) may hold characters a header
 * cannot: they are percent-encoded, as a browser would, so the redirect goes where it says (most
 * often to a 404) instead of failing to be sent. Other characters are left as they are.
 */
export function sendableLocation(location: string): string {
  return location.replace(/[^\x21-\x7e]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '%EF%BF%BD'; // a lone surrogate: the replacement character
    }
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    const location = reply.getHeader('location');
    if (typeof location === 'string') reply.header('location', sendableLocation(location));
    return payload;
  });
  app.setErrorHandler(async (raw: FastifyError | AppError, req, reply) => {
    dropUnsendableHeaders(reply);
    try {
      return await handle(raw, req, reply);
    } catch (err) {
      req.log.error({ err }, 'the error page failed');
      dropUnsendableHeaders(reply);
      return reply.status(500).type('text/html; charset=utf-8').send(plainErrorPage(500));
    }
  });
  app.setNotFoundHandler((req, reply) => respond(req, reply, 404, 'errors.notFound', 'not_found'));
}

/**
 * `viaForm`: whether the route's form (or way back) may show the refusal. Showing it may itself be
 * refused — the form of a thing that does not exist is a 404 — and that refusal is then answered
 * as it is, without a form.
 */
async function handle(raw: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply, viaForm = true): Promise<unknown> {
  // A database that gave up waiting for a row lock: "busy, try again", never a 500. A statement
  // it refused for its data (an unknown id, a duplicate): a 4xx, logged for the developers.
  const refused = constraintRefusalOr(busyOr(raw));
  if (refused instanceof ConstraintRefusal) req.log.warn({ kind: refused.kind, constraint: refused.constraint }, 'the database refused a statement');
  const error = refused as FastifyError | AppError;
  const config: Pick<FastifyContextConfig, 'form' | 'back'> = viaForm ? (req.routeOptions?.config ?? {}) : {};
  const onForm = async (show: () => unknown) => {
    try {
      return await show();
    } catch (inner) {
      if (inner instanceof AppError) return handle(inner, req, reply, false);
      throw inner;
    }
  };
  if (error instanceof RequestValidationError) {
    if (error.part === 'params') return respond(req, reply, 404, 'errors.notFound', 'not_found');
    if (error.part === 'body' && !wantsJson(req)) {
      const { form, back } = config;
      if (form) return onForm(() => form(req, reply, { form: { values: req.formFields ?? {}, errors: error.fieldErrors() }, error: null, status: 422 }));
      if (back) return onForm(async () => redirectWithFlash(req, reply, await back(req), Object.values(error.fieldErrors())[0] ?? 'errors.validation', 'error'));
    }
    req.log.info({ part: error.part }, 'request failed its schema');
    return respond(req, reply, error.part === 'body' ? 422 : 400, error.part === 'body' ? 'errors.validation' : 'errors.badRequest', 'validation');
  }
  if (error instanceof AppError) {
    // A person who is not logged in is sent to the login page, and brought back afterwards.
    if (error.code === 'unauthenticated' && req.method === 'GET' && !wantsJson(req)) {
      return reply.redirect(`/account/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    if (error.status >= 500) req.log.error({ err: error }, 'application error');
    if (belongsOnForm(error) && !wantsJson(req)) {
      const { form, back } = config;
      if (form) return onForm(() => form(req, reply, { form: { values: req.formFields ?? {}, errors: formErrorsOf(error) }, error, status: error.status }));
      if (back) return onForm(async () => redirectWithFlash(req, reply, await back(req), error.messageKey, 'error', error.params));
    }
    return respond(req, reply, error.status, error.messageKey, error.code, error.params);
  }
  // A body the multipart parser cannot read is the client's fault, whatever the parser says.
  const brokenMultipart = typeof error.statusCode !== 'number' && req.isMultipart() && /multipart|part header|boundary|unexpected end of form/i.test(error.message);
  const status = brokenMultipart ? 400 : typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    req.log.info({ code: error.code, status }, 'client error');
    return respond(req, reply, status, statusMessages[status] ?? 'errors.badRequest', error.code ?? 'bad_request');
  }
  req.log.error({ err: error }, 'unexpected error');
  return respond(req, reply, 500, 'errors.unexpected', 'internal');
}
