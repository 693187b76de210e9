/**
 * Delivering the book's effects: the buyer's emails, written in their language from the order as
 * it is at delivery time (a message re-sent after a crash keeps its Message-ID), and refunds
 * through the provider (the same idempotency key on every try, so Stripe refunds once).
 */
import type { AppDeps } from '../../app-deps.ts';
import { PermanentFailure, type EffectHandlers } from '../../outbox/index.ts';
import { translator } from '../../shared/i18n/index.ts';
import type { Mailer } from '../../shared/mailer.ts';
import { formatCents } from '../../shared/money.ts';
import type { PaymentProvider } from '../events/index.ts';
import { refundBookOrder, sendOrderPaid, sendOrderPlaced, sendOrderShipped } from './effects.ts';
import { bookOrderLink } from './order-access.ts';
import { getBookOrder } from './queries/orders.ts';

export function handleBookEffects(effects: EffectHandlers, deps: { config: AppDeps['config']; mailer: Mailer; providers: Record<string, PaymentProvider> }): void {
  const { config, mailer } = deps;
  const load = async (db: Parameters<typeof getBookOrder>[0], orderId: number) => {
    const order = await getBookOrder(db, { id: orderId });
    if (!order) throw new PermanentFailure(`book order ${orderId} does not exist`);
    return { order, t: translator(order.lang), link: bookOrderLink(config, order.publicId, order.lang) };
  };

  effects.handle(sendOrderPlaced, async ({ orderId }, delivery) => {
    const { order, t, link } = await load(delivery.db, orderId);
    await mailer.send({
      to: order.email,
      subject: t('book.mail.placed.subject', { title: order.bookTitle }),
      text: t('book.mail.placed.body', {
        name: order.name,
        title: order.bookTitle,
        quantity: order.quantity,
        total: formatCents(order.total, order.lang),
        payment: t(order.provider === 'stripe' ? 'book.mail.payByCard' : 'book.mail.payByTransfer', { reference: order.publicId }),
        link,
      }),
      messageKey: delivery.key,
    });
  });

  effects.handle(sendOrderPaid, async ({ orderId }, delivery) => {
    const { order, t, link } = await load(delivery.db, orderId);
    await mailer.send({ to: order.email, subject: t('book.mail.paid.subject', { title: order.bookTitle }), text: t('book.mail.paid.body', { name: order.name, title: order.bookTitle, total: formatCents(order.total, order.lang), link }), messageKey: delivery.key });
  });

  effects.handle(sendOrderShipped, async ({ orderId }, delivery) => {
    const { order, t, link } = await load(delivery.db, orderId);
    await mailer.send({ to: order.email, subject: t('book.mail.shipped.subject', { title: order.bookTitle }), text: t('book.mail.shipped.body', { name: order.name, title: order.bookTitle, quantity: order.quantity, link }), messageKey: delivery.key });
  });

  effects.handle(refundBookOrder, async ({ orderId }, delivery) => {
    const order = await getBookOrder(delivery.db, { id: orderId });
    if (!order) throw new PermanentFailure(`book order ${orderId} does not exist`);
    if (order.status !== 'refunded') return;
    const provider = deps.providers[order.provider];
    if (!provider) throw new PermanentFailure(`no payment provider "${order.provider}" configured for refunds`);
    const outcome = await provider.refund({ paymentRef: order.providerPaymentRef, amount: order.total }, delivery.key);
    if (outcome === 'manual') throw new PermanentFailure('the provider cannot refund this payment: give the money back by hand');
  });
}
