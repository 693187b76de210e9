/** Reads of the book module: the titles and their contributors for the desk, and the sales per title. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { BookSalesLine } from '../ledger/index.ts';
import type { SplitMethod } from './domain/split-method.ts';

export interface BookRow {
  id: number;
  slug: string;
  title: string;
  unitPrice: number;
  manufacturingCost: number;
  splitMethod: SplitMethod;
}

const BOOK_COLUMNS = ['id', 'slug', 'title', 'unit_price', 'manufacturing_cost', 'split_method'] as const;
const shaped = (b: { id: number; slug: string; title: string; unit_price: number; manufacturing_cost: number; split_method: SplitMethod }): BookRow => ({
  id: b.id,
  slug: b.slug,
  title: b.title,
  unitPrice: Number(b.unit_price),
  manufacturingCost: Number(b.manufacturing_cost),
  splitMethod: b.split_method,
});

/** Every book, newest first. */
export async function listBooks(db: Executor): Promise<BookRow[]> {
  return (await db.selectFrom('books').select(BOOK_COLUMNS).orderBy('created_at', 'desc').execute()).map(shaped);
}

export async function getBook(db: Executor, id: number): Promise<BookRow | undefined> {
  const row = await db.selectFrom('books').select(BOOK_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && shaped(row);
}

export async function bookSlugTaken(db: Executor, slug: string): Promise<boolean> {
  return (await db.selectFrom('books').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
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
export async function findSale(db: Executor, key: string): Promise<{ id: number; net: number } | undefined> {
  const row = await db.selectFrom('book_sales').select(['id', 'net']).where('idempotency_key', '=', key).executeTakeFirst();
  return row && { id: row.id, net: Number(row.net) };
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
