/** Royalties at the desk: what each contributor is owed, paying them, and their statements. */
import { formatDate } from '../../../shared/i18n/index.ts';
import { formatCents } from '../../../shared/money.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import type { RoyaltyRow, RoyaltyStatement } from '../queries/royalties.ts';
import { DeskNav } from './desk-nav.tsx';
import { transactionLabel } from './labels.ts';
import { RoyaltiesTable } from './royalties-table.tsx';

export function RoyaltiesDeskPage({ ctx, royalties, payoutForm }: { ctx: ViewContext; royalties: RoyaltyRow[]; payoutForm: FormState }) {
  const { t, lang } = ctx;
  const money = (c: number) => formatCents(c, lang);
  return (
    <EditorLayout ctx={ctx} title={t('desk.title')}>
      <DeskNav ctx={ctx} />
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
      {royalties.length ? <RoyaltiesTable ctx={ctx} rows={royalties} audience="desk" /> : null}
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
  statement: RoyaltyStatement;
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
                <a href={`/transparency/transactions/${i.transactionId}`}>{transactionLabel(t, i)}</a>
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
