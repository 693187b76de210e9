import { formatDateTime } from '../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { emptyForm, FormErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { formatCents } from '../../../shared/money.ts';
import { mediaUrl } from '../../media/index.ts';
import { EXPENSE_CATEGORIES } from '../domain/expense-categories.ts';
import type { ExpenseActions } from '../policy.ts';
import type { ExpenseRow } from '../queries/expenses.ts';
import { DeskNav } from './desk-nav.tsx';
import { accountLabel } from './labels.ts';

export interface ExpensesDeskProps {
  ctx: ViewContext;
  events: { id: number; title: string }[];
  /** Each expense with what the policy lets the person do with it. */
  expenses: (ExpenseRow & { actions: ExpenseActions })[];
  incomeForm: FormState;
  expenseForm: FormState;
  canRecordIncome: boolean;
  decisionErrors?: { expenseId: number; form: FormState } | undefined;
}

function EventSelect({ ctx, form, events, idPrefix }: { ctx: ViewContext; form: FormState; events: { id: number; title: string }[]; idPrefix: string }) {
  return (
    <SelectField
      ctx={ctx}
      form={form}
      idPrefix={idPrefix}
      name="event_id"
      label={ctx.t('desk.event')}
      options={[{ value: '', label: ctx.t('desk.noEvent') }, ...events.map((e) => ({ value: String(e.id), label: e.title }))]}
    />
  );
}

export function ExpensesDeskPage(props: ExpensesDeskProps) {
  const { ctx } = props;
  const { t, lang } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('desk.title')}>
      <DeskNav ctx={ctx} />
      <div class="two-columns">
        <section aria-labelledby="expense-form-heading">
          <h2 id="expense-form-heading">{t('desk.submitExpense')}</h2>
          <PostForm ctx={ctx} action="/editor/ledger/expenses" multipart label={t('desk.submitExpense')}>
            <FormErrorSummary ctx={ctx} form={props.expenseForm} />
            <input type="hidden" name="key" value={String(props.expenseForm.values.key ?? '')} />
            <SelectField ctx={ctx} form={props.expenseForm} idPrefix="x-" name="category" label={t('desk.category')} options={EXPENSE_CATEGORIES.map((c) => ({ value: c, label: accountLabel(t, c) }))} />
            <EventSelect ctx={ctx} form={props.expenseForm} events={props.events} idPrefix="x-" />
            <TextField ctx={ctx} form={props.expenseForm} idPrefix="x-" name="amount" label={t('desk.amount')} hint={t('desk.amountHint')} required />
            <TextField ctx={ctx} form={props.expenseForm} idPrefix="x-" name="payee" label={t('desk.payee')} required maxLength={200} />
            <TextField ctx={ctx} form={props.expenseForm} idPrefix="x-" name="description" label={t('desk.description')} required maxLength={500} />
            <div class={`field${props.expenseForm.errors.receipt ? ' field-invalid' : ''}`}>
              <label for="f-receipt">{t('desk.receipt')}</label>
              <input id="f-receipt" type="file" name="receipt" accept="application/pdf,image/png,image/jpeg,image/webp" data-max-bytes={String(ctx.maxUploadMb * 1024 * 1024)} data-too-large={t('errors.tooLarge', { max: Math.round(ctx.maxUploadMb) })} />
              {props.expenseForm.errors.receipt ? <p class="field-error">{t(props.expenseForm.errors.receipt)}</p> : null}
            </div>
            <button type="submit">{t('desk.submitExpenseButton')}</button>
          </PostForm>
        </section>
        {props.canRecordIncome ? (
          <section aria-labelledby="income-form-heading">
            <h2 id="income-form-heading">{t('desk.recordIncome')}</h2>
            <PostForm ctx={ctx} action="/editor/ledger/income" label={t('desk.recordIncome')}>
              <FormErrorSummary ctx={ctx} form={props.incomeForm} />
              <input type="hidden" name="key" value={String(props.incomeForm.values.key ?? '')} />
              <SelectField ctx={ctx} form={props.incomeForm} idPrefix="i-" name="kind" label={t('desk.incomeKind')} options={[{ value: 'tickets', label: accountLabel(t, 'income:tickets') }, { value: 'donation', label: accountLabel(t, 'income:donations') }]} />
              <EventSelect ctx={ctx} form={props.incomeForm} events={props.events} idPrefix="i-" />
              <TextField ctx={ctx} form={props.incomeForm} idPrefix="i-" name="amount" label={t('desk.amount')} hint={t('desk.amountHint')} required />
              <TextField ctx={ctx} form={props.incomeForm} idPrefix="i-" name="description" label={t('desk.description')} required maxLength={300} />
              <button type="submit">{t('desk.recordIncomeButton')}</button>
            </PostForm>
          </section>
        ) : null}
      </div>

      <h2>{t('desk.expenses')}</h2>
      {props.expenses.length === 0 ? (
        <p class="empty">{t('editor.nothing')}</p>
      ) : (
        <table class="data-table">
          <caption>{t('desk.expenses')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.description')}</th>
              <th scope="col">{t('desk.amount')}</th>
              <th scope="col">{t('workflow.status')}</th>
              <th scope="col">{t('revisions.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.expenses.map((x) => {
              const errors = props.decisionErrors?.expenseId === x.id ? props.decisionErrors.form : emptyForm;
              return (
                <tr id={`expense-${x.id}`}>
                  <td>
                    <strong>{x.description}</strong>
                    <br />
                    <span class="muted">
                      {accountLabel(t, x.category)}
                      {x.event_title ? ` · ${x.event_title}` : ''} · {x.payee} · {x.submitter_name} · {formatDateTime(x.created_at, lang)}
                    </span>
                    {x.receipt_key ? (
                      <>
                        {' '}
                        · <a href={mediaUrl(x.receipt_key)}>{t('desk.receipt')}</a>
                      </>
                    ) : null}
                    {x.override_reason ? <p class="notice">{t('desk.override', { reason: x.override_reason })}</p> : null}
                  </td>
                  <td class="num">{formatCents(Number(x.amount), lang)}</td>
                  <td>
                    <span class={`status status-${x.status}`}>{t(`expenseStatus.${x.status}`)}</span>
                  </td>
                  <td>
                    {x.actions.approve ? (
                      <PostForm ctx={ctx} action={`/editor/ledger/expenses/${x.id}/approve`} label={t('desk.approve')}>
                        <FormErrorSummary ctx={ctx} form={errors} />
                        <TextField ctx={ctx} form={errors} idPrefix={`a${x.id}-`} name="override_reason" label={t('desk.overrideReason')} hint={t('desk.overrideHint')} />
                        <button type="submit">{t('desk.approve')}</button>
                      </PostForm>
                    ) : null}
                    {x.actions.reject ? (
                      <PostForm ctx={ctx} action={`/editor/ledger/expenses/${x.id}/reject`} label={t('desk.reject')}>
                        <TextField ctx={ctx} form={errors} idPrefix={`r${x.id}-`} name="reason" label={t('desk.rejectReason')} required />
                        <button type="submit" class="button-secondary">
                          {t('desk.reject')}
                        </button>
                      </PostForm>
                    ) : null}
                    {x.actions.awaitingOther ? <span class="muted">{t('desk.awaitingOther')}</span> : null}
                    {x.actions.pay ? (
                      <PostForm ctx={ctx} action={`/editor/ledger/expenses/${x.id}/pay`} label={t('desk.markPaid')}>
                        <button type="submit">{t('desk.markPaid')}</button>
                      </PostForm>
                    ) : null}
                    {x.transaction_id ? <a href={`/transparency/transactions/${x.transaction_id}`}>{t('desk.seeTransaction')}</a> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </EditorLayout>
  );
}
