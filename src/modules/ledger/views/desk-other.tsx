import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { formatDate } from '../../../shared/i18n/index.ts';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { formatCents } from '../../../shared/money.ts';
import type { EventFinancials, RoyaltyRow } from '../queries.ts';
import { DeskNav } from './desk-nav.tsx';

export function EventsDeskPage({
  ctx,
  events,
  visualsPercent,
  splitForm,
  canClose,
}: {
  ctx: ViewContext;
  events: EventFinancials[];
  visualsPercent: number;
  splitForm: FormState;
  canClose: boolean;
}) {
  const { t, lang } = ctx;
  const money = (c: number) => formatCents(c, lang);
  return (
    <EditorLayout ctx={ctx} title={t('desk.title')}>
      <DeskNav ctx={ctx} />
      <h2>{t('desk.closeEvents')}</h2>
      <p>{t('desk.closeIntro', { visuals: visualsPercent, book: 100 - visualsPercent })}</p>
      <table class="data-table">
        <caption>{t('desk.events')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transparency.event')}</th>
            <th scope="col">{t('transparency.income')}</th>
            <th scope="col">{t('transparency.logistics')}</th>
            <th scope="col">{t('transparency.result')}</th>
            <th scope="col">{t('revisions.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr>
              <th scope="row">
                {e.title} <span class="muted">· {formatDate(e.startsAt, lang)}</span>
              </th>
              <td class="num">{money(e.income)}</td>
              <td class="num">
                {money(e.logistics)}
                {e.committed ? <span class="muted"> (+{money(e.committed)})</span> : null}
              </td>
              <td class="num">{money(e.income - e.logistics)}</td>
              <td>
                {e.closure ? (
                  <span>
                    {t('desk.closedOn', { date: formatDate(e.closure.closedAt, lang) })} —{' '}
                    {e.closure.deficit > 0
                      ? t('transparency.deficitCovered', { amount: money(e.closure.deficit) })
                      : t('transparency.surplusSplit', { visuals: money(e.closure.toVisuals), book: money(e.closure.toBookEditing) })}
                  </span>
                ) : canClose ? (
                  <PostForm ctx={ctx} action={`/editor/ledger/events/${e.eventId}/close`} label={t('desk.closeButton', { title: e.title })}>
                    <button type="submit">{t('desk.closeButton', { title: e.title })}</button>
                  </PostForm>
                ) : (
                  <span class="muted">{t('transparency.open')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canClose ? (
        <section aria-labelledby="split-heading">
          <h2 id="split-heading">{t('desk.splitTitle')}</h2>
          <PostForm ctx={ctx} action="/editor/ledger/split" label={t('desk.splitTitle')}>
            <FormErrorSummary ctx={ctx} form={splitForm} />
            <TextField ctx={ctx} form={splitForm} name="visuals_percent" label={t('desk.visualsPercent')} hint={t('desk.visualsPercentHint')} required />
            <button type="submit">{t('piece.save')}</button>
          </PostForm>
        </section>
      ) : null}
    </EditorLayout>
  );
}

export function BooksDeskPage({
  ctx,
  books,
  contributors,
  royalties,
  bookForm,
  saleForm,
  payoutForm,
}: {
  ctx: ViewContext;
  books: { id: number; title: string; unit_price: number; manufacturing_cost: number; split_method: string; contributors: { name: string; weight: number }[] }[];
  contributors: { id: number; name: string }[];
  royalties: RoyaltyRow[];
  bookForm: FormState;
  saleForm: FormState;
  payoutForm: FormState;
}) {
  const { t, lang } = ctx;
  const money = (c: number) => formatCents(c, lang);
  return (
    <EditorLayout ctx={ctx} title={t('desk.title')}>
      <DeskNav ctx={ctx} />
      <h2>{t('desk.books')}</h2>
      {books.map((b) => (
        <article class="book-card">
          <h3>{b.title}</h3>
          <p class="muted">
            {t('desk.bookPrices', { price: money(Number(b.unit_price)), cost: money(Number(b.manufacturing_cost)) })} · {t(`desk.split.${b.split_method}` as 'desk.split.equal')}
          </p>
          <p>{b.contributors.map((c) => (b.split_method === 'weights' ? `${c.name} (${c.weight})` : c.name)).join(', ')}</p>
        </article>
      ))}
      <div class="two-columns">
        {books.length ? (
          <section aria-labelledby="sale-heading">
            <h2 id="sale-heading">{t('desk.recordSale')}</h2>
            <PostForm ctx={ctx} action="/editor/ledger/sales" label={t('desk.recordSale')}>
              <FormErrorSummary ctx={ctx} form={saleForm} />
              <input type="hidden" name="key" value={String(saleForm.values.key ?? '')} />
              <SelectField ctx={ctx} form={saleForm} idPrefix="s-" name="book_id" label={t('transparency.bookTitle')} options={books.map((b) => ({ value: String(b.id), label: b.title }))} />
              <TextField ctx={ctx} form={saleForm} idPrefix="s-" name="quantity" label={t('transparency.copies')} required />
              <TextField ctx={ctx} form={saleForm} idPrefix="s-" name="fees" label={t('transparency.fees')} hint={t('desk.amountHint')} required />
              <button type="submit">{t('desk.recordSale')}</button>
            </PostForm>
          </section>
        ) : null}
        <section aria-labelledby="payout-heading">
          <h2 id="payout-heading">{t('desk.payout')}</h2>
          <PostForm ctx={ctx} action="/editor/ledger/payouts" label={t('desk.payout')}>
            <FormErrorSummary ctx={ctx} form={payoutForm} />
            <input type="hidden" name="key" value={String(payoutForm.values.key ?? '')} />
            <SelectField
              ctx={ctx}
              form={payoutForm}
              idPrefix="p-"
              name="contributor_id"
              label={t('transparency.contributor')}
              options={royalties.filter((r) => r.owed > 0).map((r) => ({ value: String(r.contributorId), label: `${r.name} — ${t('transparency.owed')} ${money(r.owed)}` }))}
            />
            <TextField ctx={ctx} form={payoutForm} idPrefix="p-" name="amount" label={t('desk.amount')} hint={t('desk.amountHint')} required />
            <button type="submit">{t('desk.payoutButton')}</button>
          </PostForm>
        </section>
      </div>
      {royalties.length ? (
        <table class="data-table">
          <caption>{t('transparency.royalties')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transparency.contributor')}</th>
              <th scope="col">{t('transparency.credited')}</th>
              <th scope="col">{t('transparency.paid')}</th>
              <th scope="col">{t('transparency.owed')}</th>
              <th scope="col">{t('desk.statement')}</th>
            </tr>
          </thead>
          <tbody>
            {royalties.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                <td class="num">{money(r.credited)}</td>
                <td class="num">{money(r.paid)}</td>
                <td class="num">{money(r.owed)}</td>
                <td>
                  <a href={`/editor/ledger/royalties/${r.contributorId}`}>{t('desk.statement')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <section aria-labelledby="book-form-heading">
        <h2 id="book-form-heading">{t('desk.newBook')}</h2>
        <PostForm ctx={ctx} action="/editor/ledger/books" label={t('desk.newBook')}>
          <FormErrorSummary ctx={ctx} form={bookForm} />
          <div class="two-columns">
            <TextField ctx={ctx} form={bookForm} idPrefix="b-" name="title" label={t('transparency.bookTitle')} required />
            <TextField ctx={ctx} form={bookForm} idPrefix="b-" name="slug" label={t('piece.slug')} required />
            <TextField ctx={ctx} form={bookForm} idPrefix="b-" name="unit_price" label={t('desk.unitPrice')} hint={t('desk.amountHint')} required />
            <TextField ctx={ctx} form={bookForm} idPrefix="b-" name="manufacturing_cost" label={t('desk.manufacturingCost')} hint={t('desk.amountHint')} required />
          </div>
          <SelectField ctx={ctx} form={bookForm} idPrefix="b-" name="split_method" label={t('desk.splitMethod')} options={[{ value: 'equal', label: t('desk.split.equal') }, { value: 'weights', label: t('desk.split.weights') }]} />
          <fieldset class={`field${bookForm.errors.contributors ? ' field-invalid' : ''}`}>
            <legend>{t('desk.bookContributors')}</legend>
            <p class="hint">{t('desk.bookContributorsHint')}</p>
            {bookForm.errors.contributors ? <p class="field-error">{t(bookForm.errors.contributors)}</p> : null}
            <div class="weights">
              {contributors.map((c) => (
                <label class="weight-row">
                  <span>{c.name}</span>
                  <input type="number" min="0" max="100000" step="1" name={`weight_${c.id}`} value={String(bookForm.values[`weight_${c.id}`] ?? '')} inputMode="numeric" />
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit">{t('desk.createBook')}</button>
        </PostForm>
      </section>
    </EditorLayout>
  );
}

export function CorrectionsDeskPage({ ctx, reverseForm, fecYear, sirenMissing }: { ctx: ViewContext; reverseForm: FormState; fecYear: number; sirenMissing: boolean }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('desk.title')}>
      <DeskNav ctx={ctx} />
      <section aria-labelledby="reverse-heading">
        <h2 id="reverse-heading">{t('desk.reverse')}</h2>
        <p>{t('desk.reverseIntro')}</p>
        <PostForm ctx={ctx} action="/editor/ledger/reversals" label={t('desk.reverse')}>
          <FormErrorSummary ctx={ctx} form={reverseForm} />
          <TextField ctx={ctx} form={reverseForm} name="transaction_id" label={t('desk.transactionNumber')} required />
          <TextField ctx={ctx} form={reverseForm} name="reason" label={t('desk.reverseReason')} required maxLength={500} />
          <button type="submit" class="button-secondary">
            {t('desk.reverseButton')}
          </button>
        </PostForm>
      </section>
      <section aria-labelledby="fec-heading">
        <h2 id="fec-heading">{t('desk.fec')}</h2>
        <p>{t('desk.fecIntro')}</p>
        {sirenMissing ? <p class="notice">{t('desk.fecNoSiren')}</p> : null}
        <form method="get" action="/editor/ledger/fec" class="inline-form">
          <label for="f-year">{t('desk.year')}</label>{' '}
          <input id="f-year" name="year" type="number" min="2000" max="2100" value={String(fecYear)} />{' '}
          <button type="submit">{t('desk.downloadFec')}</button>
        </form>
      </section>
    </EditorLayout>
  );
}

export function StatementPage({
  ctx,
  name,
  from,
  to,
  statement,
  contributorId,
}: {
  ctx: ViewContext;
  name: string;
  from: string;
  to: string;
  contributorId: number;
  statement: { openingOwed: number; closingOwed: number; items: { transactionId: number; date: string; description: string; credited: number; paid: number }[] };
}) {
  const { t, lang } = ctx;
  const money = (c: number) => formatCents(c, lang);
  return (
    <EditorLayout ctx={ctx} title={t('desk.statementTitle', { name })}>
      <form method="get" action={`/editor/ledger/royalties/${contributorId}`} class="inline-form statement-period">
        <label for="f-from">{t('desk.from')}</label> <input id="f-from" type="date" name="from" value={from} />{' '}
        <label for="f-to">{t('desk.to')}</label> <input id="f-to" type="date" name="to" value={to} /> <button type="submit">{t('desk.show')}</button>
      </form>
      <table class="data-table">
        <caption>{t('desk.statementPeriod', { from: formatDate(from, lang), to: formatDate(to, lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transactions.date')}</th>
            <th scope="col">{t('transactions.description')}</th>
            <th scope="col">{t('transparency.credited')}</th>
            <th scope="col">{t('transparency.paid')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td colSpan={3}>{t('desk.openingOwed')}</td>
            <td class="num">{money(statement.openingOwed)}</td>
          </tr>
          {statement.items.map((i) => (
            <tr>
              <td>{formatDate(i.date, lang)}</td>
              <td>
                <a href={`/transparency/transactions/${i.transactionId}`}>{i.description}</a>
              </td>
              <td class="num">{i.credited ? money(i.credited) : ''}</td>
              <td class="num">{i.paid ? money(i.paid) : ''}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={3}>
              {t('desk.closingOwed')}
            </th>
            <td class="num">
              <strong>{money(statement.closingOwed)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
    </EditorLayout>
  );
}
