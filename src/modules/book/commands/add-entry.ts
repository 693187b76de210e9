import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import { audit } from '../../audit/index.ts';
import type { EntryKind } from '../domain/build-status.ts';
import { bookPolicy } from '../policy.ts';
import { getBook } from '../queries/books.ts';
import { getPieceTitle, listEntryIds } from '../queries/entries.ts';

export interface EntryInput {
  bookId: number;
  kind: EntryKind;
  /** A part's or a text's title; for a piece, a title replacing its own (may be empty). */
  title: string;
  pieceId?: number | null | undefined;
  /** Pin the chapter to this revision of the piece (null: its current published text). */
  revisionNumber?: number | null | undefined;
  bodyMd?: string | undefined;
}

/** Adds a part, a published piece or a text at the end of the book. Returns the entry's id. */
export async function addEntry(ctx: CommandContext, input: EntryInput): Promise<number> {
  bookPolicy.authorize(ctx.actor, 'compose');
  return inTransaction(ctx, async (tx) => {
    const book = await getBook(tx.db, input.bookId);
    if (!book) throw new NotFoundError(`book ${input.bookId}`);
    let sourceTitle = '';
    if (input.kind === 'piece') {
      if (!input.pieceId) throw new ValidationError({ piece_id: 'errors.required' });
      const title = await getPieceTitle(tx.db, input.pieceId);
      if (title === undefined) throw new ValidationError({ piece_id: 'errors.invalid' });
      sourceTitle = title;
    } else if (!input.title.trim()) throw new ValidationError({ title: 'errors.required' });
    const position = (await listEntryIds(tx.db, book.id)).length;
    const now = tx.now.toISOString();
    const { id } = await tx.db
      .insertInto('book_entries')
      .values({
        book_id: book.id,
        position,
        kind: input.kind,
        title: input.title.trim(),
        piece_id: input.kind === 'piece' ? (input.pieceId ?? null) : null,
        source_title: sourceTitle,
        revision_number: input.kind === 'piece' ? (input.revisionNumber ?? null) : null,
        body_md: input.kind === 'text' ? (input.bodyMd ?? '') : '',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'book.entry_added', subjectType: 'book', subjectId: book.id, data: { entryId: id, kind: input.kind, pieceId: input.pieceId ?? null } });
    return id;
  });
}
