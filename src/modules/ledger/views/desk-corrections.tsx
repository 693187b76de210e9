import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { DeskNav } from './desk-nav.tsx';

/** Reversing a transaction, and the accountant's FEC. */
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
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('audit.title')}</h2>
        <p>{t('audit.intro')}</p>
        <p>
          <a href="/editor/ledger/audit">{t('desk.audit')}</a>
        </p>
      </section>
    </EditorLayout>
  );
}
