/** Royalties: what each contributor was credited from the book's sales, was paid, and is owed. */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { Cents } from '../../../shared/money.ts';
import { royaltiesAccount } from '../domain/accounts.ts';
import { storedLabel } from './transactions.ts';

export interface RoyaltyRow {
  contributorId: number;
  name: string;
  slug: string;
  publicName: boolean;
  credited: Cents;
  paid: Cents;
  owed: Cents;
}

// A range, not LIKE: SQLite's LIKE ignores case and cannot use the key.
const ROYALTIES_FROM = 'liabilities:royalties:';
const ROYALTIES_TO = 'liabilities:royalties;';

/** What each contributor was credited, was paid and is owed in royalties, most credited first. */
export async function listRoyalties(db: Executor): Promise<RoyaltyRow[]> {
  const rows = await db
    .selectFrom('ledger_balances')
    .select(['account', sql<number>`sum(credits)`.as('credited'), sql<number>`sum(debits)`.as('paid')])
    .where('account', '>=', ROYALTIES_FROM)
    .where('account', '<', ROYALTIES_TO)
    .groupBy('account')
    .execute();
  if (rows.length === 0) return [];
  const contributorOf = (account: string) => Number(account.slice(ROYALTIES_FROM.length));
  const people = await db.selectFrom('contributors').select(['id', 'name', 'slug', 'public_name']).where('id', 'in', rows.map((r) => contributorOf(r.account))).execute();
  return rows
    .map((r) => {
      const id = contributorOf(r.account);
      const p = people.find((x) => x.id === id);
      const credited = Number(r.credited);
      const paid = Number(r.paid);
      return { contributorId: id, name: p?.name ?? '', slug: p?.slug ?? '', publicName: (p?.public_name ?? 0) === 1, credited, paid, owed: credited - paid };
    })
    .sort((a, b) => b.credited - a.credited || a.contributorId - b.contributorId);
}

/** What the programme owes one contributor now. */
export async function royaltiesOwed(db: Executor, contributorId: number): Promise<Cents> {
  const row = await db
    .selectFrom('ledger_balances')
    .select(sql<number>`coalesce(sum(debits - credits), 0)`.as('balance'))
    .where('account', '=', royaltiesAccount(contributorId))
    .executeTakeFirstOrThrow();
  return -Number(row.balance);
}

export interface RoyaltyStatement {
  openingOwed: Cents;
  items: { transactionId: number; date: string; description: string; label: { key: string; params: Record<string, string | number> } | null; credited: Cents; paid: Cents }[];
  closingOwed: Cents;
}

/** A contributor's royalty statement for a period (ISO instants, `to` exclusive): every credit and payout on their account. */
export async function royaltyStatement(db: Executor, contributorId: number, from: string, to: string): Promise<RoyaltyStatement> {
  const account = royaltiesAccount(contributorId);
  const [opening, movements] = await Promise.all([
    db
      .selectFrom('ledger_lines')
      .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_lines.transaction_id')
      .select(sql<number>`coalesce(sum(ledger_lines.amount), 0)`.as('balance'))
      .where('ledger_lines.account', '=', account)
      .where('ledger_transactions.occurred_at', '<', from)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ledger_lines')
      .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_lines.transaction_id')
      .select(['ledger_transactions.id', 'ledger_transactions.occurred_at', 'ledger_transactions.description', 'ledger_transactions.label_key', 'ledger_transactions.label_params', 'ledger_lines.amount'])
      .where('ledger_lines.account', '=', account)
      .where('ledger_transactions.occurred_at', '>=', from)
      .where('ledger_transactions.occurred_at', '<', to)
      .orderBy('ledger_transactions.occurred_at')
      .orderBy('ledger_transactions.id')
      .execute(),
  ]);
  const openingOwed = -Number(opening.balance);
  const items = movements.map((m) => ({ transactionId: m.id, date: m.occurred_at, description: m.description, label: storedLabel(m.label_key, m.label_params), credited: Number(m.amount) < 0 ? -Number(m.amount) : 0, paid: Number(m.amount) > 0 ? Number(m.amount) : 0 }));
  const closingOwed = openingOwed + items.reduce((s, i) => s + i.credited - i.paid, 0);
  return { openingOwed, items, closingOwed };
}

/** Who royalties are owed to, with their choice to appear by name (public_name) — never their email. */
export async function listRoyaltyRecipients(db: Executor): Promise<Map<number, { id: number; name: string; public_name: number }>> {
  const rows = await db.selectFrom('contributors').select(['id', 'name', 'public_name']).execute();
  return new Map(rows.map((c) => [c.id, c]));
}
