/**
 * Delivering ticketing's effects. Handlers read the order as it is at delivery time and are
 * idempotent: an email sent twice after a crash keeps its Message-ID; a refund sent twice carries
 * the same idempotency key to the provider, and the ledger books it once.
 */
import type { AppDeps } from '../../../app-deps.ts';
import { PermanentFailure, type EffectHandlers } from '../../../outbox/index.ts';
import { formatDateTime, translator } from '../../../shared/i18n/index.ts';
import type { Mailer } from '../../../shared/mailer.ts';
import { formatCents } from '../../../shared/money.ts';
import { recordRefund } from './commands/refunds.ts';
import { refundOrder, sendAlreadyRegistered, sendEventCancelled, sendOffer, sendPaymentReminder, sendReservation, sendReservationExpired, sendTickets } from './effects.ts';
import { paymentInstructionsText } from './payment-instructions.ts';
import { eventCalendar, orderLink } from './order-links.ts';
import type { PaymentProvider } from './payments/provider.ts';
import { getOrder, getOrderView, listHoldingOrdersOf, listTicketsOfOrder } from './queries.ts';
import { qrPng, ticketSigner } from './tickets/index.ts';

export interface TicketingEffectDeps {
  config: AppDeps['config'];
  mailer: Mailer;
  providers: Record<string, PaymentProvider>;
}

/** An email whose optional paragraph is empty (no payment instructions for an online checkout) keeps one blank line. */
const withoutEmptyParagraphs = (text: string) => text.replace(/\n{3,}/g, '\n\n');

export function handleTicketingEffects(effects: EffectHandlers, deps: TicketingEffectDeps): void {
  const { config, mailer } = deps;
  const load = async (db: Parameters<typeof getOrderView>[0], orderId: number) => {
    const order = await getOrderView(db, { orderId });
    if (!order) throw new PermanentFailure(`order ${orderId} does not exist`);
    return order;
  };

  // The tickets: one QR code per seat (signed, verifiable offline), the short codes, and the .ics.
  effects.handle(sendTickets, async ({ orderId }, delivery) => {
    const order = await load(delivery.db, orderId);
    if (order.status !== 'confirmed' && order.status !== 'paid') return;
    const lang = order.lang;
    const tickets = await listTicketsOfOrder(delivery.db, order.id);
    const t = translator(lang);
    const signer = ticketSigner(config.appSecret);
    const attachments = await Promise.all(
      tickets.map(async (ticket, i) => ({ filename: `billet-${i + 1}-${ticket.short_code}.png`, content: await qrPng(signer.sign({ ticketId: ticket.id, eventId: ticket.event_id })), contentType: 'image/png' })),
    );
    const ics = eventCalendar(order, config.baseUrl);
    if (ics !== null) attachments.push({ filename: 'soiree.ics', content: Buffer.from(ics), contentType: 'text/calendar; charset=utf-8' });
    await mailer.send({
      to: order.email,
      subject: t('mail.tickets.subject', { title: order.event_title }),
      text: t('mail.tickets.body', {
        name: order.name,
        title: order.event_title,
        date: formatDateTime(order.starts_at, lang),
        venue: [order.venue, order.address].filter(Boolean).join(', '),
        codes: tickets.map((x) => x.short_code).join(', '),
        link: orderLink(config, order.public_id, order.lang),
      }),
      attachments,
      messageKey: delivery.key,
    });
  });

  // The reservation, with how to pay it (the account, the reference and the term for a transfer).
  effects.handle(sendReservation, async ({ orderId }, delivery) => {
    const order = await load(delivery.db, orderId);
    const lang = order.lang;
    const t = translator(lang);
    await mailer.send({
      to: order.email,
      subject: t('mail.reserved.subject', { title: order.event_title }),
      text: withoutEmptyParagraphs(
        t('mail.reserved.body', {
          name: order.name,
          title: order.event_title,
          total: formatCents(Number(order.total), lang),
          until: formatDateTime(order.reserved_until, lang),
          link: orderLink(config, order.public_id, order.lang),
          instructions: paymentInstructionsText(t, lang, order, config.manualPayment.bank),
        }),
      ),
      messageKey: delivery.key,
    });
  });

  // Before the term ends, a transfer not received yet (paid, cancelled or expired meanwhile: nothing).
  effects.handle(sendPaymentReminder, async ({ orderId }, delivery) => {
    const order = await load(delivery.db, orderId);
    if (order.status !== 'reserved' || !order.reserved_until || order.reserved_until <= delivery.now.toISOString()) return;
    const lang = order.lang;
    const t = translator(lang);
    await mailer.send({
      to: order.email,
      subject: t('mail.paymentReminder.subject', { title: order.event_title }),
      text: t('mail.paymentReminder.body', {
        name: order.name,
        title: order.event_title,
        until: formatDateTime(order.reserved_until, lang),
        instructions: paymentInstructionsText(t, lang, order, config.manualPayment.bank),
        link: orderLink(config, order.public_id, order.lang),
      }),
      messageKey: delivery.key,
    });
  });

  // The term ended unpaid: the seats went back; the buyer may order again while seats remain.
  effects.handle(sendReservationExpired, async ({ orderId }, delivery) => {
    const order = await load(delivery.db, orderId);
    if (order.status !== 'expired') return;
    const t = translator(order.lang);
    await mailer.send({
      to: order.email,
      subject: t('mail.reservationExpired.subject', { title: order.event_title }),
      text: t('mail.reservationExpired.body', {
        name: order.name,
        title: order.event_title,
        reference: order.payment_reference ?? '',
        eventLink: `${config.baseUrl}/events/${order.event_slug}`,
        contact: `${config.baseUrl}/contact`,
      }),
      messageKey: delivery.key,
    });
  });

  effects.handle(sendAlreadyRegistered, async ({ eventId, email, lang }, delivery) => {
    const held = await listHoldingOrdersOf(delivery.db, { eventId, email, now: delivery.now });
    // Nothing held any more (cancelled meanwhile): nothing to say.
    if (!held || held.orders.length === 0) return;
    const t = translator(lang);
    await mailer.send({
      to: email,
      subject: t('mail.alreadyRegistered.subject', { title: held.event.title }),
      text: t('mail.alreadyRegistered.body', {
        name: held.orders[0]!.name,
        title: held.event.title,
        date: formatDateTime(held.event.starts_at, lang),
        links: held.orders.map((o) => orderLink(config, o.public_id, lang)).join('\n'),
      }),
      messageKey: delivery.key,
    });
  });

  effects.handle(sendOffer, async ({ orderId }, delivery) => {
    const order = await load(delivery.db, orderId);
    const lang = order.lang;
    const t = translator(lang);
    await mailer.send({
      to: order.email,
      subject: t('mail.offer.subject', { title: order.event_title }),
      text: t('mail.offer.body', { name: order.name, title: order.event_title, until: formatDateTime(order.reserved_until, lang), link: orderLink(config, order.public_id, order.lang) }),
      messageKey: delivery.key,
    });
  });

  effects.handle(sendEventCancelled, async ({ orderId, refund, automatic }, delivery) => {
    const order = await load(delivery.db, orderId);
    const t = translator(order.lang);
    await mailer.send({
      to: order.email,
      subject: t('mail.eventCancelled.subject', { title: order.event_title }),
      text: t('mail.eventCancelled.body', {
        name: order.name,
        title: order.event_title,
        refund: refund > 0 ? t(automatic ? 'mail.eventCancelled.refunded' : 'mail.eventCancelled.refundManual', { amount: formatCents(refund, order.lang) }) : '',
      }),
      messageKey: delivery.key,
    });
  });

  // A refund through the provider; the ledger records it once the provider said yes.
  effects.handle(refundOrder, async ({ orderId }, delivery) => {
    const order = await getOrder(delivery.db, { orderId });
    if (!order) throw new PermanentFailure(`order ${orderId} does not exist`);
    // Already given back (by an organiser, or a previous delivery that crashed after booking): nothing to do.
    if (order.status !== 'cancelled' || Number(order.refund_due) <= 0) return;
    const provider = deps.providers[order.provider];
    if (!provider) throw new PermanentFailure(`no payment provider "${order.provider}" configured for refunds`);
    const outcome = await provider.refund({ paymentRef: order.provider_payment_ref, amount: Number(order.refund_due) }, delivery.key);
    // 'manual': the provider cannot do it (no payment reference): the order stays listed for an organiser.
    if (outcome === 'refunded') await recordRefund({ db: delivery.db, actor: null, now: delivery.now }, { orderId, by: 'provider' });
  });
}
