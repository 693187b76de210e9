/**
 * Serves stored files under their unguessable keys: images shown by something public to everyone,
 * cacheable; images nothing public shows yet (a draft's cover) to who may see them, never from a
 * shared cache; receipts to the team only, as downloads.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import type { ZodTypeProvider } from '../../shared/http/route-schema.ts';
import { mediaAccess } from './policy.ts';
import type { MediaShownCheck } from './shown.ts';
import { getMediaByKey, MEDIA_KEY } from './queries.ts';


interface StoredFile {
  id: number;
  mime: string;
  bytes: Buffer;
  sha256: string;
}

/** A receipt: downloaded, not shown inline, and kept out of every shared cache. */
function sendReceipt(reply: FastifyReply, file: StoredFile) {
  return reply
    .header('content-type', file.mime)
    .header('content-disposition', `attachment; filename="receipt-${file.id}${file.mime === 'application/pdf' ? '.pdf' : ''}"`)
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'")
    .send(Buffer.from(file.bytes));
}

/**
 * An image. Its bytes never change under its key, but whether it may be seen can (a piece
 * withdrawn): shared caches keep a public one for a day, then revalidate by its hash; one not
 * public yet is never stored by any cache.
 */
function sendImage(reply: FastifyReply, ifNoneMatch: string | undefined, file: StoredFile, access: 'public' | 'private') {
  const etag = `"${file.sha256}"`;
  reply.header('cache-control', access === 'public' ? 'public, max-age=86400' : 'private, no-store');
  if (access === 'public' && ifNoneMatch === etag) return reply.status(304).send();
  return reply
    .header('content-type', file.mime)
    .header('etag', etag)
    .header('content-security-policy', "default-src 'none'")
    .send(Buffer.from(file.bytes));
}

const keyParams = z.object({ key: z.string().regex(MEDIA_KEY) });

export const mediaPlugin: FastifyPluginAsync<{ deps: AppDeps; shownBy: readonly MediaShownCheck[] }> = async (fastify, { deps, shownBy }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  const shownPublicly = async (mediaId: number) => {
    const now = deps.now();
    for (const check of shownBy) if (await check(db, mediaId, now)) return true;
    return false;
  };

  app.get('/media/:key', { schema: { params: keyParams } }, async (req, reply) => {
    const file = await getMediaByKey(db, req.params.key);
    if (!file) throw new NotFoundError();
    const access = mediaAccess(req.actor, file, file.private ? false : await shownPublicly(file.id));
    if (access === 'none') throw new NotFoundError();
    return file.private ? sendReceipt(reply, file) : sendImage(reply, req.headers['if-none-match'], file, access);
  });
};
