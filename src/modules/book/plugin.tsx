/**
 * The book: the ledger desk of books and sales (/editor/ledger/books), the book editor and its
 * builds (/editor/books), the free editions and the shop (/book), the fulfilment list, the
 * outbox handlers of the buyers' emails and refunds, and the worker that runs builds.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type Stripe from 'stripe';
import type { AppDeps } from '../../app-deps.ts';
import type { EffectHandlers } from '../../outbox/index.ts';
import type { FormRenderer } from '../../shared/http/form.ts';
import { redirectWithFlash, sendPage, viewContext } from '../../shared/http/page.ts';
import type { ZodTypeProvider } from '../../shared/http/route-schema.ts';
import { peopleSearchQuery } from '../../shared/pagination.ts';
import type { FormState } from '../../shared/views/form-fields.tsx';
import { getContributorOptions, searchContributorOptions } from '../contributors/index.ts';
import { createStripeClient, manualProvider, stripeProvider, type PaymentProvider } from '../events/index.ts';
import { BookBuildWorker, BUILD_LEASE_MS, BUILD_POLL_MS } from './build/build-worker.ts';
import { createBook } from './commands/create-book.ts';
import { recordBookSale } from './commands/record-book-sale.ts';
import { handleBookEffects } from './effect-handlers.ts';
import { bookPolicy } from './policy.ts';
import { getBookContributors, listBooks } from './queries/books.ts';
import { editorBookRoutes } from './routes/editor.tsx';
import { publicBookRoutes } from './routes/public.tsx';
import { bookSchema, saleSchema } from './schemas.ts';
import { BooksDeskPage } from './views/books-desk.tsx';

const BOOKS = '/editor/ledger/books';
/** A one-time key put in the sale form: a double submit records one sale. */
const newFormKey = () => randomBytes(16).toString('base64url');

export const bookPlugin: FastifyPluginAsync<{ deps: AppDeps; effects: EffectHandlers }> = async (fastify, { deps, effects }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const manage = (req: FastifyRequest) => bookPolicy.authorize(req.actor, 'manage');

  // Paper copies are paid like tickets: manual by default, Stripe Checkout when configured.
  const stripe: Stripe | null = deps.config.stripeSecretKey ? createStripeClient(deps.config.stripeSecretKey, deps.config.stripeApiUrl) : null;
  const providers: Record<string, PaymentProvider> = { manual: manualProvider, ...(stripe ? { stripe: stripeProvider(stripe) } : {}) };
  const checkoutProvider = deps.config.paymentProvider === 'stripe' && stripe ? 'stripe' : 'manual';
  handleBookEffects(effects, { config: deps.config, mailer: deps.mailer, providers });

  // Builds run in the background on every instance that listens (tests and the command line run them by hand).
  const worker = new BookBuildWorker({ db, now: deps.now, baseUrl: deps.config.baseUrl, book: deps.config.book, leaseMs: BUILD_LEASE_MS }, { pollMs: BUILD_POLL_MS, log: fastify.log });
  fastify.addHook('onListen', async () => worker.start());
  fastify.addHook('onClose', async () => worker.stop());

  editorBookRoutes(fastify, deps, worker);
  publicBookRoutes(fastify, deps, { providers, checkoutProvider });

  async function booksPage(req: FastifyRequest, reply: FastifyReply, forms: { book?: FormState; sale?: FormState } = {}, status = 200) {
    bookPolicy.authorize(req.actor, 'manage');
    // Contributors are thousands: the form offers the people search's matches and those already weighted.
    const who = peopleSearchQuery.safeParse(req.query).data?.who ?? '';
    const weighted = Object.keys(forms.book?.values ?? {}).flatMap((name) => /^weight_(\d{1,15})$/.exec(name)?.[1] ?? []).map(Number);
    const [books, matches, kept] = await Promise.all([listBooks(db), searchContributorOptions(db, who), getContributorOptions(db, weighted)]);
    const contributors = [...kept, ...matches.filter((m) => !weighted.includes(m.id))];
    const withPeople = await Promise.all(books.map(async (b) => ({ ...b, contributors: await getBookContributors(db, b.id) })));
    return sendPage(
      reply,
      <BooksDeskPage
        ctx={viewContext(req, reply)}
        books={withPeople}
        contributors={contributors}
        who={who}
        bookForm={forms.book ?? { values: { split_method: 'equal' }, errors: {} }}
        saleForm={forms.sale ?? { values: { key: newFormKey(), quantity: '1', fees: '0' }, errors: {} }}
      />,
      status,
    );
  }

  app.get(BOOKS, async (req, reply) => booksPage(req, reply));

  const bookForm: FormRenderer = (req, reply, { form, status }) => booksPage(req, reply, { book: form }, status);
  app.post(BOOKS, { schema: { body: bookSchema }, config: { authorize: manage, form: bookForm } }, async (req, reply) => {
    await createBook({ db, actor: req.actor, now: deps.now() }, req.body);
    return redirectWithFlash(req, reply, BOOKS, 'desk.bookCreated');
  });

  const saleForm: FormRenderer = (req, reply, { form, status }) => booksPage(req, reply, { sale: form }, status);
  app.post('/editor/ledger/sales', { schema: { body: saleSchema }, config: { authorize: (req) => bookPolicy.authorize(req.actor, 'recordSale'), form: saleForm } }, async (req, reply) => {
    await recordBookSale({ db, actor: req.actor, now: deps.now() }, { bookId: req.body.book_id, quantity: req.body.quantity, fees: req.body.fees, key: req.body.key });
    return redirectWithFlash(req, reply, BOOKS, 'desk.saleRecorded');
  });
};
