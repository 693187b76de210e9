import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { ALLOCATION_CAUSES } from '../domain/causes.ts';

/**
 * Recomputes the running totals from the postings themselves (after a bulk import, or if the
 * audit ever finds them drifting). One statement inside one transaction: readers see either the
 * old totals or the new ones.
 */
export async function rebuildLedgerBalances(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('ledger_balances').execute();
    await sql`
      insert into ledger_balances (account, event_id, closing, debits, credits, lines)
      select l.account,
             coalesce(l.event_id, 0),
             case when t.cause_type in (${sql.join(ALLOCATION_CAUSES.map((c) => sql.lit(c)))}) then 1 else 0 end,
             sum(case when l.amount > 0 then l.amount else 0 end),
             sum(case when l.amount < 0 then -l.amount else 0 end),
             count(*)
      from ledger_lines l join ledger_transactions t on t.id = l.transaction_id
      group by l.account, coalesce(l.event_id, 0), case when t.cause_type in (${sql.join(ALLOCATION_CAUSES.map((c) => sql.lit(c)))}) then 1 else 0 end
    `.execute(trx);
    const row = await trx.selectFrom('ledger_balances').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  });
}
