import type { Executor } from '../../db/database.ts';

export async function getMedia(db: Executor, id: number) {
  return db.selectFrom('media').select(['mime', 'bytes', 'sha256', 'private']).where('id', '=', id).executeTakeFirst();
}
