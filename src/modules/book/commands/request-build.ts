import { sql } from 'kysely';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import { bookPolicy } from '../policy.ts';
import { getBook } from '../queries/books.ts';
import { getPendingBuild } from '../queries/builds.ts';

/**
 * Asks for the book's editions to be built. A build already waiting is the one asked for (a
 * double click queues one); while one runs, the next waits behind it (one running per book, which
 * the database enforces). `byCommandLine`: asked by the operator at the server's console (no
 * person logged in, the server's own rights). Returns the build's id.
 */
export async function requestBuild(ctx: CommandContext, input: { bookId: number; byCommandLine?: boolean }): Promise<number> {
  const actor = input.byCommandLine ? null : bookPolicy.authorize(ctx.actor, 'compose');
  return inTransaction(ctx, async (tx) => {
    const book = await getBook(tx.db, input.bookId);
    if (!book) throw new NotFoundError(`book ${input.bookId}`);
    const pending = await getPendingBuild(tx.db, book.id);
    if (pending?.status === 'queued') return pending.id;
    const inserted = await tx.db
      .insertInto('book_builds')
      .values({ book_id: book.id, status: 'queued', edition: book.edition, requested_by: actor?.id ?? null, created_at: tx.now.toISOString(), locked_until: null, content_hash: null, started_at: null, finished_at: null })
      // Another request won the race for the one queued place: that build is this one.
      .onConflict((oc) => oc.column('book_id').where(sql.ref('status'), '=', sql.lit('queued')).doNothing())
      .returning('id')
      .executeTakeFirst();
    const id = inserted?.id ?? (await getPendingBuild(tx.db, book.id))!.id;
    if (inserted) await audit(tx, { action: 'book.build_requested', subjectType: 'book', subjectId: book.id, data: { buildId: id } });
    return id;
  });
}
