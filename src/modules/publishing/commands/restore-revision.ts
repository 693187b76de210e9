import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { parseSnapshot } from '../domain/revision.ts';
import { RevisionSlugTakenError } from '../domain/slugs.ts';
import { slugTaken } from '../queries.ts';
import { getRevision } from '../queries/revisions.ts';
import { savePiece } from './save-piece.ts';

/** Restores an older revision by saving its snapshot as the newest one: history only grows. */
export async function restoreRevision(ctx: CommandContext, input: { pieceId: number; number: number }): Promise<{ id: number; slug: string }> {
  return inTransaction(ctx, async (tx) => {
    const revision = await getRevision(tx.db, input.pieceId, input.number);
    if (!revision) throw new NotFoundError();
    const snapshot = parseSnapshot(revision.snapshot);
    // The old address may have been taken since: say so rather than offer alternatives nobody asked for.
    if (await slugTaken(tx.db, snapshot.slug, input.pieceId)) throw new RevisionSlugTakenError(snapshot.slug);
    return savePiece(tx, {
      ...snapshot,
      id: input.pieceId,
      removeCover: snapshot.cover_media_id === null,
      note: `restored #${input.number}`,
    });
  });
}
