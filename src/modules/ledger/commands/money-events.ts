/**
 * The use cases that book money: income received for an event or as a donation, an event's
 * accounts closed and its surplus allocated, a paper-book sale and its royalties, a royalty
 * payout, and the reversal that corrects any of them. Each runs in one transaction with its
 * audit event, and is idempotent by a key so a retried or double-clicked request books once.
 */
import type { Db } from '../../../db/database.ts';
import type { Actor } from '../../../shared/actor.ts';
import { AppError, NotFoundError, ValidationError } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { recordEvent } from '../../audit/index.ts';
import { bookSale, royaltyPayout } from '../domain/allocation.ts';
import { NoRecipientsError } from '../domain/errors.ts';
import { credit, debit, reversalOf } from '../domain/posting.ts';
import { equalWeights } from '../domain/split.ts';
import { accountBalances, EVENT_CLOSURE_CAUSE, getTransaction, isReversed, royaltiesOwed, visualsBasisPoints, VISUALS_SPLIT_SETTING } from '../queries.ts';
import { assertEventOpen } from './event-lock.ts';
import { postTransaction } from './post-transaction.ts';

type Deps = { db: Db; actor: Actor; now: Date };

/** Money received outside online ticketing: tickets sold at the door, or a donation. */
export async function recordIncome(
  deps: Deps,
  input: { kind: 'tickets' | 'donation'; amount: number; eventId: number | null; description: string; idempotencyKey: string },
): Promise<number> {
  if (input.kind === 'tickets' && input.eventId === null) throw new ValidationError({ event_id: 'errors.required' });
  return deps.db.transaction().execute(async (trx) => {
    const eventId = input.kind === 'tickets' ? input.eventId : null;
    if (eventId !== null) await assertEventOpen(trx, eventId);
    const account = input.kind === 'tickets' ? 'income:tickets' : 'income:donations';
    const { id, created } = await postTransaction(
      { db: trx, actor: deps.actor, now: deps.now },
      {
        date: deps.now.toISOString(),
        description: input.description,
        causeType: input.kind === 'tickets' ? 'ticket_income' : 'donation',
        causeId: eventId,
        idempotencyKey: input.idempotencyKey,
        lines: [debit('assets:bank', input.amount, eventId), credit(account, input.amount, eventId)],
      },
    );
    if (created) await recordEvent(trx, { actorUserId: deps.actor.id, action: 'ledger.income_recorded', subjectType: 'ledger_transaction', subjectId: id, now: deps.now });
    return id;
  });
}

/** Posts a sale of paper copies: gross, manufacturing, fees, and the net shared as royalties. */
export async function recordBookSale(
  deps: Deps,
  input: { bookId: number; quantity: number; unitPrice?: number; fees: number; idempotencyKey: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const book = await trx.selectFrom('books').selectAll().where('id', '=', input.bookId).executeTakeFirst();
    if (!book) throw new NotFoundError();
    const already = await trx.selectFrom('book_sales').select(['id', 'net']).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (already) return { saleId: already.id, net: Number(already.net) };
    const people = await trx.selectFrom('book_contributors').select(['contributor_id', 'weight']).where('book_id', '=', book.id).execute();
    if (people.length === 0) throw new NoRecipientsError(`book ${book.id}`);
    const contributors =
      book.split_method === 'equal'
        ? equalWeights(people.map((p) => String(p.contributor_id))).map((w) => ({ contributorId: Number(w.key), weight: w.weight }))
        : people.map((p) => ({ contributorId: p.contributor_id, weight: p.weight }));
    const unitPrice = input.unitPrice ?? Number(book.unit_price);
    const sale = bookSale({ quantity: input.quantity, unitPrice, manufacturingCostPerCopy: Number(book.manufacturing_cost), fees: input.fees, contributors });
    const { id: transactionId } = await postTransaction(
      { db: trx, actor: deps.actor, now: deps.now },
      {
        date: deps.now.toISOString(),
        description: `Vente de ${input.quantity} exemplaire(s) papier — ${book.title}`,
        causeType: 'book_sale',
        causeId: book.id,
        idempotencyKey: `book_sale:${input.idempotencyKey}`,
        lines: sale.lines,
      },
    );
    const { id: saleId } = await trx
      .insertInto('book_sales')
      .values({
        book_id: book.id,
        quantity: input.quantity,
        unit_price: unitPrice,
        manufacturing_cost: Number(book.manufacturing_cost),
        fees: input.fees,
        net: sale.net,
        sold_at: deps.now.toISOString(),
        transaction_id: transactionId,
        idempotency_key: input.idempotencyKey,
        created_by: deps.actor.id,
        created_at: deps.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { actorUserId: deps.actor.id, action: 'ledger.book_sale', subjectType: 'book', subjectId: book.id, data: { saleId, net: sale.net }, now: deps.now });
    return { saleId, net: sale.net, shares: sale.shares };
  });
}

/** Pays a contributor some of what they are owed; never more. */
export async function recordRoyaltyPayout(deps: Deps, input: { contributorId: number; amount: number; idempotencyKey: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const already = await trx.selectFrom('royalty_payouts').select('id').where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (already) return already.id;
    const owed = await royaltiesOwed(trx, input.contributorId);
    const lines = royaltyPayout({ contributorId: input.contributorId, amount: input.amount, owed });
    const { id: transactionId } = await postTransaction(
      { db: trx, actor: deps.actor, now: deps.now },
      {
        date: deps.now.toISOString(),
        description: `Versement de droits au contributeur n° ${input.contributorId}`,
        causeType: 'royalty_payout',
        causeId: input.contributorId,
        idempotencyKey: `payout:${input.idempotencyKey}`,
        lines,
      },
    );
    const { id } = await trx
      .insertInto('royalty_payouts')
      .values({ contributor_id: input.contributorId, amount: input.amount, paid_at: deps.now.toISOString(), transaction_id: transactionId, idempotency_key: input.idempotencyKey, created_by: deps.actor.id, created_at: deps.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { actorUserId: deps.actor.id, action: 'ledger.royalty_payout', subjectType: 'contributor', subjectId: input.contributorId, data: { amount: input.amount }, now: deps.now });
    return id;
  });
}

/** Corrects a transaction by a new, linked, opposite one; a transaction is reversed once at most. */
export async function reverseTransaction(deps: Deps, input: { transactionId: number; reason: string }) {
  if (!input.reason.trim()) throw new ValidationError({ reason: 'errors.required' });
  return deps.db.transaction().execute(async (trx) => {
    const original = await getTransaction(trx, input.transactionId);
    if (!original) throw new NotFoundError();
    if (original.causeType === EVENT_CLOSURE_CAUSE) throw new ValidationError({ reason: 'ledger.cannotReverseClosure' as MessageKey });
    if (original.reversesId !== null) throw new ValidationError({ reason: 'ledger.cannotReverseReversal' as MessageKey });
    if (await isReversed(trx, original.id)) throw new ValidationError({ reason: 'ledger.alreadyReversed' as MessageKey });
    for (const eventId of new Set(original.lines.map((l) => l.eventId).filter((e): e is number => e !== null))) await assertEventOpen(trx, eventId);
    const draft = reversalOf(
      { id: original.id, date: original.occurredAt, description: original.description, causeType: original.causeType, causeId: original.causeId, idempotencyKey: '', lines: original.lines },
      { date: deps.now.toISOString(), description: `Annulation de l’opération n° ${original.id} : ${input.reason.trim()}`, idempotencyKey: `reversal:${original.id}` },
    );
    const { id } = await postTransaction({ db: trx, actor: deps.actor, now: deps.now }, draft);
    await recordEvent(trx, { actorUserId: deps.actor.id, action: 'ledger.reversed', subjectType: 'ledger_transaction', subjectId: original.id, data: { reversal: id, reason: input.reason }, now: deps.now });
    return id;
  });
}

/** Sets how an event surplus is split (visuals share in basis points; book editing gets the rest). */
export async function setVisualsSplit(deps: Deps, basisPoints: number): Promise<void> {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) throw new ValidationError({ visuals_percent: 'errors.invalid' });
  await deps.db.transaction().execute(async (trx) => {
    const values = { value: String(basisPoints), updated_by: deps.actor.id, updated_at: deps.now.toISOString() };
    await trx
      .insertInto('settings')
      .values({ key: VISUALS_SPLIT_SETTING, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
    await recordEvent(trx, { actorUserId: deps.actor.id, action: 'ledger.split_changed', subjectType: 'settings', subjectId: null, data: { basisPoints }, now: deps.now });
  });
}

/** Creates a book with the contributors who share its royalties (equal shares or weights). */
export async function createBook(
  deps: Deps,
  input: { title: string; slug: string; unitPrice: number; manufacturingCost: number; splitMethod: 'equal' | 'weights'; contributors: { contributorId: number; weight: number }[] },
): Promise<number> {
  if (input.contributors.length === 0) throw new ValidationError({ contributors: 'ledger.noContributors' as MessageKey });
  return deps.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('books').select('id').where('slug', '=', input.slug).executeTakeFirst()) throw new ValidationError({ slug: 'errors.slugTaken' });
    const found = await trx.selectFrom('contributors').select('id').where('id', 'in', input.contributors.map((c) => c.contributorId)).execute();
    if (found.length !== new Set(input.contributors.map((c) => c.contributorId)).size) throw new ValidationError({ contributors: 'errors.invalid' });
    const { id } = await trx
      .insertInto('books')
      .values({ title: input.title, slug: input.slug, unit_price: input.unitPrice, manufacturing_cost: input.manufacturingCost, split_method: input.splitMethod, created_at: deps.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('book_contributors').values(input.contributors.map((c) => ({ book_id: id, contributor_id: c.contributorId, weight: c.weight }))).execute();
    await recordEvent(trx, { actorUserId: deps.actor.id, action: 'book.created', subjectType: 'book', subjectId: id, now: deps.now });
    return id;
  });
}
