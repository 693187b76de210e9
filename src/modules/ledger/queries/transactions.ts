/** The transactions themselves: every figure on the transparency page links to a filtered list of them. */
import type { Executor } from '../../../db/database.ts';
import type { ExportTransaction } from '../exports/types.ts';

export interface TransactionFilter {
  account?: string;
  /** Matches every account of a family: `liabilities:royalties:` matches `liabilities:royalties:7`. */
  accountPrefix?: string;
  eventId?: number;
  causeType?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  limit: number;
  offset?: number;
}

function filteredIds(db: Executor, f: Omit<TransactionFilter, 'limit' | 'offset'>) {
  let q = db.selectFrom('ledger_transactions').select('ledger_transactions.id');
  if (f.account || f.accountPrefix || f.eventId !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ledger_lines')
          .select('ledger_lines.id')
          .whereRef('ledger_lines.transaction_id', '=', 'ledger_transactions.id')
          .$if(f.account !== undefined, (w) => w.where('ledger_lines.account', '=', f.account!))
          .$if(f.accountPrefix !== undefined, (w) => w.where('ledger_lines.account', 'like', `${f.accountPrefix}%`))
          .$if(f.eventId !== undefined, (w) => w.where('ledger_lines.event_id', '=', f.eventId!)),
      ),
    );
  }
  if (f.causeType) q = q.where('ledger_transactions.cause_type', '=', f.causeType);
  if (f.from) q = q.where('ledger_transactions.occurred_at', '>=', f.from);
  if (f.to) q = q.where('ledger_transactions.occurred_at', '<', f.to);
  return q;
}

const TRANSACTION_COLUMNS = ['id', 'occurred_at', 'description', 'label_key', 'label_params', 'cause_type', 'cause_id', 'reverses_id'] as const;

/** Transactions with their lines, newest first. */
export async function listTransactions(db: Executor, filter: TransactionFilter): Promise<ExportTransaction[]> {
  const txs = await db
    .selectFrom('ledger_transactions')
    .select(TRANSACTION_COLUMNS)
    .where('id', 'in', filteredIds(db, filter))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
  return withLines(db, txs);
}

export async function countTransactions(db: Executor, filter: Omit<TransactionFilter, 'limit' | 'offset'>): Promise<number> {
  const row = await db
    .selectFrom('ledger_transactions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', filteredIds(db, filter))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getTransaction(db: Executor, id: number): Promise<ExportTransaction | undefined> {
  const rows = await db.selectFrom('ledger_transactions').select(TRANSACTION_COLUMNS).where('id', '=', id).execute();
  return (await withLines(db, rows))[0];
}

type TransactionRow = { id: number; occurred_at: string; description: string; label_key: string | null; label_params: string | null; cause_type: string; cause_id: string | null; reverses_id: number | null };

/** The stored label of a transaction the system wrote (key and JSON parameters), or null. */
export function storedLabel(key: string | null, params: string | null): { key: string; params: Record<string, string | number> } | null {
  if (!key) return null;
  try {
    const parsed = params ? (JSON.parse(params) as unknown) : {};
    return parsed && typeof parsed === 'object' ? { key, params: parsed as Record<string, string | number> } : null;
  } catch {
    return null;
  }
}

async function withLines(db: Executor, txs: TransactionRow[]): Promise<ExportTransaction[]> {
  if (txs.length === 0) return [];
  const lines = await db
    .selectFrom('ledger_lines')
    .select(['transaction_id', 'account', 'amount', 'event_id'])
    .where('transaction_id', 'in', txs.map((t) => t.id))
    .orderBy('id')
    .execute();
  return txs.map((t) => ({
    id: t.id,
    occurredAt: t.occurred_at,
    description: t.description,
    label: storedLabel(t.label_key, t.label_params),
    causeType: t.cause_type,
    causeId: t.cause_id,
    reversesId: t.reverses_id,
    lines: lines.filter((l) => l.transaction_id === t.id).map((l) => ({ account: l.account, amount: Number(l.amount), eventId: l.event_id })),
  }));
}

/** Whether a transaction was already corrected by a reversal. */
export async function isReversed(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('ledger_transactions').select('id').where('reverses_id', '=', id).executeTakeFirst()) !== undefined;
}
