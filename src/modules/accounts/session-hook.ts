import type { onRequestAsyncHookHandler } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { SESSION_COOKIE } from '../../shared/http/cookies.ts';
import { getActorBySessionHash } from './queries.ts';
import { hashSecretToken } from './secret-token.ts';

export { SESSION_COOKIE } from '../../shared/http/cookies.ts';

/** The hook that loads the person behind the session cookie, if any, before every route (app.ts adds it). */
export function loadActor(deps: AppDeps): onRequestAsyncHookHandler {
  return async (req) => {
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie || cookie.length > 100 || req.url.startsWith('/static/')) return;
    req.actor = await getActorBySessionHash(deps.database.db, hashSecretToken(cookie), deps.now());
  };
}
