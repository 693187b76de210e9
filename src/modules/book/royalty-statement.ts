import type { Executor } from '../../db/database.ts';
import { listRoyalties, royaltyStatement } from '../ledger/index.ts';
import { listContributorBooks } from './queries/books.ts';
import type { RoyaltyStatementView } from './views/royalty-section.tsx';

/** A contributor's royalty statement: credited, paid and owed (from the ledger), and the books they share. */
export async function royaltyStatementOf(db: Executor, contributorId: number): Promise<RoyaltyStatementView | null> {
  const [royalties, books, history] = await Promise.all([
    listRoyalties(db),
    listContributorBooks(db, contributorId),
    royaltyStatement(db, contributorId, '1970-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'),
  ]);
  const mine = royalties.find((r) => r.contributorId === contributorId);
  if (!mine && books.length === 0) return null;
  // The payouts, newest first: each links to its public transaction.
  const payouts = history.items.filter((i) => i.paid > 0).map((i) => ({ transactionId: i.transactionId, date: i.date, amount: i.paid })).reverse();
  return { credited: mine?.credited ?? 0, paid: mine?.paid ?? 0, owed: mine?.owed ?? 0, books, payouts };
}
