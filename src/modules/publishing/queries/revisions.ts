/** Reads of a piece's revision history (it only grows; restoring writes a new revision). */
import type { Executor } from '../../../db/database.ts';

/** Every revision of a piece, newest first, with who wrote it. */
export async function listRevisions(db: Executor, pieceId: number) {
  return db
    .selectFrom('piece_revisions')
    .leftJoin('users', 'users.id', 'piece_revisions.author_user_id')
    .select(['piece_revisions.number', 'piece_revisions.note', 'piece_revisions.created_at', 'piece_revisions.snapshot', 'users.display_name as author_name'])
    .where('piece_revisions.piece_id', '=', pieceId)
    .orderBy('piece_revisions.number', 'desc')
    .execute();
}

export async function getRevision(db: Executor, pieceId: number, number: number) {
  return db
    .selectFrom('piece_revisions')
    .select(['number', 'snapshot', 'created_at'])
    .where('piece_id', '=', pieceId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** The latest revision of a piece, to compare the next one with. */
export async function getLatestRevision(db: Executor, pieceId: number) {
  return db
    .selectFrom('piece_revisions')
    .select(['number', 'snapshot'])
    .where('piece_id', '=', pieceId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}
