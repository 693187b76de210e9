import type { Executor } from '../../../db/database.ts';
import { actorId, type TxContext } from '../../../shared/command.ts';
import { AppError } from '../../../shared/errors.ts';
import { isAllocationCause } from '../domain/causes.ts';
import { validateTransaction, type PostingLine, type TransactionDraft } from '../domain/posting.ts';

/** The same idempotency key was used for a different transaction: a bug in the caller, not a retry. */
export class IdempotencyConflictError extends AppError {
  constructor(key: string) {
    super('idempotency_conflict', 409, 'errors.conflict', key);
  }
}

/** A line as stored or as drafted: the stored account is plain text. */
type LineLike = Pick<PostingLine, 'amount' | 'eventId'> & { account: string };

function sameLines(a: readonly LineLike[], b: readonly LineLike[]): boolean {
  const norm = (lines: readonly LineLike[]) =>
    lines.map((l) => `${l.account}|${l.amount}|${l.eventId ?? ''}`).sort().join(';');
  return norm(a) === norm(b);
}

/**
 * Adds lines to the running totals, in a fixed key order so concurrent writers on PostgreSQL
 * always lock balance rows in the same order (no deadlock).
 */
async function addToBalances(trx: Executor, lines: readonly PostingLine[], closing: boolean): Promise<void> {
  const totals = new Map<string, { account: string; event_id: number; debits: number; credits: number; lines: number }>();
  for (const l of lines) {
    const eventId = l.eventId ?? 0;
    const key = `${l.account}\u0000${eventId}`;
    const t = totals.get(key) ?? { account: l.account, event_id: eventId, debits: 0, credits: 0, lines: 0 };
    if (l.amount > 0) t.debits += l.amount;
    else t.credits -= l.amount;
    t.lines += 1;
    totals.set(key, t);
  }
  for (const key of [...totals.keys()].sort()) {
    const t = totals.get(key)!;
    await trx
      .insertInto('ledger_balances')
      .values({ ...t, closing: closing ? 1 : 0 })
      .onConflict((oc) =>
        oc.columns(['account', 'event_id', 'closing']).doUpdateSet((eb) => ({
          debits: eb('ledger_balances.debits', '+', eb.ref('excluded.debits')),
          credits: eb('ledger_balances.credits', '+', eb.ref('excluded.credits')),
          lines: eb('ledger_balances.lines', '+', eb.ref('excluded.lines')),
        })),
      )
      .execute();
  }
}

/**
 * Writes a balanced transaction and its lines, append-only. Idempotent by key: posting the same
 * draft again returns the first transaction's id (created: false) and writes nothing. Runs in the
 * caller's database transaction so the posting commits with whatever caused it.
 */
export async function postTransaction(ctx: TxContext, draft: TransactionDraft): Promise<{ id: number; created: boolean }> {
  validateTransaction(draft);
  const trx = ctx.db;
  const inserted = await trx
    .insertInto('ledger_transactions')
    .values({
      occurred_at: new Date(draft.date).toISOString(),
      description: draft.description.trim(),
      label_key: draft.label?.key ?? null,
      label_params: draft.label ? JSON.stringify(draft.label.params) : null,
      cause_type: draft.causeType,
      cause_id: draft.causeId === null ? null : String(draft.causeId),
      idempotency_key: draft.idempotencyKey,
      reverses_id: draft.reversesId ?? null,
      created_by: actorId(ctx),
      created_at: ctx.now.toISOString(),
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx
      .selectFrom('ledger_transactions')
      .select('id')
      .where('idempotency_key', '=', draft.idempotencyKey)
      .executeTakeFirstOrThrow();
    const lines = await trx.selectFrom('ledger_lines').select(['account', 'amount', 'event_id']).where('transaction_id', '=', existing.id).execute();
    if (!sameLines(lines.map((l) => ({ account: l.account, amount: Number(l.amount), eventId: l.event_id })), draft.lines)) {
      throw new IdempotencyConflictError(draft.idempotencyKey);
    }
    return { id: existing.id, created: false };
  }
  await trx
    .insertInto('ledger_lines')
    .values(draft.lines.map((l) => ({ transaction_id: inserted.id, account: l.account, amount: l.amount, event_id: l.eventId ?? null })))
    .execute();
  await addToBalances(trx, draft.lines, isAllocationCause(draft.causeType));
  return { id: inserted.id, created: true };
}
