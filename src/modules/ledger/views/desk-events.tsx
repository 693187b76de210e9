import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { formatDate, formatDateTime } from '../../../shared/i18n/index.ts';
import { FormErrorSummary, PostForm, TextField, type FormState } from '../../../shared/views/form-fields.tsx';
import { formatCents } from '../../../shared/money.ts';
import type { EventFinancials } from '../queries/events.ts';
import { DeskNav } from './desk-nav.tsx';
import { closureSummary } from './labels.ts';

/** Closing the evenings' accounts, and the rule that splits their surpluses. */
export function EventsDeskPage({
  ctx,
  events,
  visualsPercent,
  splitForm,
  canClose,
  now,
}: {
  ctx: ViewContext;
  events: EventFinancials[];
  visualsPercent: number;
  splitForm: FormState;
  canClose: boolean;
  /** Closing is offered once an evening has ended. */
  now: Date;
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
                    {closureSummary(t, money, e.closure)}
                  </span>
                ) : canClose && e.endsAt > now.toISOString() ? (
                  <span class="muted">{t('desk.closableAfter', { date: formatDateTime(e.endsAt, lang) })}</span>
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
