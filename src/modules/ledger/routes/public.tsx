/** The public side of the ledger: the transparency page, every transaction, and the open exports. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import { sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import { transactionsToCsv } from '../exports/csv.ts';
import { transactionsToJson } from '../exports/json.ts';
import { exportPeriod } from '../exports/period.ts';
import { listEventLabels } from '../queries/events.ts';
import { listRoyalties } from '../queries/royalties.ts';
import { countTransactions, getTransaction, listTransactions } from '../queries/transactions.ts';
import { getTransparencyData, type TransparencyData, type TransparencyExtensions } from '../queries/transparency.ts';
import { transactionsQuery, transparencyQuery, type TransactionsQuery } from '../schemas.ts';
import { TransactionsPage } from '../views/transactions-page.tsx';
import { eveningsPageOf, renderTransparencyEvenings, renderTransparencyFigures, RoyaltiesPage, TransparencyPage } from '../views/transparency-page.tsx';
import { exportContext } from './export-context.ts';

const PAGE_SIZE = 50;
/** Pages of evenings on the transparency page kept drawn, per language: the newest, most read. */
const DRAWN_EVENING_PAGES = 10;

export const publicLedgerRoutes: FastifyPluginAsync<{ deps: AppDeps; extensions: TransparencyExtensions }> = async (fastify, { deps, extensions }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  // The figures are computed once per version of what they read (the ledger, expenses, book sales):
  // kept until a write to one of those tables, on any instance (docs/decisions/021).
  const transparencyData = () => deps.database.changes.memo('ledger:transparency', () => getTransparencyData(db, extensions));
  /**
   * What the page draws from the figures and the language alone, drawn once per version of the
   * figures. Each drawing reads the figures through their memo, so it counts their tables as its
   * own reads and is dropped with them.
   */
  const drawn = <T,>(key: string, draw: (data: TransparencyData) => T) => deps.database.changes.memo(key, async () => draw(await transparencyData()));

  app.get('/transparency', { schema: { querystring: transparencyQuery } }, async (req, reply) => {
    const { lang } = req;
    const data = await transparencyData();
    const page = eveningsPageOf(data, req.query.page);
    const [figures, evenings] = await Promise.all([
      drawn(`ledger:transparency:figures:${lang}`, (d) => renderTransparencyFigures(lang, d)),
      // The first pages of evenings are kept; older ones, rarely asked, are drawn each time.
      page <= DRAWN_EVENING_PAGES ? drawn(`ledger:transparency:evenings:${lang}:${page}`, (d) => renderTransparencyEvenings(lang, d, page)) : renderTransparencyEvenings(lang, data, page),
    ]);
    return sendPage(reply, <TransparencyPage ctx={viewContext(req, reply)} data={data} eveningsPage={page} figures={figures} evenings={evenings} />);
  });

  app.get('/transparency/royalties', async (req, reply) => sendPage(reply, <RoyaltiesPage ctx={viewContext(req, reply)} rows={await listRoyalties(db)} />));

  app.get('/transparency/transactions', { schema: { querystring: transactionsQuery } }, async (req, reply) => {
    const { page, filter, query } = req.query;
    const [transactions, total, eventTitles] = await Promise.all([
      listTransactions(db, { ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      countTransactions(db, filter),
      listEventLabels(db),
    ]);
    return sendPage(
      reply,
      <TransactionsPage ctx={viewContext(req, reply)} transactions={transactions} scope={{ filter }} query={query} page={page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} eventTitles={eventTitles} />,
    );
  });

  app.get('/transparency/transactions/:id', { schema: { params: idParams } }, async (req, reply) => {
    const tx = await getTransaction(db, req.params.id);
    if (!tx) throw new NotFoundError();
    return sendPage(reply, <TransactionsPage ctx={viewContext(req, reply)} transactions={[tx]} scope={{ transactionId: tx.id }} query="" page={1} pages={1} eventTitles={await listEventLabels(db)} />);
  });

  /** Every transaction the filter matches, with the names the exports show. */
  const exportRows = async ({ filter }: TransactionsQuery, lang: Lang) => {
    const [transactions, ctx] = await Promise.all([listTransactions(db, { ...filter, limit: 1_000_000 }), exportContext(db, lang, deps.config.currency)]);
    return { transactions, ctx };
  };

  app.get('/transparency/export.csv', { schema: { querystring: transactionsQuery } }, async (req, reply) => {
    const { transactions, ctx } = await exportRows(req.query, req.lang);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="open-experience-ledger.csv"')
      .send(transactionsToCsv(transactions, ctx));
  });

  app.get('/transparency/export.json', { schema: { querystring: transactionsQuery } }, async (req, reply) => {
    const { transactions, ctx } = await exportRows(req.query, req.lang);
    const period = exportPeriod(transactions, req.query.filter, deps.now().toISOString().slice(0, 10));
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'inline; filename="open-experience-ledger.json"')
      .send(JSON.stringify(transactionsToJson(transactions, ctx, period)));
  });
};
