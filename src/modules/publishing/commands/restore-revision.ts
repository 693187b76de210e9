import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { parseSnapshot } from '../domain/revision.ts';
import { getRevision } from '../queries.ts';
import { savePiece } from './save-piece.ts';

/** Restores an older revision by saving its snapshot as the newest one: history only grows. */
export async function restoreRevision(deps: { db: Db; actor: Actor; now: Date }, input: { pieceId: number; number: number }) {
  const revision = await getRevision(deps.db, input.pieceId, input.number);
  if (!revision) throw new NotFoundError();
  const snapshot = parseSnapshot(revision.snapshot);
  return savePiece(deps, {
    ...snapshot,
    id: input.pieceId,
    removeCover: snapshot.cover_media_id === null,
    note: `restored #${input.number}`,
  });
}
