import { actorId, type TxContext } from '../../../shared/command.ts';
import { changedFields, parseSnapshot, type PieceSnapshot } from '../domain/revision.ts';
import { getLatestRevision } from '../queries/revisions.ts';

/**
 * Records a piece's editable fields as its newest revision, when something changed since the last
 * one, inside the caller's transaction. Returns the revision's number, or null when nothing changed.
 */
export async function writeRevision(ctx: TxContext, input: { pieceId: number; snapshot: PieceSnapshot; note: string }): Promise<number | null> {
  const last = await getLatestRevision(ctx.db, input.pieceId);
  const before = last ? parseSnapshot(last.snapshot) : null;
  const changed = changedFields(before, input.snapshot);
  if (before && changed.length === 0) return null;
  const number = (last?.number ?? 0) + 1;
  await ctx.db
    .insertInto('piece_revisions')
    .values({
      piece_id: input.pieceId,
      number,
      snapshot: JSON.stringify(input.snapshot),
      note: input.note || changed.join(', '),
      author_user_id: actorId(ctx),
      created_at: ctx.now.toISOString(),
    })
    .execute();
  return number;
}
