/**
 * The endpoints other sites talk to: Webmention (W3C Recommendation) and Pingback (XML-RPC).
 * They carry no CSRF token (they are not forms of ours): each checks its own input, is rate
 * limited per address, answers at once and leaves fetching the source to the outbox.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import type { ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { receiveMention } from '../commands/receive-mention.ts';
import { answerPingback, xmlRpcResponse } from '../pingback.ts';
import { webmentionBody } from '../schemas.ts';

/** What the endpoints accept per address and minute (times RATE_LIMIT_MULTIPLIER). */
const MENTIONS_PER_MINUTE = 20;

export function mentionRoutes(fastify: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;
  const rateLimit = { max: MENTIONS_PER_MINUTE * deps.config.rateLimitMultiplier, timeWindow: '1 minute' };

  void fastify.register(async (scope) => {
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post('/webmention', { schema: { body: webmentionBody }, config: { csrf: false, rateLimit } }, async (req, reply) => {
      await receiveMention({ db, actor: null, now: deps.now() }, { ...req.body, protocol: 'webmention', baseUrl: deps.config.baseUrl });
      return reply.status(202).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('Accepted: the source will be checked shortly.\n');
    });
  });

  void fastify.register(async (scope) => {
    // XML-RPC bodies, read as text (64 KB is plenty for two URLs).
    scope.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/xmlrpc', { config: { csrf: false, rateLimit } }, async (req, reply) => {
      const xml = typeof req.body === 'string' ? req.body : '';
      const answer = await answerPingback({ db, actor: null, now: deps.now() }, xml, deps.config.baseUrl);
      // XML-RPC answers faults with 200 and a <fault>, as the specification says.
      return reply.type('text/xml; charset=utf-8').header('cache-control', 'no-store').send(xmlRpcResponse(answer));
    });
  });
}
