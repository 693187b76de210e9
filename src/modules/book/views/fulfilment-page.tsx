/** The organisers' fulfilment list: paper orders to ship first, with the buyer's address (organisers only). */
import { formatDateTime } from '../../../shared/i18n/index.ts';
import { formatCents } from '../../../shared/money.ts';
import type { ViewContext } from '../../../shared/views/context.ts';
import { EditorLayout } from '../../../shared/views/editor-layout.tsx';
import { PostForm } from '../../../shared/views/form-fields.tsx';
import { PaymentAnomalyNotice } from '../../../shared/views/payment-anomaly.tsx';
import { availableOrderActions, type BookOrderAction } from '../domain/book-order.ts';
import type { BookOrderRow } from '../queries/orders.ts';
import { isShipping } from './public-pages.tsx';

export function FulfilmentPage({ ctx, orders, canTakeMoney, anomalies = [] }: { ctx: ViewContext; orders: BookOrderRow[]; canTakeMoney: boolean; anomalies?: (Parameters<typeof PaymentAnomalyNotice>[0]['anomaly'] & { subject_id: number })[] }) {
  const { t, lang } = ctx;
  const allowed = (a: BookOrderAction) => (a === 'pay' || a === 'refund' ? canTakeMoney : true);
  return (
    <EditorLayout ctx={ctx} title={t('book.orders.title')}>
      <p>
        <a href="/editor/books">← {t('book.editor.books')}</a>
      </p>
      {orders.length === 0 ? <p class="empty">{t('book.orders.none')}</p> : null}
      <ul class="order-list">
        {orders.map((o) => (
          <li class="card">
            <h2 class="h3">
              {o.bookTitle} × {o.quantity} — {t(`book.orderStatus.${o.status}`)}
            </h2>
            <p>
              <strong>{o.name}</strong> · {o.email}
              <br />
              {o.address}, {o.postalCode} {o.city}, {o.country}
              <br />
              {isShipping(o.shippingOption) ? t(`book.shipping.${o.shippingOption}`) : o.shippingOption} · {formatCents(o.total, lang)} · {o.provider} · <code>{o.publicId}</code> · {formatDateTime(o.createdAt, lang)}
            </p>
            {anomalies
              .filter((a) => a.subject_id === o.id)
              .map((a) => (
                <PaymentAnomalyNotice ctx={ctx} anomaly={a} />
              ))}
            <div class="actions">
              {availableOrderActions(o.status)
                .filter(allowed)
                .map((action) => (
                  <PostForm ctx={ctx} action={`/editor/books/orders/${o.id}/${action}`} class="inline-form" label={`${t(`book.orders.action.${action}`)} — ${o.publicId}`}>
                    {action === 'refund' ? <input type="hidden" name="reason" value={t('book.orders.refundReason', { reference: o.publicId })} /> : null}
                    <button type="submit">{t(`book.orders.action.${action}`)}</button>
                  </PostForm>
                ))}
            </div>
          </li>
        ))}
      </ul>
    </EditorLayout>
  );
}
