/** The book desk: the books and who shares their royalties, recording a sale, adding a book. */
import { formatCents } from '../../../shared/money.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { PeopleSearchAnchor, PeopleSearchFields } from '../../../shared/views/person-picker.tsx';
import type { BookRow } from '../queries/books.ts';

export interface BooksDeskProps {
  ctx: ViewContext;
  books: (BookRow & { contributors: { name: string; weight: number }[] })[];
  /** Whom the new book's form offers: the people search's matches and those already weighted. */
  contributors: { id: number; name: string }[];
  /** The people search (`?who=`): contributors are thousands, the form lists only its matches. */
  who: string;
  bookForm: FormState;
  saleForm: FormState;
}

export function BooksDeskPage({ ctx, books, contributors, who, bookForm, saleForm }: BooksDeskProps) {
  const { t, lang } = ctx;
  const money = (c: number) => formatCents(c, lang);
  return (
    <EditorLayout ctx={ctx} title={t('desk.books')}>
      <p>
        <a href="/editor/ledger">← {t('desk.title')}</a> · <a href="/editor/ledger/payouts">{t('desk.royalties')}</a>
      </p>
      {books.map((b) => (
        <article class="book-card">
          <h2>{b.title}</h2>
          <p class="muted">
            {t('desk.bookPrices', { price: money(b.unitPrice), cost: money(b.manufacturingCost) })} · {t(`desk.split.${b.splitMethod}`)}
          </p>
          <p>{b.contributors.map((c) => (b.splitMethod === 'weights' ? `${c.name} (${c.weight})` : c.name)).join(', ')}</p>
        </article>
      ))}
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
            <PeopleSearchFields ctx={ctx} formId="people-search" who={who} />
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
        <PeopleSearchAnchor formId="people-search" path="/editor/ledger/books" />
      </section>
    </EditorLayout>
  );
}
