import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { audit } from '../../audit/index.ts';
import { storeImage } from '../../media/index.ts';
import { bookPolicy } from '../policy.ts';
import { bookSlugTaken, getBook } from '../queries/books.ts';

export interface BookDetails {
  title: string;
  subtitle: string;
  slug: string;
  edition: string;
  language: Lang;
  /** The back matter's "about the programme" (Markdown; empty: the default text). */
  aboutMd: string;
  /** A new cover image (PNG or JPEG), stored with the media. */
  cover?: { data: Buffer } | undefined;
  /** Take the cover away (the build then draws one from the title). */
  removeCover?: boolean;
}

/**
 * Creates a book (`bookId` absent) or changes its details. A new book has no price yet and its
 * shop is closed: the ledger's managers set both (setBookShop). Returns the book's id.
 */
export async function saveBook(ctx: CommandContext, input: BookDetails & { bookId?: number }): Promise<number> {
  bookPolicy.authorize(ctx.actor, 'compose');
  return inTransaction(ctx, async (tx) => {
    if (await bookSlugTaken(tx.db, input.slug, input.bookId)) throw new ValidationError({ slug: 'errors.slugTaken' });
    const now = tx.now.toISOString();
    const coverId = input.cover ? await storeImage(tx, { field: 'cover', file: input.cover }) : undefined;
    const fields = {
      title: input.title,
      subtitle: input.subtitle,
      slug: input.slug,
      edition: input.edition,
      language: input.language,
      about_md: input.aboutMd,
      updated_at: now,
      ...(coverId !== undefined ? { cover_media_id: coverId } : input.removeCover ? { cover_media_id: null } : {}),
    };
    if (input.bookId === undefined) {
      const { id } = await tx.db
        .insertInto('books')
        .values({ ...fields, unit_price: 0, manufacturing_cost: 0, split_method: 'weights', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(tx, { action: 'book.created', subjectType: 'book', subjectId: id });
      return id;
    }
    if (!(await getBook(tx.db, input.bookId))) throw new NotFoundError(`book ${input.bookId}`);
    await tx.db.updateTable('books').set(fields).where('id', '=', input.bookId).execute();
    await audit(tx, { action: 'book.updated', subjectType: 'book', subjectId: input.bookId });
    return input.bookId;
  });
}
