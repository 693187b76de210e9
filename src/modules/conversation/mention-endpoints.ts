/**
 * Pieces announce where webmentions and pingbacks are received in their HTTP headers too (a
 * sender checks the `Link` header before the HTML). Registered by app.ts for every request, so
 * pages served from the page cache carry the headers as well.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export function announceMentionEndpoints(baseUrl: string) {
  const link = `<${baseUrl}/webmention>; rel="webmention"`;
  const pingback = `${baseUrl}/xmlrpc`;
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url.startsWith('/pieces/')) return;
    reply.header('link', link);
    reply.header('x-pingback', pingback);
  };
}
