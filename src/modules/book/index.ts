/**
 * The book: the programme's paper book, its contributors and its sales. A sale is booked in the
 * ledger by intent (the ledger shares its net as royalties); what other modules may use:
 */
import type { BookReport } from '../ledger/index.ts';
import { bookSalesSummary } from './queries.ts';

export { createBook, type BookInput } from './commands/create-book.ts';
export { recordBookSale, type BookSaleInput, type RecordedSale } from './commands/record-book-sale.ts';
export { getBookContributors, listBooks, type BookRow } from './queries.ts';
export type { SplitMethod } from './domain/split-method.ts';

/** The book's paper sales per title, for the transparency page (app.ts hands it to the ledger's `bookReports`). */
export const bookSalesReport: BookReport = bookSalesSummary;
