/** Reads of a book's composition: its parts and chapters in order, for the editor and the build. */
import type { Executor } from '../../../db/database.ts';
import type { EntryKind } from '../domain/build-status.ts';

export interface EntryRow {
  id: number;
  bookId: number;
  position: number;
  kind: EntryKind;
  title: string;
  pieceId: number | null;
  sourceTitle: string;
  revisionNumber: number | null;
  bodyMd: string;
  updatedAt: string;
  /** The piece's current title and status, when it still exists. */
  pieceTitle: string | null;
  pieceStatus: string | null;
}

/** A book's entries in reading order. */
export async function listEntries(db: Executor, bookId: number): Promise<EntryRow[]> {
  const rows = await db
    .selectFrom('book_entries')
    .leftJoin('pieces', 'pieces.id', 'book_entries.piece_id')
    .select([
      'book_entries.id',
      'book_entries.book_id',
      'book_entries.position',
      'book_entries.kind',
      'book_entries.title',
      'book_entries.piece_id',
      'book_entries.source_title',
      'book_entries.revision_number',
      'book_entries.body_md',
      'book_entries.updated_at',
      'pieces.title as piece_title',
      'pieces.status as piece_status',
    ])
    .where('book_entries.book_id', '=', bookId)
    .orderBy('book_entries.position')
    .orderBy('book_entries.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    bookId: r.book_id,
    position: r.position,
    kind: r.kind,
    title: r.title,
    pieceId: r.piece_id,
    sourceTitle: r.source_title,
    revisionNumber: r.revision_number,
    bodyMd: r.body_md,
    updatedAt: r.updated_at,
    pieceTitle: r.piece_title,
    pieceStatus: r.piece_status,
  }));
}

export async function getEntry(db: Executor, id: number): Promise<{ id: number; bookId: number; kind: EntryKind; position: number } | undefined> {
  const row = await db.selectFrom('book_entries').select(['id', 'book_id', 'kind', 'position']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, bookId: row.book_id, kind: row.kind, position: row.position };
}

/** The entries' ids in order (to reorder them). */
export async function listEntryIds(db: Executor, bookId: number): Promise<number[]> {
  return (await db.selectFrom('book_entries').select('id').where('book_id', '=', bookId).orderBy('position').orderBy('id').execute()).map((r) => r.id);
}

/** A piece's revision numbers, newest first (to pin a chapter to one). */
export async function listRevisionNumbers(db: Executor, pieceIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (pieceIds.length === 0) return out;
  const rows = await db.selectFrom('piece_revisions').select(['piece_id', 'number']).where('piece_id', 'in', [...pieceIds]).orderBy('number', 'desc').execute();
  for (const r of rows) out.set(r.piece_id, [...(out.get(r.piece_id) ?? []), r.number]);
  return out;
}

/** The title of a piece (kept on the entry, to name the chapter if the piece goes). */
export async function getPieceTitle(db: Executor, pieceId: number): Promise<string | undefined> {
  return (await db.selectFrom('pieces').select('title').where('id', '=', pieceId).executeTakeFirst())?.title;
}

/** Chapters of published books, for contributors' pages (the registry's `book_chapter` subjects). */
export async function listChapterSubjects(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('book_entries')
    .innerJoin('books', 'books.id', 'book_entries.book_id')
    .innerJoin('book_builds', 'book_builds.id', 'books.current_build_id')
    .leftJoin('pieces', 'pieces.id', 'book_entries.piece_id')
    .select(['book_entries.id', 'book_entries.title', 'book_entries.source_title', 'pieces.title as piece_title', 'books.title as book_title', 'books.slug', 'book_builds.finished_at'])
    .where('book_entries.id', 'in', [...ids])
    .execute();
}
