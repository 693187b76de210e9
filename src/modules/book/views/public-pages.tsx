/** The book's public pages: the books, one book's free downloads, its shop and a buyer's order. */
import { formatDate } from '../../../shared/i18n/index.ts';
import { formatCents } from '../../../shared/money.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { Layout } from '../../../shared/views/layout.tsx';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import type { BookOrderRow } from '../queries/orders.ts';
import type { BookRow } from '../queries/books.ts';
import type { BuildFileInfo, BuildRow } from '../queries/builds.ts';

const LICENCE_URL = 'https://creativecommons.org/licenses/by-sa/4.0/';

export function BooksListPage({ ctx, books }: { ctx: ViewContext; books: BookRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('book.public.title'), description: t('book.public.intro'), canonicalPath: '/book' }}>
      <h1>{t('book.public.title')}</h1>
      <p>{t('book.public.intro')}</p>
      {books.length ? (
        <ul class="plain-list">
          {books.map((b) => (
            <li>
              <a href={`/book/${b.slug}`}>{b.title}</a>
              {b.subtitle ? <> — {b.subtitle}</> : null} <span class="muted">({t('book.out.edition', { edition: b.edition })})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('book.public.none')}</p>
      )}
    </Layout>
  );
}

const sizeOf = (bytes: number, lang: 'fr' | 'en') => `${new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} Mo`;

export interface BookPageProps {
  ctx: ViewContext;
  book: BookRow;
  build: BuildRow;
  downloads: BuildFileInfo[];
  contributors: { name: string; slug: string }[];
  shopOpen: boolean;
}

export function BookPage({ ctx, book, build, downloads, contributors, shopOpen }: BookPageProps) {
  const { t, lang } = ctx;
  const formats: { path: string; format: 'epub' | 'pdf' | 'print-pdf'; label: string }[] = [
    { path: 'book.epub', format: 'epub', label: t('book.public.epub') },
    { path: 'book.pdf', format: 'pdf', label: t('book.public.pdf') },
    { path: 'book-print.pdf', format: 'print-pdf', label: t('book.public.printPdf') },
  ];
  const available = formats.filter((f) => downloads.some((d) => d.path === f.path));
  return (
    <Layout ctx={ctx} meta={{ title: book.title, description: book.subtitle || t('book.public.intro'), canonicalPath: `/book/${book.slug}`, contentLang: book.language }}>
      <article class="book-page">
        <h1 lang={book.language}>{book.title}</h1>
        {book.subtitle ? (
          <p class="lede" lang={book.language}>
            {book.subtitle}
          </p>
        ) : null}
        <dl class="book-facts">
          <dt>{t('book.public.edition')}</dt>
          <dd>{build.edition}</dd>
          <dt>{t('book.public.builtAt')}</dt>
          <dd>{formatDate(build.finishedAt, lang)}</dd>
          <dt>{t('book.public.hash')}</dt>
          <dd>
            <code class="hash">{build.contentHash}</code>
          </dd>
          <dt>{t('book.public.licence')}</dt>
          <dd>
            <a rel="license" href={LICENCE_URL}>
              {t('licence.ccbysa')}
            </a>
          </dd>
        </dl>
        <section aria-labelledby="downloads">
          <h2 id="downloads">{t('book.public.free')}</h2>
          <p>{t('book.public.freeIntro')}</p>
          <ul class="downloads">
            {available.map((f) => {
              const file = downloads.find((d) => d.path === f.path)!;
              return (
                <li>
                  <a href={`/book/${book.slug}/download/${f.format}`} download>
                    {f.label}
                  </a>{' '}
                  <span class="muted">
                    ({sizeOf(file.size, lang)}, SHA-256 <code class="hash">{file.sha256.slice(0, 12)}…</code>)
                  </span>
                </li>
              );
            })}
            {downloads.length ? null : <li>{t('book.public.none')}</li>}
            <li>
              <a href={`/book/${book.slug}/html/index.html`}>{t('book.public.web')}</a> · <a href={`/book/${book.slug}/html/single.html`}>{t('book.public.webSingle')}</a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="paper">
          <h2 id="paper">{t('book.public.paper')}</h2>
          {shopOpen ? (
            <p>
              {t('book.public.paperIntro', { price: formatCents(book.unitPrice, lang) })} <a href={`/book/${book.slug}/shop`}>{t('book.public.order')}</a>
            </p>
          ) : (
            <p class="muted">{t('book.public.paperClosed')}</p>
          )}
        </section>
        {contributors.length ? (
          <section aria-labelledby="contributors">
            <h2 id="contributors">{t('book.out.contributorsTitle')}</h2>
            <ul class="plain-list">
              {contributors.map((c) => (
                <li>
                  <a href={`/contributors/${c.slug}`}>{c.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </Layout>
  );
}

export interface ShopPageProps {
  ctx: ViewContext;
  book: BookRow;
  form: FormState;
  shipping: { option: 'pickup' | 'france' | 'europe' | 'world'; perCopy: number }[];
}

export function ShopPage({ ctx, book, form, shipping }: ShopPageProps) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('book.shop.title', { title: book.title }), canonicalPath: `/book/${book.slug}/shop` }}>
      <section class="narrow">
        <h1>{t('book.shop.title', { title: book.title })}</h1>
        <p>{t('book.shop.price', { price: formatCents(book.unitPrice, lang) })}</p>
        <p class="hint">{t('book.shop.royalties')}</p>
        <PostForm ctx={ctx} action={`/book/${book.slug}/shop`} label={t('book.shop.order')}>
          <FormErrorSummary ctx={ctx} form={form} />
          <input type="hidden" name="key" value={String(form.values.key ?? '')} />
          <TextField ctx={ctx} form={form} name="quantity" label={t('book.shop.quantity')} required />
          <SelectField
            ctx={ctx}
            form={form}
            name="shipping"
            label={t('book.shop.shipping')}
            options={shipping.map((s) => ({ value: s.option, label: `${t(`book.shipping.${s.option}`)} — ${s.perCopy ? t('book.shop.perCopy', { amount: formatCents(s.perCopy, lang) }) : t('book.shop.free')}` }))}
          />
          <TextField ctx={ctx} form={form} name="name" label={t('book.shop.name')} autocomplete="name" required />
          <TextField ctx={ctx} form={form} name="email" type="email" label={t('book.shop.email')} hint={t('book.shop.emailHint')} autocomplete="email" required />
          <TextField ctx={ctx} form={form} name="address" label={t('book.shop.address')} autocomplete="street-address" required />
          <div class="two-columns">
            <TextField ctx={ctx} form={form} name="postal_code" label={t('book.shop.postalCode')} autocomplete="postal-code" required />
            <TextField ctx={ctx} form={form} name="city" label={t('book.shop.city')} autocomplete="address-level2" required />
          </div>
          <TextField ctx={ctx} form={form} name="country" label={t('book.shop.country')} autocomplete="country-name" required />
          <p class="hint">{t('book.shop.privacy')}</p>
          <button type="submit">{t('book.shop.order')}</button>
        </PostForm>
      </section>
    </Layout>
  );
}

export function BookOrderPage({ ctx, order, token }: { ctx: ViewContext; order: BookOrderRow; token: string }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} meta={{ title: t('book.order.title'), noindex: true }}>
      <section class="narrow">
        <h1>{t('book.order.title')}</h1>
        <p>
          <strong>{t(`book.orderStatus.${order.status}`)}</strong>
        </p>
        <dl class="facts">
          <dt>{t('book.order.book')}</dt>
          <dd>{order.bookTitle}</dd>
          <dt>{t('book.shop.quantity')}</dt>
          <dd>{order.quantity}</dd>
          <dt>{t('book.shop.shipping')}</dt>
          <dd>{isShipping(order.shippingOption) ? t(`book.shipping.${order.shippingOption}`) : order.shippingOption}</dd>
          <dt>{t('book.order.total')}</dt>
          <dd>{formatCents(order.total, lang)}</dd>
          <dt>{t('book.order.reference')}</dt>
          <dd>
            <code>{order.publicId}</code>
          </dd>
        </dl>
        {order.status === 'ordered' ? <p>{order.provider === 'stripe' ? t('book.order.payByCard') : t('book.order.payByTransfer', { reference: order.publicId })}</p> : null}
        {order.status === 'ordered' && order.provider === 'stripe' ? (
          <PostForm ctx={ctx} action={`/book/orders/${order.publicId}/pay?token=${encodeURIComponent(token)}`}>
            <button type="submit">{t('book.order.pay')}</button>
          </PostForm>
        ) : null}
      </section>
    </Layout>
  );
}

const isShipping = (v: string): v is 'pickup' | 'france' | 'europe' | 'world' => ['pickup', 'france', 'europe', 'world'].includes(v);
export { isShipping };
