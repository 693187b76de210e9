import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { getActorBySessionHash } from './queries.ts';
import { hashSecretToken } from './secret-token.ts';

export const SESSION_COOKIE = 'oe_session';

/** Loads the person behind the session cookie, if any, before every route. */
export function registerSessionHook(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('onRequest', async (req) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie || cookie.length > 100 || req.url.startsWith('/static/')) return;
    req.actor = await getActorBySessionHash(deps.database.db, hashSecretToken(cookie), deps.now());
  });
}
