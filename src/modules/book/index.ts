/**
 * The book: a CC BY-SA synthesis composed from the published pieces, built as EPUB, PDF and a web
 * edition, its paper copies sold with royalties to its contributors (docs/decisions/018-book.md).
 * What other modules and the composition root may use:
 */
import type { SubjectResolver } from '../contributors/index.ts';
import { paymentMatches, recordPaymentAnomaly, type StripeSessionHandler } from '../events/index.ts';
import type { BookReport } from '../ledger/index.ts';
import { payBookOrder } from './commands/pay-book-order.ts';
import { bookSalesSummary } from './queries/books.ts';
import { listChapterSubjects } from './queries/entries.ts';
import { getBookOrder } from './queries/orders.ts';

export { createBook, type BookInput } from './commands/create-book.ts';
export { recordBookSale, type BookSaleInput, type RecordedSale } from './commands/record-book-sale.ts';
export { saveBook, type BookDetails } from './commands/save-book.ts';
export { addEntry } from './commands/add-entry.ts';
export { requestBuild } from './commands/request-build.ts';
export { setBookShop } from './commands/set-book-shop.ts';
export { placeBookOrder, type BookOrderInput } from './commands/place-book-order.ts';
export { payBookOrder } from './commands/pay-book-order.ts';
export { runQueuedBuilds, BUILD_LEASE_MS } from './build/build-worker.ts';
export { BOOK_FORMATS, type BookFormat, type BuildServices } from './build/run-build.ts';
export { getBookBySlug, getBookContributors, listBooks, type BookRow } from './queries/books.ts';
export { getLatestBuild } from './queries/builds.ts';
export type { SplitMethod } from './domain/split-method.ts';
export { royaltyStatementOf } from './royalty-statement.ts';
export { royaltyStatementSection } from './account-section.tsx';
/** The published book, highlighted on the home page (app.ts hands it to publishing). */
export { bookHomeSection } from './home-section.tsx';

/** The book's paper sales per title, for the transparency page (app.ts hands it to the ledger's `bookReports`). */
export const bookSalesReport: BookReport = bookSalesSummary;

/** Chapters of published books on their authors' contributor pages (app.ts registers this for `book_chapter`). */
export const bookChapterSubjects: SubjectResolver = async (db, ids) =>
  (await listChapterSubjects(db, ids)).map((c) => ({
    id: c.id,
    title: `${c.title || c.piece_title || c.source_title} — ${c.book_title}`,
    url: `/book/${c.slug}`,
    kindKey: 'book.subjectKind',
    date: c.finished_at,
  }));

/** A Stripe Checkout session of a paper order was paid (app.ts hands this to the one webhook, kind `book_order`). */
export const paidBookCheckout: StripeSessionHandler = async (ctx, session) => {
  // A session of an order this instance does not know (another shop on the account): acknowledged.
  const order = await getBookOrder(ctx.db, { providerRef: session.sessionId });
  if (!order) return;
  // Not the order's amount or currency: recorded for the organisers, never taken at its word.
  const paid = { amount: session.amount, currency: session.currency };
  const expected = { amount: order.total, currency: session.siteCurrency };
  if (!paymentMatches(paid, expected)) {
    await recordPaymentAnomaly(ctx, { subject: { type: 'book_order', id: order.id }, provider: 'stripe', providerEventId: session.eventId, providerPaymentRef: session.paymentRef, paid, expected });
    return;
  }
  await payBookOrder(ctx, { by: 'provider', providerRef: session.sessionId, paymentRef: session.paymentRef, fee: 0 });
};

/** What an account's deletion erases here (a PersonErasure, wired in app.ts). */
export { eraseBookBuyer } from './commands/erase-book-buyer.ts';
