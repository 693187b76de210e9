import type { fr } from './fr.ts';

/** English strings of the book desk: exactly the keys of the French fragment. */
export const en: Record<keyof typeof fr, string> = {
  "ledger.noContributors": "A book needs at least one contributor to share its royalties.",
  "desk.bookPrices": "Price {price} · manufacturing {cost} per copy",
  "desk.split.equal": "Equal shares",
  "desk.split.weights": "Weighted shares",
  "desk.recordSale": "Record a sale",
  "desk.newBook": "New book",
  "desk.unitPrice": "Sale price (€)",
  "desk.manufacturingCost": "Manufacturing cost per copy (€)",
  "desk.splitMethod": "Royalty sharing",
  "desk.bookContributors": "The book’s contributors",
  "desk.bookContributorsHint": "Give a weight (1 for equal shares, or the number of chapters, words…); leave empty to exclude.",
  "desk.createBook": "Create the book",
  "desk.bookCreated": "The book is created.",
  "desk.saleRecorded": "The sale is recorded and royalties shared to the cent.",
};
