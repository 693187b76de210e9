/** The book editor: the books, and one book's composition, build and shop. */
import { formatCents } from '../../../shared/money.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, SelectField, TextArea, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import type { BookRow } from '../queries/books.ts';
import type { BuildRow } from '../queries/builds.ts';
import type { EntryRow } from '../queries/entries.ts';
import { BuildReport } from './build-report.tsx';

const LANGUAGES = (ctx: ViewContext) => [
  { value: 'fr', label: ctx.t('book.editor.lang.fr') },
  { value: 'en', label: ctx.t('book.editor.lang.en') },
];

function DetailsFields({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <>
      <div class="two-columns">
        <TextField ctx={ctx} form={form} name="title" label={t('book.editor.title')} required />
        <TextField ctx={ctx} form={form} name="subtitle" label={t('book.editor.subtitle')} />
        <TextField ctx={ctx} form={form} name="slug" label={t('piece.slug')} required />
        <TextField ctx={ctx} form={form} name="edition" label={t('book.editor.edition')} required />
      </div>
      <SelectField ctx={ctx} form={form} name="language" label={t('book.editor.language')} options={LANGUAGES(ctx)} />
    </>
  );
}

export function BooksPage({ ctx, books, form }: { ctx: ViewContext; books: BookRow[]; form: FormState }) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('book.editor.books')}>
      <p>
        <a href="/editor/books/orders">{t('book.orders.title')}</a> · <a href="/book">{t('book.public.title')}</a>
      </p>
      {books.length ? (
        <ul class="plain-list">
          {books.map((b) => (
            <li>
              <a href={`/editor/books/${b.id}`}>{b.title}</a> <span class="muted">({t('book.out.edition', { edition: b.edition })})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('book.editor.none')}</p>
      )}
      <section aria-labelledby="new-book">
        <h2 id="new-book">{t('book.editor.new')}</h2>
        <PostForm ctx={ctx} action="/editor/books" label={t('book.editor.new')}>
          <FormErrorSummary ctx={ctx} form={form} />
          <DetailsFields ctx={ctx} form={form} />
          <button type="submit">{t('book.editor.create')}</button>
        </PostForm>
      </section>
    </EditorLayout>
  );
}

export interface ComposerProps {
  ctx: ViewContext;
  book: BookRow;
  entries: EntryRow[];
  pieces: { id: number; title: string }[];
  revisions: Map<number, number[]>;
  build: BuildRow | undefined;
  canPrice: boolean;
  forms: { details: FormState; entry: FormState; shop: FormState };
}

function entryLabel(ctx: ViewContext, e: EntryRow): string {
  if (e.kind === 'part') return `${ctx.t('book.out.part')} — ${e.title}`;
  if (e.kind === 'text') return e.title;
  const title = e.title || e.pieceTitle || e.sourceTitle;
  return e.revisionNumber !== null ? `${title} (${ctx.t('book.editor.pinned', { revision: e.revisionNumber })})` : title;
}

function MoveButtons({ ctx, book, entry, first, last }: { ctx: ViewContext; book: BookRow; entry: EntryRow; first: boolean; last: boolean }) {
  const { t } = ctx;
  const label = entryLabel(ctx, entry);
  const move = (value: 'up' | 'down', text: string, disabled: boolean) => (
    <PostForm ctx={ctx} action={`/editor/books/${book.id}/entries/${entry.id}/move`} class="inline-form">
      <input type="hidden" name="move" value={value} />
      <button type="submit" class="small" disabled={disabled} aria-label={`${text} : ${label}`}>
        {value === 'up' ? '↑' : '↓'}
      </button>
    </PostForm>
  );
  return (
    <span class="entry-actions">
      {move('up', t('book.editor.moveUp'), first)}
      {move('down', t('book.editor.moveDown'), last)}
      <PostForm ctx={ctx} action={`/editor/books/${book.id}/entries/${entry.id}/remove`} class="inline-form">
        <button type="submit" class="small link-button" aria-label={`${t('book.editor.remove')} : ${label}`}>
          {t('book.editor.remove')}
        </button>
      </PostForm>
    </span>
  );
}

export function ComposerPage({ ctx, book, entries, pieces, revisions, build, canPrice, forms }: ComposerProps) {
  const { t, lang } = ctx;
  const running = build && (build.status === 'queued' || build.status === 'running');
  return (
    <EditorLayout ctx={ctx} title={book.title}>
      <p>
        <a href="/editor/books">← {t('book.editor.books')}</a>
        {book.currentBuildId !== null ? (
          <>
            {' '}
            · <a href={`/book/${book.slug}`}>{t('book.editor.publicPage')}</a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="build-heading" class="book-build">
        <h2 id="build-heading">{t('book.build.title')}</h2>
        {build ? (
          <div data-build-progress={`/editor/books/${book.id}/build.json`} data-running={running ? 'true' : 'false'}>
            <p>
              <span data-build-status>{t(`book.build.status.${build.status}`)}</span>
              {running ? (
                <>
                  {' '}
                  — <span data-build-step>{build.step}</span>
                </>
              ) : null}
            </p>
            <progress max={100} value={build.progress} aria-label={t('book.build.progress')}>
              {build.progress} %
            </progress>
            {running ? (
              <p class="hint">
                <a href={`/editor/books/${book.id}`}>{t('book.build.refresh')}</a>
              </p>
            ) : null}
            {build.contentHash ? (
              <p class="muted">
                {t('book.public.hash')} <code>{build.contentHash.slice(0, 16)}…</code>
              </p>
            ) : null}
            <BuildReport ctx={ctx} issues={build.report} />
          </div>
        ) : (
          <p class="empty">{t('book.build.never')}</p>
        )}
        <PostForm ctx={ctx} action={`/editor/books/${book.id}/build`} label={t('book.build.start')}>
          <button type="submit">{t('book.build.start')}</button>
        </PostForm>
      </section>

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('book.editor.contents')}</h2>
        <p class="hint" id="dnd-hint">
          {t('book.editor.reorderHint')}
        </p>
        {entries.length ? (
          <ol class="book-entries" data-book-entries aria-describedby="dnd-hint">
            {entries.map((e, i) => (
              <li class={`book-entry book-entry-${e.kind}`} draggable data-entry-id={String(e.id)}>
                <span class="drag-handle" aria-hidden="true">
                  ⠿
                </span>
                <span class="entry-title">{entryLabel(ctx, e)}</span>
                {e.kind === 'piece' && e.pieceId === null ? <strong class="field-error"> {t('book.issue.pieceDeleted')}</strong> : null}
                {e.kind === 'piece' && e.pieceStatus !== null && e.pieceStatus !== 'published' ? <strong class="field-error"> {t('book.issue.pieceUnpublished')}</strong> : null}
                <MoveButtons ctx={ctx} book={book} entry={e} first={i === 0} last={i === entries.length - 1} />
                {e.kind !== 'part' ? (
                  <details>
                    <summary>{t('book.editor.editEntry')}</summary>
                    <PostForm ctx={ctx} action={`/editor/books/${book.id}/entries/${e.id}`} label={`${t('book.editor.editEntry')} : ${entryLabel(ctx, e)}`}>
                      <TextField ctx={ctx} form={{ values: { title: e.title }, errors: {} }} idPrefix={`e${e.id}-`} name="title" label={t(e.kind === 'piece' ? 'book.editor.titleOverride' : 'book.editor.title')} />
                      {e.kind === 'piece' && e.pieceId !== null ? (
                        <SelectField
                          ctx={ctx}
                          form={{ values: { revision_number: e.revisionNumber === null ? '' : String(e.revisionNumber) }, errors: {} }}
                          idPrefix={`e${e.id}-`}
                          name="revision_number"
                          label={t('book.editor.revision')}
                          options={[{ value: '', label: t('book.editor.currentText') }, ...(revisions.get(e.pieceId) ?? []).map((n) => ({ value: String(n), label: t('book.editor.pinned', { revision: n }) }))]}
                        />
                      ) : null}
                      {e.kind === 'text' ? <TextArea ctx={ctx} form={{ values: { body_md: e.bodyMd }, errors: {} }} idPrefix={`e${e.id}-`} name="body_md" label={t('book.editor.body')} rows={8} /> : null}
                      <button type="submit">{t('book.editor.saveEntry')}</button>
                    </PostForm>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{t('book.editor.emptyBook')}</p>
        )}
        <PostForm ctx={ctx} action={`/editor/books/${book.id}/order`} class="visually-hidden" label={t('book.editor.saveOrder')}>
          <input type="hidden" name="order" value={entries.map((e) => e.id).join(',')} data-order-field />
          <button type="submit" tabIndex={-1}>
            {t('book.editor.saveOrder')}
          </button>
        </PostForm>
      </section>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t('book.editor.add')}</h2>
        <PostForm ctx={ctx} action={`/editor/books/${book.id}/entries`} label={t('book.editor.add')}>
          <FormErrorSummary ctx={ctx} form={forms.entry} />
          <SelectField
            ctx={ctx}
            form={forms.entry}
            idPrefix="add-"
            name="kind"
            label={t('book.editor.kind')}
            options={[
              { value: 'piece', label: t('book.editor.kind.piece') },
              { value: 'text', label: t('book.editor.kind.text') },
              { value: 'part', label: t('book.editor.kind.part') },
            ]}
          />
          <SelectField ctx={ctx} form={forms.entry} idPrefix="add-" name="piece_id" label={t('book.editor.piece')} options={[{ value: '', label: '—' }, ...pieces.map((p) => ({ value: String(p.id), label: p.title }))]} />
          <TextField ctx={ctx} form={forms.entry} idPrefix="add-" name="title" label={t('book.editor.entryTitle')} hint={t('book.editor.entryTitleHint')} />
          <TextArea ctx={ctx} form={forms.entry} idPrefix="add-" name="body_md" label={t('book.editor.body')} hint={t('book.editor.bodyHint')} rows={6} />
          <button type="submit">{t('book.editor.addButton')}</button>
        </PostForm>
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('book.editor.details')}</h2>
        <PostForm ctx={ctx} action={`/editor/books/${book.id}`} multipart label={t('book.editor.details')}>
          <FormErrorSummary ctx={ctx} form={forms.details} />
          <DetailsFields ctx={ctx} form={forms.details} />
          <TextArea ctx={ctx} form={forms.details} name="about_md" label={t('book.editor.about')} hint={t('book.editor.aboutHint')} rows={5} />
          <div class="field">
            <label for="f-cover">{t('book.editor.cover')}</label>
            <p class="hint" id="cover-hint">
              {book.coverMediaId !== null ? t('book.editor.coverSet') : t('book.editor.coverNone')}
            </p>
            <input id="f-cover" type="file" name="cover" accept="image/png,image/jpeg" aria-describedby="cover-hint" />
          </div>
          {book.coverMediaId !== null ? (
            <label class="checkbox">
              <input type="checkbox" name="remove_cover" value="on" /> {t('book.editor.removeCover')}
            </label>
          ) : null}
          <button type="submit">{t('book.editor.save')}</button>
        </PostForm>
      </section>

      {canPrice ? (
        <section aria-labelledby="shop-heading">
          <h2 id="shop-heading">{t('book.shop.settings')}</h2>
          <PostForm ctx={ctx} action={`/editor/books/${book.id}/shop`} label={t('book.shop.settings')}>
            <FormErrorSummary ctx={ctx} form={forms.shop} />
            <div class="two-columns">
              <TextField ctx={ctx} form={forms.shop} idPrefix="shop-" name="unit_price" label={t('desk.unitPrice')} hint={t('desk.amountHint')} required />
              <TextField ctx={ctx} form={forms.shop} idPrefix="shop-" name="manufacturing_cost" label={t('desk.manufacturingCost')} hint={t('book.shop.manufacturingHint')} required />
            </div>
            <label class="checkbox">
              <input type="checkbox" name="shop_open" value="on" checked={forms.shop.values.shop_open === 'on'} /> {t('book.shop.open')}
            </label>
            {forms.shop.errors.shop_open ? <p class="field-error">{t(forms.shop.errors.shop_open)}</p> : null}
            <p class="muted">{t('desk.bookPrices', { price: formatCents(book.unitPrice, lang), cost: formatCents(book.manufacturingCost, lang) })}</p>
            <button type="submit">{t('book.shop.save')}</button>
          </PostForm>
        </section>
      ) : null}
    </EditorLayout>
  );
}
