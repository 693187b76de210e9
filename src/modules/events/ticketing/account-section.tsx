/** One's tickets on one's own account page (app.ts adds this to the accounts' sections). */
import type { AccountSection } from '../../../shared/account-extensions.ts';
import { translator } from '../../../shared/i18n/index.ts';
import { getAccount } from '../../accounts/index.ts';
import { cancellationDeadline, selfCancellation } from './domain/refund-policy.ts';
import { orderAccessToken } from './order-access.ts';
import { listOrdersOfPerson, listTicketsOfOrder } from './queries.ts';
import { qrSvg, ticketSigner } from './tickets/index.ts';
import { MyTicketsSection, type MyOrder } from './views/my-tickets-section.tsx';

/** Each order links to its page with its secret (the same link as in the emails), so the QR codes, calendar and cancellation work as there. */
export function myTicketsSection(config: { appSecret: string }): AccountSection {
  const signer = ticketSigner(config.appSecret);
  return async ({ db, actor, now, lang }) => {
    const account = await getAccount(db, actor.id);
    if (!account) return null;
    const t = translator(lang);
    const rows = await listOrdersOfPerson(db, { userId: actor.id, email: account.email });
    const nowIso = now.toISOString();
    const orders: (MyOrder & { upcoming: boolean })[] = await Promise.all(
      rows.map(async (row) => {
        const upcoming = row.starts_at > nowIso;
        const active = row.status === 'confirmed' || row.status === 'paid';
        const tickets = upcoming && active ? await listTicketsOfOrder(db, row.id) : [];
        const paid = row.status === 'paid' ? Number(row.total) : 0;
        const rule = selfCancellation({ policy: row.refund_policy, paid, startsAt: row.starts_at, deadlineHours: row.cancellation_deadline_hours, now });
        const cancellable = upcoming && active && rule.allowed && row.event_status !== 'cancelled';
        return {
          upcoming,
          publicId: row.public_id,
          token: orderAccessToken(config.appSecret, row.public_id),
          status: row.status,
          quantity: Number(row.quantity),
          eventSlug: row.event_slug,
          eventTitle: row.event_title,
          startsAt: row.starts_at,
          eventCancelled: row.event_status === 'cancelled',
          typeName: row.type_name,
          cancellableUntil: cancellable ? cancellationDeadline(row.starts_at, row.cancellation_deadline_hours).toISOString() : null,
          tickets: await Promise.all(
            tickets.map(async (x, i) => ({
              shortCode: x.short_code,
              checkedInAt: x.checked_in_at,
              qrSvg: await qrSvg(signer.sign({ ticketId: x.id, eventId: x.event_id }), t('order.qrLabel', { n: i + 1 })),
            })),
          ),
        };
      }),
    );
    // Coming evenings soonest first; past ones most recent first (as listed).
    const upcoming = orders.filter((o) => o.upcoming).reverse();
    const past = orders.filter((o) => !o.upcoming);
    return (ctx) => <MyTicketsSection ctx={ctx} upcoming={upcoming} past={past} />;
  };
}
