/** The book editor (/editor/books): books, their composition, builds and shop settings; the fulfilment list of paper orders. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { idParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import type { FormState } from '../../../shared/views/form-fields.tsx';
import { listPublishedRefs } from '../../publishing/index.ts';
import { addEntry } from '../commands/add-entry.ts';
import { cancelBookOrder } from '../commands/cancel-book-order.ts';
import { payBookOrder } from '../commands/pay-book-order.ts';
import { refundBookOrder } from '../commands/refund-book-order.ts';
import { removeEntry } from '../commands/remove-entry.ts';
import { reorderEntries } from '../commands/reorder-entries.ts';
import { requestBuild } from '../commands/request-build.ts';
import { saveBook } from '../commands/save-book.ts';
import { setBookShop } from '../commands/set-book-shop.ts';
import { shipBookOrder } from '../commands/ship-book-order.ts';
import { updateEntry } from '../commands/update-entry.ts';
import { bookPolicy } from '../policy.ts';
import { getBook, listBooks } from '../queries/books.ts';
import { getLatestBuild } from '../queries/builds.ts';
import { listEntries, listRevisionNumbers } from '../queries/entries.ts';
import { listBookOrders } from '../queries/orders.ts';
import { addEntrySchema, bookDetailsSchema, bookIdParams, entryParams, moveSchema, orderSchema, refundSchema, shopSettingsSchema, updateEntrySchema } from '../schemas.ts';
import { BooksPage, ComposerPage } from '../views/editor-pages.tsx';
import { listPaymentAnomalies } from '../../events/index.ts';
import { FulfilmentPage } from '../views/fulfilment-page.tsx';

export function editorBookRoutes(fastify: FastifyInstance, deps: AppDeps, builds: { kick(): void }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const compose = (req: FastifyRequest) => bookPolicy.authorize(req.actor, 'compose');
  const ctxOf = (req: FastifyRequest) => ({ db, actor: req.actor, now: deps.now() });
  const bookPath = (id: number) => `/editor/books/${id}`;
  const bookIdOf = (req: FastifyRequest) => bookIdParams.parse(req.params).id;

  async function booksPage(req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) {
    compose(req);
    return sendPage(reply, <BooksPage ctx={viewContext(req, reply)} books={await listBooks(db)} form={form ?? { values: { edition: '1', language: 'fr' }, errors: {} }} />, status);
  }

  async function composerPage(req: FastifyRequest, reply: FastifyReply, bookId: number, forms: { details?: FormState; entry?: FormState; shop?: FormState } = {}, status = 200) {
    compose(req);
    const book = await getBook(db, bookId);
    if (!book) throw new NotFoundError();
    const [entries, pieces, build] = await Promise.all([listEntries(db, book.id), listPublishedRefs(db, deps.now()), getLatestBuild(db, book.id)]);
    const revisions = await listRevisionNumbers(db, entries.flatMap((e) => (e.pieceId !== null ? [e.pieceId] : [])));
    const details: FormState = { values: { title: book.title, subtitle: book.subtitle, slug: book.slug, edition: book.edition, language: book.language, about_md: book.aboutMd }, errors: {} };
    const shop: FormState = { values: { unit_price: (book.unitPrice / 100).toFixed(2).replace('.', ','), manufacturing_cost: (book.manufacturingCost / 100).toFixed(2).replace('.', ','), shop_open: book.shopOpen ? 'on' : '' }, errors: {} };
    return sendPage(
      reply,
      <ComposerPage
        ctx={viewContext(req, reply)}
        book={book}
        entries={entries}
        pieces={pieces.map((p) => ({ id: p.id, title: p.title })).sort((a, b) => a.title.localeCompare(b.title, 'fr'))}
        revisions={revisions}
        build={build}
        canPrice={bookPolicy.can(req.actor, 'price')}
        forms={{ details: forms.details ?? details, entry: forms.entry ?? { values: { kind: 'piece' }, errors: {} }, shop: forms.shop ?? shop }}
      />,
      status,
    );
  }

  app.get('/editor/books', async (req, reply) => booksPage(req, reply));

  const newBookForm: FormRenderer = (req, reply, { form, status }) => booksPage(req, reply, form, status);
  app.post('/editor/books', { schema: { body: bookDetailsSchema }, config: { authorize: compose, form: newBookForm } }, async (req, reply) => {
    const d = req.body;
    const id = await saveBook(ctxOf(req), { title: d.title, subtitle: d.subtitle, slug: d.slug, edition: d.edition, language: d.language, aboutMd: d.about_md });
    return redirectWithFlash(req, reply, bookPath(id), 'book.editor.created');
  });

  app.get('/editor/books/:id', { schema: { params: idParams }, config: { authorize: compose } }, async (req, reply) => composerPage(req, reply, req.params.id));

  const detailsForm: FormRenderer = (req, reply, { form, status }) => composerPage(req, reply, bookIdOf(req), { details: form }, status);
  app.post('/editor/books/:id', { schema: { params: idParams, body: bookDetailsSchema }, config: { authorize: compose, form: detailsForm } }, async (req, reply) => {
    const d = req.body;
    const cover = req.uploads?.cover;
    await saveBook(ctxOf(req), { bookId: req.params.id, title: d.title, subtitle: d.subtitle, slug: d.slug, edition: d.edition, language: d.language, aboutMd: d.about_md, cover: cover ? { data: cover.data } : undefined, removeCover: d.remove_cover });
    return redirectWithFlash(req, reply, bookPath(req.params.id), 'book.editor.saved');
  });

  const entryForm: FormRenderer = (req, reply, { form, status }) => composerPage(req, reply, bookIdOf(req), { entry: form }, status);
  app.post('/editor/books/:id/entries', { schema: { params: idParams, body: addEntrySchema }, config: { authorize: compose, form: entryForm } }, async (req, reply) => {
    const d = req.body;
    await addEntry(ctxOf(req), { bookId: req.params.id, kind: d.kind, title: d.title, pieceId: d.piece_id, revisionNumber: d.revision_number, bodyMd: d.body_md });
    return redirectWithFlash(req, reply, bookPath(req.params.id), 'book.editor.added');
  });

  const back = (req: FastifyRequest) => bookPath(bookIdOf(req));
  app.post('/editor/books/:id/entries/:entryId', { schema: { params: entryParams, body: updateEntrySchema }, config: { authorize: compose, back } }, async (req, reply) => {
    await updateEntry(ctxOf(req), { entryId: req.params.entryId, title: req.body.title, revisionNumber: req.body.revision_number, bodyMd: req.body.body_md });
    return redirectWithFlash(req, reply, bookPath(req.params.id), 'book.editor.saved');
  });

  app.post('/editor/books/:id/entries/:entryId/move', { schema: { params: entryParams, body: moveSchema }, config: { authorize: compose, back } }, async (req, reply) => {
    await reorderEntries(ctxOf(req), { entryId: req.params.entryId, move: req.body.move });
    return redirectWithFlash(req, reply, `${bookPath(req.params.id)}#entries-heading`, 'book.editor.moved');
  });

  app.post('/editor/books/:id/entries/:entryId/remove', { schema: { params: entryParams }, config: { authorize: compose, back } }, async (req, reply) => {
    await removeEntry(ctxOf(req), { entryId: req.params.entryId });
    return redirectWithFlash(req, reply, bookPath(req.params.id), 'book.editor.removed');
  });

  app.post('/editor/books/:id/order', { schema: { params: idParams, body: orderSchema }, config: { authorize: compose, back } }, async (req, reply) => {
    await reorderEntries(ctxOf(req), { bookId: req.params.id, order: req.body.order });
    return redirectWithFlash(req, reply, `${bookPath(req.params.id)}#entries-heading`, 'book.editor.moved');
  });

  app.post('/editor/books/:id/build', { schema: { params: idParams }, config: { authorize: compose, back } }, async (req, reply) => {
    await requestBuild(ctxOf(req), { bookId: req.params.id });
    builds.kick();
    return redirectWithFlash(req, reply, bookPath(req.params.id), 'book.build.queued');
  });

  /** The build's progress, for the editor's page to follow without reloading. */
  app.get('/editor/books/:id/build.json', { schema: { params: idParams }, config: { authorize: compose } }, async (req, reply) => {
    const build = await getLatestBuild(db, req.params.id);
    return reply.header('cache-control', 'no-store').send(build ? { status: build.status, progress: build.progress, step: build.step } : { status: 'none', progress: 0, step: '' });
  });

  const shopForm: FormRenderer = (req, reply, { form, status }) => composerPage(req, reply, bookIdOf(req), { shop: form }, status);
  app.post(
    '/editor/books/:id/shop',
    { schema: { params: idParams, body: shopSettingsSchema }, config: { authorize: (req) => bookPolicy.authorize(req.actor, 'price'), form: shopForm } },
    async (req, reply) => {
      await setBookShop(ctxOf(req), { bookId: req.params.id, unitPrice: req.body.unit_price, manufacturingCost: req.body.manufacturing_cost, open: req.body.shop_open });
      return redirectWithFlash(req, reply, bookPath(req.params.id), 'book.shop.saved');
    },
  );

  // Fulfilment.

  const fulfil = (req: FastifyRequest) => bookPolicy.authorize(req.actor, 'fulfil');
  app.get('/editor/books/orders', { config: { authorize: fulfil } }, async (req, reply) => {
    fulfil(req);
    const orders = await listBookOrders(db, { limit: 500 });
    const anomalies = await listPaymentAnomalies(db, 'book_order', orders.map((o) => o.id));
    return sendPage(reply, <FulfilmentPage ctx={viewContext(req, reply)} orders={orders} anomalies={anomalies} canTakeMoney={bookPolicy.can(req.actor, 'takeMoney')} />);
  });
  const backToOrders = () => '/editor/books/orders';
  const money = (req: FastifyRequest) => bookPolicy.authorize(req.actor, 'takeMoney');
  app.post('/editor/books/orders/:id/pay', { schema: { params: idParams }, config: { authorize: money, back: backToOrders } }, async (req, reply) => {
    await payBookOrder(ctxOf(req), { by: 'organiser', orderId: req.params.id });
    return redirectWithFlash(req, reply, '/editor/books/orders', 'book.orders.paid');
  });
  app.post('/editor/books/orders/:id/ship', { schema: { params: idParams }, config: { authorize: fulfil, back: backToOrders } }, async (req, reply) => {
    await shipBookOrder(ctxOf(req), { orderId: req.params.id });
    return redirectWithFlash(req, reply, '/editor/books/orders', 'book.orders.shipped');
  });
  app.post('/editor/books/orders/:id/cancel', { schema: { params: idParams }, config: { authorize: fulfil, back: backToOrders } }, async (req, reply) => {
    await cancelBookOrder(ctxOf(req), { orderId: req.params.id });
    return redirectWithFlash(req, reply, '/editor/books/orders', 'book.orders.cancelled');
  });
  app.post('/editor/books/orders/:id/refund', { schema: { params: idParams, body: refundSchema }, config: { authorize: money, back: backToOrders } }, async (req, reply) => {
    await refundBookOrder(ctxOf(req), { orderId: req.params.id, reason: req.body.reason });
    return redirectWithFlash(req, reply, '/editor/books/orders', 'book.orders.refunded');
  });
}
