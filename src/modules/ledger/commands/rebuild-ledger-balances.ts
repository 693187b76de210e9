import { sql } from 'kysely';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';
import { ALLOCATION_CAUSES } from '../domain/causes.ts';

/**
 * Recomputes the running totals from the postings themselves (after a bulk import, or if the
 * audit ever finds them drifting). One statement inside one transaction: readers see either the
 * old totals or the new ones. Returns the number of balance rows.
 */
export async function rebuildLedgerBalances(ctx: CommandContext): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom('ledger_balances').execute();
    const allocation = sql`case when t.cause_type in (${sql.join(ALLOCATION_CAUSES.map((c) => sql.lit(c)))}) then 1 else 0 end`;
    await sql`
      insert into ledger_balances (account, event_id, closing, debits, credits, lines)
      select l.account,
             coalesce(l.event_id, 0),
             ${allocation},
             sum(case when l.amount > 0 then l.amount else 0 end),
             sum(case when l.amount < 0 then -l.amount else 0 end),
             count(*)
      from ledger_lines l join ledger_transactions t on t.id = l.transaction_id
      group by l.account, coalesce(l.event_id, 0), ${allocation}
    `.execute(tx.db);
    const row = await tx.db.selectFrom('ledger_balances').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = Number(row.n);
    await audit(tx, { action: 'ledger.balances_rebuilt', subjectType: 'ledger', subjectId: null, data: { rows } });
    return rows;
  });
}
