/** The public side of the ledger: the transparency page, every transaction, and the open exports. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Executor } from '../../db/database.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { translator, type Lang } from '../../shared/i18n/index.ts';
import { sendPage, viewContext } from '../../shared/http/page.ts';
import { parseAccount } from './domain/accounts.ts';
import { transactionsToCsv } from './exports/csv.ts';
import { transactionsToJson } from './exports/json.ts';
import type { ExportContext } from './exports/types.ts';
import { countTransactions, getTransaction, listEventLabels, listRoyalties, listRoyaltyRecipients, listTransactions, type TransactionFilter } from './queries.ts';
import { getTransparencyData, type CounterpartProvider } from './transparency.ts';
import { accountLabel } from './views/labels.ts';
import { TransactionsPage } from './views/transactions-page.tsx';
import { RoyaltiesPage, TransparencyPage } from './views/transparency-page.tsx';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filter of a transactions URL; anything malformed is a 404, never a 500. */
export function parseFilter(query: Record<string, unknown>): Omit<TransactionFilter, 'limit' | 'offset'> & { page: number } {
  const str = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : undefined);
  const filter: Omit<TransactionFilter, 'limit' | 'offset'> & { page: number } = { page: 1 };
  const account = str('account');
  if (account !== undefined) {
    if (!parseAccount(account)) throw new NotFoundError('account');
    filter.account = account;
  }
  const prefix = str('prefix');
  if (prefix !== undefined) {
    if (!/^[a-z_]+:[a-z_]+$/.test(prefix)) throw new NotFoundError('prefix');
    filter.accountPrefix = `${prefix}:`;
  }
  const event = str('event');
  if (event !== undefined) {
    if (!/^[1-9]\d{0,9}$/.test(event)) throw new NotFoundError('event');
    filter.eventId = Number(event);
  }
  const cause = str('cause');
  if (cause !== undefined) {
    if (!/^[a-z_]{1,40}$/.test(cause)) throw new NotFoundError('cause');
    filter.causeType = cause;
  }
  for (const [key, target] of [['from', 'from'], ['to', 'to']] as const) {
    const day = str(key);
    if (day === undefined) continue;
    if (!DAY.test(day) || Number.isNaN(Date.parse(day))) throw new NotFoundError(key);
    // `to` is inclusive for people: up to the end of that day.
    filter[target] = target === 'to' ? new Date(Date.parse(day) + 24 * 3600 * 1000).toISOString() : new Date(day).toISOString();
  }
  const page = Number(str('page') ?? 1);
  filter.page = Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
  return filter;
}

/** Names for the exports, with no personal data: contributors who chose so appear as a number. */
export async function exportContext(db: Executor, lang: Lang, currency: string): Promise<ExportContext> {
  const t = translator(lang);
  const [eventTitles, people] = await Promise.all([listEventLabels(db), listRoyaltyRecipients(db)]);
  return {
    currency,
    accountLabel: (code) => accountLabel(t, code),
    eventTitle: (id) => eventTitles.get(id),
    contributorLabel: (id) => {
      const p = people.get(id);
      return p && p.public_name ? p.name : t('ledger.contributorNumber', { id });
    },
  };
}

export function publicLedgerRoutes(app: FastifyInstance, deps: AppDeps, counterparts: readonly CounterpartProvider[] = []): void {
  const { db } = deps.database;

  app.get('/transparency', async (req, reply) => sendPage(reply, <TransparencyPage ctx={viewContext(req, reply)} data={await getTransparencyData(db, counterparts)} />));

  app.get('/transparency/royalties', async (req, reply) => sendPage(reply, <RoyaltiesPage ctx={viewContext(req, reply)} rows={await listRoyalties(db)} />));

  app.get('/transparency/transactions', async (req, reply) => {
    const { page, ...filter } = parseFilter(req.query as Record<string, unknown>);
    const [transactions, total, eventTitles] = await Promise.all([
      listTransactions(db, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      countTransactions(db, filter),
      listEventLabels(db),
    ]);
    const ctx = viewContext(req, reply);
    const labels = [
      filter.account ? accountLabel(ctx.t, filter.account) : null,
      filter.accountPrefix ? accountLabel(ctx.t, `${filter.accountPrefix}1`).replace(/\s*(n°|#|no\.)\s*1$/, '') : null,
      filter.eventId ? (eventTitles.get(filter.eventId) ?? `#${filter.eventId}`) : null,
      filter.causeType ? ctx.t(`ledger.cause.${filter.causeType}` as 'ledger.cause.other') : null,
    ].filter((l): l is string => l !== null);
    const query = new URLSearchParams(Object.entries(req.query as Record<string, string>).filter(([k, v]) => k !== 'page' && typeof v === 'string')).toString();
    return sendPage(
      reply,
      <TransactionsPage ctx={ctx} transactions={transactions} filterLabel={labels.length ? labels.join(' · ') : null} query={query} page={page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} eventTitles={eventTitles} />,
    );
  });

  app.get('/transparency/transactions/:id', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
    const tx = await getTransaction(db, id);
    if (!tx) throw new NotFoundError();
    const eventTitles = await listEventLabels(db);
    const ctx = viewContext(req, reply);
    return sendPage(
      reply,
      <TransactionsPage ctx={ctx} transactions={[tx]} filterLabel={ctx.t('transactions.single', { id })} query="" page={1} pages={1} eventTitles={eventTitles} />,
    );
  });

  const exportRows = async (req: FastifyRequest) => {
    const { page: _, ...filter } = parseFilter(req.query as Record<string, unknown>);
    const transactions = await listTransactions(db, { ...filter, limit: 1_000_000 });
    return { transactions, filter, ctx: await exportContext(db, req.lang, deps.config.currency) };
  };

  app.get('/transparency/export.csv', async (req, reply) => {
    const { transactions, ctx } = await exportRows(req);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="open-experience-ledger.csv"')
      .send(transactionsToCsv(transactions, ctx));
  });

  app.get('/transparency/export.json', async (req, reply) => {
    const { transactions, filter, ctx } = await exportRows(req);
    const days = transactions.map((t) => t.occurredAt.slice(0, 10)).sort();
    const today = deps.now().toISOString().slice(0, 10);
    const from = filter.from?.slice(0, 10) ?? days[0] ?? today;
    const to = filter.to ? new Date(Date.parse(filter.to) - 1).toISOString().slice(0, 10) : (days.at(-1) ?? today);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'inline; filename="open-experience-ledger.json"')
      .send(JSON.stringify(transactionsToJson(transactions, ctx, { from: from <= to ? from : to, to: to >= from ? to : from })));
  });
}
