/** The book's public side: the free editions (downloads and the web edition), the shop and a buyer's order page. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../app-deps.ts';
import { localisePath } from '../../../shared/i18n/index.ts';
import { NotFoundError } from '../../../shared/errors.ts';
import type { FormRenderer } from '../../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../../shared/http/page.ts';
import { slugParams, type ZodTypeProvider } from '../../../shared/http/route-schema.ts';
import type { FormState } from '../../../shared/views/form-fields.tsx';
import type { PaymentProvider } from '../../events/index.ts';
import { beginBookCheckout } from '../commands/begin-book-checkout.ts';
import { placeBookOrder } from '../commands/place-book-order.ts';
import { bookOrderToken, isBookOrderToken } from '../order-access.ts';
import { getBookBySlug, listPublishedBooks, listPublicBookContributors } from '../queries/books.ts';
import { getBuild, getBuildFile, listDownloads } from '../queries/builds.ts';
import { getBookOrder } from '../queries/orders.ts';
import { bookOrderSchema, downloadParams, orderPageParams, orderPageQuery, webFileParams } from '../schemas.ts';
import { BookOrderPage, BookPage, BooksListPage, ShopPage } from '../views/public-pages.tsx';

export interface ShopPayments {
  providers: Record<string, PaymentProvider>;
  checkoutProvider: 'manual' | 'stripe';
}

const DOWNLOADS = { epub: { path: 'book.epub', ext: 'epub' }, pdf: { path: 'book.pdf', ext: 'pdf' }, 'print-pdf': { path: 'book-print.pdf', ext: 'print.pdf' } } as const;
/** Stored files are served as they are: no script, nothing from elsewhere. */
const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function publicBookRoutes(fastify: FastifyInstance, deps: AppDeps, payments: ShopPayments): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const orderLink = (publicId: string) => `/book/orders/${publicId}?token=${encodeURIComponent(bookOrderToken(deps.config.appSecret, publicId))}`;

  /** A book whose digital edition is out, with the build it serves. */
  async function publishedBook(slug: string) {
    const book = await getBookBySlug(db, slug);
    if (!book || book.currentBuildId === null) throw new NotFoundError();
    const build = await getBuild(db, book.currentBuildId);
    if (!build) throw new NotFoundError();
    return { book, build };
  }

  app.get('/book', async (req, reply) => sendPage(reply, <BooksListPage ctx={viewContext(req, reply)} books={await listPublishedBooks(db)} />));

  app.get('/book/:slug', { schema: { params: slugParams } }, async (req, reply) => {
    const { book, build } = await publishedBook(req.params.slug);
    const [downloads, contributors] = await Promise.all([listDownloads(db, build.id), listPublicBookContributors(db, book.id)]);
    return sendPage(reply, <BookPage ctx={viewContext(req, reply)} book={book} build={build} downloads={downloads} contributors={contributors} shopOpen={book.shopOpen && contributors.length > 0} />);
  });

  app.get('/book/:slug/download/:format', { schema: { params: downloadParams } }, async (req, reply) => {
    const { book, build } = await publishedBook(req.params.slug);
    const wanted = DOWNLOADS[req.params.format];
    const file = await getBuildFile(db, build.id, wanted.path);
    if (!file) throw new NotFoundError();
    const etag = `"${file.sha256}"`;
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', `attachment; filename="${book.slug}-${build.edition.replace(/[^A-Za-z0-9.-]/g, '_')}.${wanted.ext}"`)
      .header('etag', etag)
      .header('cache-control', 'public, max-age=300')
      .header('content-security-policy', FILE_CSP)
      .send(Buffer.from(file.bytes));
  });

  app.get('/book/:slug/html', { schema: { params: slugParams } }, async (req, reply) => reply.redirect(`/book/${req.params.slug}/html/index.html`, 301));

  app.get('/book/:slug/html/*', { schema: { params: webFileParams } }, async (req, reply) => {
    const { build } = await publishedBook(req.params.slug);
    const file = await getBuildFile(db, build.id, `html/${req.params['*']}`);
    if (!file) throw new NotFoundError();
    const etag = `"${file.sha256}"`;
    if (req.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.header('content-type', file.mime).header('etag', etag).header('cache-control', 'public, max-age=300').header('content-security-policy', FILE_CSP).send(Buffer.from(file.bytes));
  });

  // The shop.

  async function shopPage(req: FastifyRequest, reply: FastifyReply, slug: string, form?: FormState, status = 200) {
    const { book } = await publishedBook(slug);
    if (!book.shopOpen || (await listPublicBookContributors(db, book.id)).length === 0) throw new NotFoundError();
    const defaults: FormState = { values: { key: randomBytes(16).toString('base64url'), quantity: '1', shipping: deps.config.book.shipping[0]?.option ?? 'pickup' }, errors: {} };
    return sendPage(reply, <ShopPage ctx={viewContext(req, reply)} book={book} form={form ?? defaults} shipping={deps.config.book.shipping} />, status);
  }

  app.get('/book/:slug/shop', { schema: { params: slugParams } }, async (req, reply) => shopPage(req, reply, req.params.slug));

  const shopForm: FormRenderer = (req, reply, { form, status }) => shopPage(req, reply, slugParams.parse(req.params).slug, form, status);

  app.post(
    '/book/:slug/shop',
    { schema: { params: slugParams, body: bookOrderSchema }, config: { form: shopForm, rateLimit: { max: 10 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const { book } = await publishedBook(req.params.slug);
      const d = req.body;
      const publicId = await placeBookOrder(
        { db, actor: req.actor, now: deps.now() },
        {
          bookId: book.id,
          name: d.name,
          email: d.email,
          address: d.address,
          postalCode: d.postal_code,
          city: d.city,
          country: d.country,
          shipping: d.shipping,
          quantity: d.quantity,
          key: d.key,
          lang: req.lang,
          provider: payments.checkoutProvider,
          shippingOptions: deps.config.book.shipping,
        },
      );
      return pay(req, reply, publicId);
    },
  );

  /** To the provider's checkout, or to the order page's instructions (a transfer). */
  async function pay(req: FastifyRequest, reply: FastifyReply, publicId: string) {
    const order = await getBookOrder(db, { publicId });
    if (!order) throw new NotFoundError();
    const gateway = payments.providers[order.provider] ?? payments.providers.manual!;
    const url = `${deps.config.baseUrl}${localisePath(orderLink(publicId), req.lang)}`;
    const outcome = await beginBookCheckout({ db, actor: req.actor, now: deps.now() }, { publicId, gateway, urls: { success: url, cancel: url }, currency: deps.config.currency });
    if (outcome.kind === 'redirect') return reply.redirect(outcome.url, 303);
    if (outcome.kind === 'unavailable') return redirectWithFlash(req, reply, orderLink(publicId), 'book.order.providerDown', 'error');
    return redirectWithFlash(req, reply, orderLink(publicId), 'book.order.placed');
  }

  /** An order is reached by its secret link only; a wrong token is a 404, like an unknown order. */
  async function orderFor(publicId: string, token: string | undefined) {
    const order = await getBookOrder(db, { publicId });
    if (!order || !isBookOrderToken(deps.config.appSecret, order.publicId, token)) throw new NotFoundError();
    return order;
  }

  app.get('/book/orders/:publicId', { schema: { params: orderPageParams, querystring: orderPageQuery } }, async (req, reply) => {
    const order = await orderFor(req.params.publicId, req.query.token);
    return sendPage(reply, <BookOrderPage ctx={viewContext(req, reply)} order={order} token={req.query.token ?? ''} />);
  });

  app.post(
    '/book/orders/:publicId/pay',
    { schema: { params: orderPageParams, querystring: orderPageQuery }, config: { rateLimit: { max: 10 * deps.config.rateLimitMultiplier, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const order = await orderFor(req.params.publicId, req.query.token);
      return pay(req, reply, order.publicId);
    },
  );
}
