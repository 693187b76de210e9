/** Uploaded images, stored in the database and served with long-lived caching. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { can } from '../accounts/index.ts';
import { getMedia } from './queries.ts';


export function registerMedia(app: FastifyInstance, deps: AppDeps): void {
  app.get('/media/:id', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
    const row = await getMedia(deps.database.db, id);
    if (!row) throw new NotFoundError();
    // Receipts: only the people who handle expenses see them, and never from a shared cache.
    if (row.private) {
      if (!can(req.actor, 'submit:expense')) throw new NotFoundError();
      return reply
        .header('content-type', row.mime)
        .header('content-disposition', `attachment; filename="receipt-${id}${row.mime === 'application/pdf' ? '.pdf' : ''}"`)
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'")
        .send(Buffer.from(row.bytes));
    }
    if (req.headers['if-none-match'] === `"${row.sha256}"`) return reply.status(304).send();
    return reply
      .header('content-type', row.mime)
      .header('etag', `"${row.sha256}"`)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'")
      .send(Buffer.from(row.bytes));
  });
}
