/**
 * One place turns errors into responses. Typed AppErrors and Fastify's own 4xx errors get their
 * status and a message a person understands; anything else is a 500 whose detail goes to the log
 * only. HTML for browsers, JSON for API clients.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { translator, type MessageKey } from '../i18n/index.ts';
import { ErrorPage } from '../views/error-page.tsx';
import { sendPage, viewContext } from './page.ts';

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

function respond(req: FastifyRequest, reply: FastifyReply, status: number, key: MessageKey, code: string) {
  const lang = req.lang ?? 'fr';
  const message = translator(lang)(key, { max: Math.round(req.server.site.maxUploadBytes / 1024 / 1024) });
  if (wantsJson(req)) return reply.status(status).send({ error: code, message });
  return sendPage(reply, <ErrorPage ctx={viewContext(req, reply)} status={status} message={message} />, status);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) {
      // A person who is not logged in is sent to the login page, and brought back afterwards.
      if (error.code === 'unauthenticated' && req.method === 'GET' && !wantsJson(req)) {
        return reply.redirect(`/account/login?next=${encodeURIComponent(req.url)}`, 303);
      }
      if (error.status >= 500) req.log.error({ err: error }, 'application error');
      return respond(req, reply, error.status, error.messageKey, error.code);
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
  });
  app.setNotFoundHandler((req, reply) => respond(req, reply, 404, 'errors.notFound', 'not_found'));
}
