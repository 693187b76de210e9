import type { Executor } from '../../db/database.ts';
import { listRoyalties } from '../ledger/index.ts';
import { listContributorBooks } from './queries/books.ts';
import type { RoyaltyStatementView } from './views/royalty-section.tsx';

/** A contributor's royalty statement: credited, paid and owed (from the ledger), and the books they share. */
export async function royaltyStatementOf(db: Executor, contributorId: number): Promise<RoyaltyStatementView | null> {
  const [royalties, books] = await Promise.all([listRoyalties(db), listContributorBooks(db, contributorId)]);
  const mine = royalties.find((r) => r.contributorId === contributorId);
  if (!mine && books.length === 0) return null;
  return { credited: mine?.credited ?? 0, paid: mine?.paid ?? 0, owed: mine?.owed ?? 0, books };
}
