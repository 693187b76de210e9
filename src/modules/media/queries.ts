import type { Executor } from '../../db/database.ts';

/** A stored file with what serving it needs: its type, bytes, hash (the ETag) and whether it is a receipt. */
export async function getMedia(db: Executor, id: number) {
  return db.selectFrom('media').select(['mime', 'bytes', 'sha256', 'private']).where('id', '=', id).executeTakeFirst();
}
