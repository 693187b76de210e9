import { formatDateTime } from '../../../../shared/i18n/index.ts';
import { formatCents } from '../../../../shared/money.ts';
import type { ViewContext } from '../../../../shared/views/context.ts';
import { PostForm } from '../../../../shared/views/form-fields.tsx';
import { Layout } from '../../../../shared/views/layout.tsx';
import type { BankDetails } from '../../../../config.ts';
import type { OrderView } from '../queries.ts';
import { PaymentInstructions } from './payment-instructions.tsx';

export interface OrderPageProps {
  ctx: ViewContext;
  order: OrderView;
  token: string;
  tickets: { shortCode: string; qrSvg: string; checkedInAt: string | null }[];
  cancellation: { allowed: boolean; refund: number; deadline: string };
  /** Set for an order paid by transfer or at the door: where the transfer goes (null: not configured). */
  manualPayment: { bank: BankDetails | null } | null;
  /** A reservation paid through the provider's checkout: offer to (try again to) pay. */
  canPayOnline: boolean;
}

export function OrderPage({ ctx, order, token, tickets, cancellation, manualPayment, canPayOnline }: OrderPageProps) {
  const { t, lang } = ctx;
  const active = order.status === 'confirmed' || order.status === 'paid';
  const freeOffer = order.status === 'reserved' && Number(order.total) === 0;
  return (
    <Layout ctx={ctx} meta={{ title: t('order.title', { title: order.event_title }), noindex: true }}>
      <article class="narrow order">
        <p>
          <a href={`/events/${order.event_slug}`}>← {order.event_title}</a>
        </p>
        <h1>{t('order.heading')}</h1>
        <dl class="facts">
          <dt>{t('transparency.event')}</dt>
          <dd>
            {order.event_title} — {formatDateTime(order.starts_at, lang)}
          </dd>
          <dt>{t('proposal.name')}</dt>
          <dd>{order.name}</dd>
          <dt>{t('tickets.type')}</dt>
          <dd>
            {order.type_name} × {order.quantity}
          </dd>
          <dt>{t('order.total')}</dt>
          <dd>{Number(order.total) === 0 ? t('tickets.free') : formatCents(Number(order.total), lang)}</dd>
          {order.payment_reference ? (
            <>
              <dt>{t('payment.reference')}</dt>
              <dd>
                <code class="payment-reference">{order.payment_reference}</code>
              </dd>
            </>
          ) : null}
          <dt>{t('workflow.status')}</dt>
          <dd>
            <span class={`status status-${order.status}`}>{t(`orderStatus.${order.status}`)}</span>
          </dd>
        </dl>
        {order.event_status === 'cancelled' ? <p class="notice">{t('tickets.eventCancelled')}</p> : null}
        {order.status === 'reserved' ? <p role="status">{t('order.reservedUntil', { until: formatDateTime(order.reserved_until, lang) })}</p> : null}
        {order.status === 'reserved' && manualPayment && Number(order.total) > 0 ? <PaymentInstructions ctx={ctx} order={order} bank={manualPayment.bank} /> : null}
        {order.status === 'expired' ? (
          <p class="notice" role="status">
            {t('order.expired')} <a href={`/events/${order.event_slug}`}>{t('order.orderAgain')}</a>
          </p>
        ) : null}
        {canPayOnline ? (
          <PostForm ctx={ctx} action={`/orders/${order.public_id}/pay`} label={t('order.pay')}>
            <input type="hidden" name="token" value={token} />
            <p>{t('order.payIntro', { until: formatDateTime(order.reserved_until, lang) })}</p>
            <button type="submit">{t('order.pay')}</button>
          </PostForm>
        ) : null}
        {freeOffer ? (
          <PostForm ctx={ctx} action={`/orders/${order.public_id}/claim`} label={t('order.claim')}>
            <input type="hidden" name="token" value={token} />
            <button type="submit">{t('order.claim')}</button>
          </PostForm>
        ) : null}
        {Number(order.refund_due) > 0 ? <p class="notice">{t('order.refundDue', { amount: formatCents(Number(order.refund_due), lang) })}</p> : null}
        {active && tickets.length ? (
          <section aria-labelledby="tickets-heading">
            <h2 id="tickets-heading">{t('order.tickets')}</h2>
            <p class="hint">{t('order.ticketsHint')}</p>
            <ul class="ticket-list">
              {tickets.map((ticket, i) => (
                <li class="ticket">
                  <div class="ticket-qr" dangerouslySetInnerHTML={{ __html: ticket.qrSvg }} />
                  <p>
                    {t('order.ticketNumber', { n: i + 1 })} — <code>{ticket.shortCode}</code>
                    {ticket.checkedInAt ? <span class="badge">{t('order.checkedIn', { at: formatDateTime(ticket.checkedInAt, lang) })}</span> : null}
                  </p>
                </li>
              ))}
            </ul>
            <p>
              <a href={`/orders/${order.public_id}/calendar.ics?token=${encodeURIComponent(token)}`}>{t('tickets.addToCalendar')}</a>
            </p>
          </section>
        ) : null}
        {['reserved', 'confirmed', 'paid'].includes(order.status) && !freeOffer ? (
          cancellation.allowed ? (
            <PostForm ctx={ctx} action={`/orders/${order.public_id}/cancel`} label={t('order.cancel')}>
              <input type="hidden" name="token" value={token} />
              <p>
                {t('order.cancelUntil', { deadline: formatDateTime(cancellation.deadline, lang) })}{' '}
                {cancellation.refund > 0 ? t('order.refundOnCancel', { amount: formatCents(cancellation.refund, lang) }) : null}
              </p>
              <button type="submit" class="button-secondary">
                {t('order.cancel')}
              </button>
            </PostForm>
          ) : (
            <p class="muted">{t('order.cancelClosed')}</p>
          )
        ) : null}
      </article>
    </Layout>
  );
}
