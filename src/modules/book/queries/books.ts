/** Reads of the book module: the titles and their contributors for the desk, and the sales per title. */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { preparedQuery } from '../../../db/prepared-query.ts';
import type { BookSalesLine } from '../../ledger/index.ts';
import type { BooksTable, Lang } from '../../../db/schema.ts';
import type { Selectable } from 'kysely';
import type { SplitMethod } from '../domain/split-method.ts';

export interface BookRow {
  id: number;
  slug: string;
  title: string;
  subtitle: string;
  edition: string;
  language: Lang;
  coverMediaId: number | null;
  aboutMd: string;
  shopOpen: boolean;
  currentBuildId: number | null;
  unitPrice: number;
  manufacturingCost: number;
  splitMethod: SplitMethod;
  updatedAt: string;
}

const BOOK_COLUMNS = ['id', 'slug', 'title', 'subtitle', 'edition', 'language', 'cover_media_id', 'about_md', 'shop_open', 'current_build_id', 'unit_price', 'manufacturing_cost', 'split_method', 'created_at', 'updated_at'] as const;
type BookColumns = Pick<Selectable<BooksTable>, (typeof BOOK_COLUMNS)[number]>;
const shaped = (b: BookColumns): BookRow => ({
  id: b.id,
  slug: b.slug,
  title: b.title,
  subtitle: b.subtitle,
  edition: b.edition,
  language: b.language,
  coverMediaId: b.cover_media_id,
  aboutMd: b.about_md,
  shopOpen: Number(b.shop_open) === 1,
  currentBuildId: b.current_build_id,
  unitPrice: Number(b.unit_price),
  manufacturingCost: Number(b.manufacturing_cost),
  splitMethod: b.split_method,
  updatedAt: b.updated_at ?? b.created_at,
});

/** Every book, newest first. */
export async function listBooks(db: Executor): Promise<BookRow[]> {
  return (await db.selectFrom('books').select(BOOK_COLUMNS).orderBy('created_at', 'desc').execute()).map(shaped);
}

export async function getBook(db: Executor, id: number): Promise<BookRow | undefined> {
  const row = await db.selectFrom('books').select(BOOK_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && shaped(row);
}

export async function getBookBySlug(db: Executor, slug: string): Promise<BookRow | undefined> {
  const row = await db.selectFrom('books').select(BOOK_COLUMNS).where('slug', '=', slug).executeTakeFirst();
  return row && shaped(row);
}

/** Books whose digital edition is out (a build succeeded), newest first: the /book page. */
const publishedBooks = preparedQuery([], (db) => db.selectFrom('books').select(BOOK_COLUMNS).where('current_build_id', 'is not', null).orderBy('created_at', 'desc').orderBy('id', 'desc'));

export async function listPublishedBooks(db: Executor): Promise<BookRow[]> {
  return (await publishedBooks(db, {})).map(shaped);
}

export async function bookSlugTaken(db: Executor, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('books').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The contributors who share a book's royalties, with their weights, by name. */
export async function getBookContributors(db: Executor, bookId: number): Promise<{ contributorId: number; name: string; weight: number }[]> {
  return db
    .selectFrom('book_contributors')
    .innerJoin('contributors', 'contributors.id', 'book_contributors.contributor_id')
    .select(['contributors.id as contributorId', 'contributors.name', 'book_contributors.weight'])
    .where('book_contributors.book_id', '=', bookId)
    .orderBy('contributors.name')
    .execute();
}

/** A sale already recorded under a form's key (a double submit records one sale). */
export async function findSale(db: Executor, key: string): Promise<{ id: number; net: number; transactionId: number } | undefined> {
  const row = await db.selectFrom('book_sales').select(['id', 'net', 'transaction_id']).where('idempotency_key', '=', key).executeTakeFirst();
  return row && { id: row.id, net: Number(row.net), transactionId: row.transaction_id };
}

/** How many of the given contributors exist. */
export async function countContributors(db: Executor, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await db.selectFrom('contributors').select('id').where('id', 'in', [...ids]).execute()).length;
}

/** Per title: copies sold, what they brought, cost, and the net shared as royalties. */
export async function bookSalesSummary(db: Executor): Promise<BookSalesLine[]> {
  const rows = await db
    .selectFrom('book_sales')
    .innerJoin('books', 'books.id', 'book_sales.book_id')
    .select([
      'books.id',
      'books.title',
      sql<number>`sum(book_sales.quantity)`.as('copies'),
      sql<number>`sum(book_sales.quantity * book_sales.unit_price)`.as('gross'),
      sql<number>`sum(book_sales.quantity * book_sales.manufacturing_cost)`.as('manufacturing'),
      sql<number>`sum(book_sales.fees)`.as('fees'),
      sql<number>`sum(book_sales.net)`.as('net'),
    ])
    .groupBy(['books.id', 'books.title'])
    .orderBy('books.title')
    .execute();
  return rows.map((r) => ({ bookId: r.id, title: r.title, copies: Number(r.copies), gross: Number(r.gross), manufacturing: Number(r.manufacturing), fees: Number(r.fees), net: Number(r.net) }));
}

/** The people who share a book's royalties, as its public page lists them (names and profile links only). */
export async function listPublicBookContributors(db: Executor, bookId: number): Promise<{ name: string; slug: string }[]> {
  return db
    .selectFrom('book_contributors')
    .innerJoin('contributors', 'contributors.id', 'book_contributors.contributor_id')
    .select(['contributors.name', 'contributors.slug'])
    .where('book_contributors.book_id', '=', bookId)
    .orderBy('contributors.name')
    .execute();
}

/** The books a contributor shares, with their weight, everyone's weights and the copies sold: their royalty statement's lines. */
export async function listContributorBooks(db: Executor, contributorId: number): Promise<{ title: string; slug: string; weight: number; totalWeight: number; copies: number }[]> {
  const rows = await db
    .selectFrom('book_contributors as mine')
    .innerJoin('books', 'books.id', 'mine.book_id')
    .select([
      'books.title',
      'books.slug',
      'mine.weight',
      (eb) => eb.selectFrom('book_contributors as all').select((x) => x.fn.sum<number>('all.weight').as('w')).whereRef('all.book_id', '=', 'mine.book_id').as('total_weight'),
      (eb) => eb.selectFrom('book_sales').select((x) => x.fn.coalesce(x.fn.sum<number>('book_sales.quantity'), x.lit(0)).as('q')).whereRef('book_sales.book_id', '=', 'mine.book_id').as('copies'),
    ])
    .where('mine.contributor_id', '=', contributorId)
    .orderBy('books.title')
    .execute();
  return rows.map((r) => ({ title: r.title, slug: r.slug, weight: Number(r.weight), totalWeight: Number(r.total_weight ?? 0), copies: Number(r.copies ?? 0) }));
}
