/** On one's own account page: one's tickets, the coming evenings first (with their QR codes), then the past ones. */
import { formatDateTime } from '../../../../shared/i18n/index.ts';
import type { ViewContext } from '../../../../shared/views/context.ts';
import { PostForm } from '../../../../shared/views/form-fields.tsx';
import type { OrderStatus } from '../domain/order.ts';

export interface MyOrder {
  publicId: string;
  token: string;
  status: OrderStatus;
  quantity: number;
  eventSlug: string;
  eventTitle: string;
  startsAt: string;
  eventCancelled: boolean;
  typeName: string;
  tickets: { shortCode: string; qrSvg: string; checkedInAt: string | null }[];
  /** Until when it may still be cancelled by its holder, if it may. */
  cancellableUntil: string | null;
}

function OrderItem({ ctx, order, upcoming }: { ctx: ViewContext; order: MyOrder; upcoming: boolean }) {
  const { t, lang } = ctx;
  const link = `/orders/${order.publicId}?token=${encodeURIComponent(order.token)}`;
  const active = order.status === 'confirmed' || order.status === 'paid';
  return (
    <li class="my-order">
      <h4>
        <a href={`/events/${order.eventSlug}`}>{order.eventTitle}</a>
      </h4>
      <p class="card-meta">
        <span>{formatDateTime(order.startsAt, lang)}</span>
        <span>
          {order.typeName} × {order.quantity}
        </span>
        <span class={`status status-${order.status}`}>{t(`orderStatus.${order.status}`)}</span>
      </p>
      {order.eventCancelled ? <p class="notice">{t('tickets.eventCancelled')}</p> : null}
      {upcoming && active && order.tickets.length ? (
        <ul class="ticket-list">
          {order.tickets.map((ticket, i) => (
            <li class="ticket">
              <div class="ticket-qr" dangerouslySetInnerHTML={{ __html: ticket.qrSvg }} />
              <p>
                {t('order.ticketNumber', { n: i + 1 })} — <code>{ticket.shortCode}</code>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="my-order-links">
        <a href={link}>{t('myTickets.openOrder')}</a>
        {upcoming && active ? (
          <>
            {' · '}
            <a href={`/orders/${order.publicId}/calendar.ics?token=${encodeURIComponent(order.token)}`}>{t('tickets.addToCalendar')}</a>
          </>
        ) : null}
      </p>
      {upcoming && order.cancellableUntil ? (
        <PostForm ctx={ctx} action={`/orders/${order.publicId}/cancel`} label={t('order.cancel')} class="inline-form">
          <input type="hidden" name="token" value={order.token} />
          <p class="hint">{t('order.cancelUntil', { deadline: formatDateTime(order.cancellableUntil, lang) })}</p>
          <button type="submit" class="button-secondary">
            {t('order.cancel')}
          </button>
        </PostForm>
      ) : null}
    </li>
  );
}

export function MyTicketsSection({ ctx, upcoming, past }: { ctx: ViewContext; upcoming: MyOrder[]; past: MyOrder[] }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="my-tickets-heading" id="tickets" class="my-tickets">
      <h2 id="my-tickets-heading">{t('myTickets.title')}</h2>
      {upcoming.length === 0 && past.length === 0 ? (
        <p class="empty">
          {t('myTickets.none')} <a href="/events">{t('myTickets.browse')}</a>
        </p>
      ) : null}
      {upcoming.length ? (
        <>
          <h3 id="my-upcoming-heading">{t('myTickets.upcoming')}</h3>
          <ul class="my-orders" aria-labelledby="my-upcoming-heading">
            {upcoming.map((order) => (
              <OrderItem ctx={ctx} order={order} upcoming />
            ))}
          </ul>
        </>
      ) : null}
      {past.length ? (
        <>
          <h3 id="my-past-heading">{t('myTickets.past')}</h3>
          <ul class="my-orders" aria-labelledby="my-past-heading">
            {past.map((order) => (
              <OrderItem ctx={ctx} order={order} upcoming={false} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
