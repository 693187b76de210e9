/** Serves stored files: images to everyone with long-lived caching, receipts to the team only and never from a cache. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { idParams, type ZodTypeProvider } from '../../shared/http/route-schema.ts';
import { canRead } from './policy.ts';
import { getMedia } from './queries.ts';

interface StoredFile {
  mime: string;
  bytes: Buffer;
  sha256: string;
}

/** A receipt: downloaded, not shown inline, and kept out of every shared cache. */
function sendReceipt(reply: FastifyReply, id: number, file: StoredFile) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename="receipt-${id}${file.mime === 'application/pdf' ? '.pdf' : ''}"`)
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'")
    .send(Buffer.from(file.bytes));
}

/** An image: its bytes never change under its id, so it is cached for a year and revalidated by its hash. */
function sendImage(reply: FastifyReply, ifNoneMatch: string | undefined, file: StoredFile) {
  const etag = `"${file.sha256}"`;
  if (ifNoneMatch === etag) return reply.status(304).send();
  return reply
    .header('content-type', file.mime)
    .header('etag', etag)
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('content-security-policy', "default-src 'none'")
    .send(Buffer.from(file.bytes));
}

export const mediaPlugin: FastifyPluginAsync<{ deps: AppDeps }> = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/media/:id', { schema: { params: idParams } }, async (req, reply) => {
    const file = await getMedia(deps.database.db, req.params.id);
    if (!file || !canRead(req.actor, file)) throw new NotFoundError();
    return file.private ? sendReceipt(reply, req.params.id, file) : sendImage(reply, req.headers['if-none-match'], file);
  });
};
