/** The ledger's settings: how an evening's surplus is split between the funds. */
import type { Executor } from '../../../db/database.ts';

export const VISUALS_SPLIT_SETTING = 'allocation.visuals_basis_points';
export const DEFAULT_VISUALS_BASIS_POINTS = 5000;

async function getSetting(db: Executor, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** The visuals fund's share of a surplus, in basis points (book editing gets the rest). */
export async function visualsBasisPoints(db: Executor): Promise<number> {
  const raw = await getSetting(db, VISUALS_SPLIT_SETTING);
  const n = raw === undefined ? DEFAULT_VISUALS_BASIS_POINTS : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 10_000 ? n : DEFAULT_VISUALS_BASIS_POINTS;
}
