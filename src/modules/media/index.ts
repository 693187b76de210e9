/** Uploaded images, stored in the database and served with long-lived caching. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';

export { storeImage, sniffImageType } from './store-image.ts';

export function mediaUrl(id: number): string {
  return `/media/${id}`;
}

export function registerMedia(app: FastifyInstance, deps: AppDeps): void {
  app.get('/media/:id', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
    const row = await deps.database.db.selectFrom('media').select(['mime', 'bytes', 'sha256']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError();
    if (req.headers['if-none-match'] === `"${row.sha256}"`) return reply.status(304).send();
    return reply
      .header('content-type', row.mime)
      .header('etag', `"${row.sha256}"`)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'")
      .send(Buffer.from(row.bytes));
  });
}
