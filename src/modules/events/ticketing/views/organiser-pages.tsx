import { formatDateTime } from '../../../../shared/i18n/index.ts';
import { formatCents } from '../../../../shared/money.ts';
import { PaymentAnomalyNotice } from '../../../../shared/views/payment-anomaly.tsx';
import type { ViewContext } from '../../../../shared/views/context.ts';
import { EditorLayout } from '../../../../shared/views/editor-layout.tsx';
import { FormErrorSummary, PostForm, SelectField, TextField, type FormState } from '../../../../shared/views/form-fields.tsx';
import { TICKET_KINDS } from '../domain/order.ts';
import type { listInvitationCodes, listOrdersOfEvent, listTicketTypes } from '../queries.ts';
import { priceLabel } from './ticket-box.tsx';

type Orders = Awaited<ReturnType<typeof listOrdersOfEvent>>;
type Types = Awaited<ReturnType<typeof listTicketTypes>>;
type Codes = Awaited<ReturnType<typeof listInvitationCodes>>;

/** How an order is paid, in a word for the organisers' table. */
function viaKey(provider: string) {
  return provider === 'door' ? 'ticketing.via.door' : provider === 'stripe' ? 'ticketing.via.stripe' : provider === 'free' ? 'ticketing.via.free' : 'ticketing.via.manual';
}


export function TicketingPage(props: {
  ctx: ViewContext;
  event: { id: number; title: string; capacity: number; status: string };
  counts: { registered: number; checkedIn: number; contributors: number; contributorsIn: number };
  seatsLeft: number;
  waiting: number;
  types: Types;
  codes: Codes;
  orders: Orders;
  /** What the orders were searched for ('' for all of them). */
  search: string;
  typeForm: FormState;
  codeForm: FormState;
}) {
  const { ctx, event } = props;
  const { t, lang } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('ticketing.title', { title: event.title })}>
      <p>
        <a href={`/editor/events/${event.id}`}>← {t('events.edit')}</a> · <a href={`/editor/events/${event.id}/checkin`}>{t('ticketing.checkin')}</a> ·{' '}
        <a href={`/editor/events/${event.id}/attendees.csv`}>{t('ticketing.exportCsv')}</a>
      </p>
      <ul class="stat-list" aria-label={t('ticketing.counts')}>
        <li>
          <strong>{props.counts.registered}</strong> {t('ticketing.registered')}
        </li>
        <li>
          <strong>{props.counts.checkedIn}</strong> {t('ticketing.checkedIn')}
        </li>
        <li>
          <strong>{props.counts.contributors}</strong> {t('ticketing.contributors')}
        </li>
        <li>
          <strong>{props.seatsLeft}</strong> {t('ticketing.seatsLeft', { capacity: event.capacity })}
        </li>
        <li>
          <strong>{props.waiting}</strong> {t('ticketing.waiting')}
        </li>
      </ul>

      <h2>{t('ticketing.types')}</h2>
      <table class="data-table">
        <caption>{t('ticketing.types')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ticketing.typeName')}</th>
            <th scope="col">{t('ticketing.kind')}</th>
            <th scope="col">{t('ticketing.price')}</th>
            <th scope="col">{t('ticketing.quota')}</th>
            <th scope="col">{t('ticketing.maxPerOrder')}</th>
          </tr>
        </thead>
        <tbody>
          {props.types.map((type) => (
            <tr>
              <td>
                {type.name}
                {type.active ? null : <span class="badge">{t('ticketing.inactive')}</span>}
              </td>
              <td>{t(`ticketKind.${type.kind}`)}</td>
              <td>{priceLabel(ctx, type)}</td>
              <td>{type.quota ?? '—'}</td>
              <td>{type.max_per_order}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="two-columns">
        <PostForm ctx={ctx} action={`/editor/events/${event.id}/ticket-types`} label={t('ticketing.addType')}>
          <h3>{t('ticketing.addType')}</h3>
          <FormErrorSummary ctx={ctx} form={props.typeForm} />
          <SelectField ctx={ctx} form={props.typeForm} idPrefix="t-" name="kind" label={t('ticketing.kind')} options={TICKET_KINDS.map((k) => ({ value: k, label: t(`ticketKind.${k}`) }))} />
          <TextField ctx={ctx} form={props.typeForm} idPrefix="t-" name="name" label={t('ticketing.typeName')} required maxLength={80} />
          <TextField ctx={ctx} form={props.typeForm} idPrefix="t-" name="price" label={t('ticketing.price')} hint={t('ticketing.priceHint')} />
          <TextField ctx={ctx} form={props.typeForm} idPrefix="t-" name="quota" label={t('ticketing.quota')} hint={t('ticketing.quotaHint')} />
          <TextField ctx={ctx} form={props.typeForm} idPrefix="t-" name="max_per_order" label={t('ticketing.maxPerOrder')} />
          <SelectField ctx={ctx} form={props.typeForm} idPrefix="t-" name="language" label={t('language.label')} options={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
          <button type="submit">{t('ticketing.addType')}</button>
        </PostForm>
        <PostForm ctx={ctx} action={`/editor/events/${event.id}/codes`} label={t('ticketing.addCode')}>
          <h3>{t('ticketing.addCode')}</h3>
          <FormErrorSummary ctx={ctx} form={props.codeForm} />
          <TextField ctx={ctx} form={props.codeForm} idPrefix="c-" name="code" label={t('ticketing.code')} hint={t('ticketing.codeHint')} maxLength={40} />
          <TextField ctx={ctx} form={props.codeForm} idPrefix="c-" name="price" label={t('ticketing.price')} hint={t('ticketing.codePriceHint')} />
          <TextField ctx={ctx} form={props.codeForm} idPrefix="c-" name="max_uses" label={t('ticketing.maxUses')} required />
          <TextField ctx={ctx} form={props.codeForm} idPrefix="c-" name="expires_at" type="datetime-local" label={t('ticketing.expires')} hint={t('events.optionalDate')} />
          <TextField ctx={ctx} form={props.codeForm} idPrefix="c-" name="note" label={t('ticketing.note')} maxLength={200} />
          <button type="submit">{t('ticketing.addCode')}</button>
        </PostForm>
      </div>
      {props.codes.length ? (
        <table class="data-table">
          <caption>{t('ticketing.codes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ticketing.code')}</th>
              <th scope="col">{t('ticketing.price')}</th>
              <th scope="col">{t('ticketing.maxUses')}</th>
              <th scope="col">{t('ticketing.expires')}</th>
              <th scope="col">{t('ticketing.note')}</th>
            </tr>
          </thead>
          <tbody>
            {props.codes.map((c) => (
              <tr>
                <td>
                  <code>{c.code}</code>
                </td>
                <td>{Number(c.price) === 0 ? t('tickets.free') : formatCents(Number(c.price), lang)}</td>
                <td>
                  {c.uses} / {c.max_uses}
                </td>
                <td>{c.expires_at ? formatDateTime(c.expires_at, lang) : '—'}</td>
                <td>{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <h2 id="orders-heading">{t('ticketing.orders')}</h2>
      <form method="get" action={`/editor/events/${event.id}/tickets#orders-heading`} class="search-form" role="search" aria-label={t('ticketing.searchOrders')}>
        <label for="orders-q">{t('ticketing.searchOrders')}</label>
        <input id="orders-q" type="search" name="q" value={props.search} aria-describedby="orders-q-hint" maxLength={100} />
        <button type="submit" class="button-secondary">
          {t('ticketing.search')}
        </button>
        <span id="orders-q-hint" class="hint">
          {t('ticketing.searchHint')}
        </span>
        {props.search ? <a href={`/editor/events/${event.id}/tickets#orders-heading`}>{t('ticketing.showAll')}</a> : null}
      </form>
      {props.orders.length === 0 ? (
        <p class="empty">{props.search ? t('ticketing.noMatch', { q: props.search }) : t('editor.nothing')}</p>
      ) : (
        <table class="data-table">
          <caption>{t('ticketing.orders')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ticketing.buyer')}</th>
              <th scope="col">{t('ticketing.reference')}</th>
              <th scope="col">{t('tickets.type')}</th>
              <th scope="col">{t('ticketing.amount')}</th>
              <th scope="col">{t('workflow.status')}</th>
              <th scope="col">{t('revisions.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.orders.map((o) => (
              <tr id={`order-${o.id}`}>
                <td>
                  {o.name}
                  <br />
                  <span class="muted">{o.email}</span>
                </td>
                <td>{o.payment_reference ? <code class="payment-reference">{o.payment_reference}</code> : '—'}</td>
                <td>
                  {o.type_name} × {o.quantity}
                  {Number(o.checked_in) > 0 ? <span class="badge">{t('ticketing.inCount', { n: Number(o.checked_in) })}</span> : null}
                </td>
                <td class="num">
                  {Number(o.total) === 0 ? t('tickets.free') : formatCents(Number(o.total), lang)}
                  {Number(o.total) > 0 ? <span class="muted"> · {t(viaKey(o.provider))}</span> : null}
                </td>
                <td>
                  <span class={`status status-${o.status}`}>{t(`orderStatus.${o.status}`)}</span>
                  {o.status === 'reserved' && o.reserved_until ? <span class="muted"> {t('ticketing.termEnds', { until: formatDateTime(o.reserved_until, lang) })}</span> : null}
                  {Number(o.refund_due) > 0 ? <span class="badge">{t('ticketing.refundDue', { amount: formatCents(Number(o.refund_due), lang) })}</span> : null}
                  {o.anomalies.map((a) => (
                    <PaymentAnomalyNotice ctx={ctx} anomaly={a} />
                  ))}
                </td>
                <td>
                  {/* A transfer that arrives after the term is still accepted while seats remain (the command re-takes them). */}
                  {(o.status === 'reserved' || o.status === 'expired') && (o.provider === 'manual' || o.provider === 'door') ? (
                    <PostForm ctx={ctx} action={`/editor/orders/${o.id}/paid`} label={t(o.status === 'expired' ? 'ticketing.markPaidLate' : 'ticketing.markPaid', { name: o.name })}>
                      <button type="submit">{t(o.status === 'expired' ? 'ticketing.markPaidLate' : 'ticketing.markPaid', { name: o.name })}</button>
                    </PostForm>
                  ) : null}
                  {o.status === 'cancelled' && Number(o.refund_due) > 0 ? (
                    <PostForm ctx={ctx} action={`/editor/orders/${o.id}/refunded`} label={t('ticketing.markRefunded')}>
                      <button type="submit" class="button-secondary">
                        {t('ticketing.markRefunded')}
                      </button>
                    </PostForm>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {event.status !== 'cancelled' ? (
        <section aria-labelledby="cancel-heading" class="danger-zone">
          <h2 id="cancel-heading">{t('ticketing.cancelEvent')}</h2>
          <p>{t('ticketing.cancelEventIntro')}</p>
          <PostForm ctx={ctx} action={`/editor/events/${event.id}/cancel`} label={t('ticketing.cancelEvent')}>
            <label class="checkbox">
              <input type="checkbox" name="confirm" value="yes" required /> {t('ticketing.cancelConfirm')}
            </label>
            <button type="submit" class="button-secondary">
              {t('ticketing.cancelEventButton')}
            </button>
          </PostForm>
        </section>
      ) : null}
    </EditorLayout>
  );
}

/** The door: a phone-sized page. The camera scanner is loaded only here (checkin.js). */
export function CheckinPage({
  ctx,
  event,
  counts,
  result,
}: {
  ctx: ViewContext;
  event: { id: number; title: string };
  counts: { registered: number; checkedIn: number; contributors: number; contributorsIn: number };
  result?: CheckinResult;
}) {
  const { t } = ctx;
  return (
    <EditorLayout ctx={ctx} title={t('checkin.title', { title: event.title })}>
      <link rel="stylesheet" href={ctx.assets.checkinCss} />
      <div
        class="checkin"
        data-event-id={String(event.id)}
        data-counts-url={`/editor/events/${event.id}/counts`}
        data-camera-unavailable={t('checkin.cameraUnavailable')}
        data-network-error={t('checkin.networkError')}
        data-server-error={t('checkin.serverError')}
        data-contributor-label={t('checkin.contributor')}
        data-already-at={t('checkin.alreadyAt')}
      >
        <p class="checkin-counts" aria-live="polite">
          <span data-count="checkedIn">{counts.checkedIn}</span> / <span data-count="registered">{counts.registered}</span> {t('checkin.present')} ·{' '}
          <span data-count="contributorsIn">{counts.contributorsIn}</span> / <span data-count="contributors">{counts.contributors}</span> {t('ticketing.contributors')}
        </p>
        <div class="checkin-scanner" hidden>
          <video class="checkin-video" muted playsInline aria-label={t('checkin.camera')} />
          <button type="button" class="checkin-stop button-secondary">
            {t('checkin.stopCamera')}
          </button>
        </div>
        <button type="button" class="checkin-start" hidden>
          {t('checkin.startCamera')}
        </button>
        <PostForm ctx={ctx} action={`/editor/events/${event.id}/checkin`} class="checkin-form" label={t('checkin.typeCode')}>
          <label for="f-code">{t('checkin.typeCode')}</label>
          <input id="f-code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck={false} required />
          <button type="submit">{t('checkin.check')}</button>
        </PostForm>
        <div class="checkin-result" role="status" aria-live="assertive">
          {result ? <CheckinResultView ctx={ctx} result={result} /> : null}
        </div>
      </div>
      <script src={ctx.assets.checkinJs} defer />
    </EditorLayout>
  );
}

type CheckinResult = { status: 'valid' | 'already' | 'cancelled' | 'unknown'; name?: string; typeName?: string; checkedInAt?: string; contributor?: boolean };

export function CheckinResultView({ ctx, result }: { ctx: ViewContext; result: CheckinResult }) {
  const { t, lang } = ctx;
  return (
    <div class={`checkin-verdict verdict-${result.status}`}>
      <p class="verdict-title">{t(`checkin.status.${result.status}`)}</p>
      {result.name ? (
        <p>
          {result.name} — {result.typeName}
          {result.contributor ? ` · ${t('checkin.contributor')}` : ''}
        </p>
      ) : null}
      {result.status === 'already' && result.checkedInAt ? <p>{t('checkin.alreadyAt', { at: formatDateTime(result.checkedInAt, lang) })}</p> : null}
    </div>
  );
}
