import type { ViewContext } from '../../../../shared/views/context.ts';
import { FormErrorSummary, PostForm, RadioGroup, SelectField, TextField, type FormState } from '../../../../shared/views/form-fields.tsx';
import { formatCents } from '../../../../shared/money.ts';
import type { OrderStatus, TicketKind } from '../domain/order.ts';

interface TicketType {
  id: number;
  kind: TicketKind;
  name: string;
  price: number;
  active: number;
}

export interface TicketBoxProps {
  ctx: ViewContext;
  slug: string;
  registration: 'open' | 'not_yet' | 'closed' | 'cancelled';
  seatsLeft: number;
  capacity: number;
  types: { type: TicketType; left: number }[];
  isContributor: boolean;
  /** Where "log in" leads: the login page, coming back here afterwards. */
  loginHref: string;
  /** The logged-in visitor's own orders for this evening: shown instead of the order form. */
  myOrders: { href: string; status: OrderStatus; quantity: number; typeName: string }[];
  /** Whether buyers may choose to pay at the door, and what paying "online" is here (a transfer, or a card through Stripe). */
  payment: { door: boolean; online: 'transfer' | 'card' };
  form: FormState;
  waitlistForm: FormState;
}

export function priceLabel(ctx: ViewContext, type: { kind: string; price: number }): string {
  if (type.kind === 'contributor') return ctx.t('tickets.free');
  if (type.kind === 'pay_what_you_want') return ctx.t('tickets.fromPrice', { price: formatCents(Number(type.price), ctx.lang) });
  return Number(type.price) === 0 ? ctx.t('tickets.free') : formatCents(Number(type.price), ctx.lang);
}

/** An evening that is over: how many came and where its accounts are, instead of seats left. */
export function PastEveningBox({ ctx, eventId, attendance }: { ctx: ViewContext; eventId: number; attendance: number }) {
  return (
    <section class="ticket-box" aria-labelledby="tickets-heading">
      <h2 id="tickets-heading">{ctx.t('events.pastEvening')}</h2>
      <p>
        {ctx.t('events.attendance', { n: attendance })} · <a href={`/transparency/transactions?event=${eventId}`}>{ctx.t('events.accounts')}</a>
      </p>
    </section>
  );
}

export function TicketBox(props: TicketBoxProps) {
  const { ctx } = props;
  const { t } = ctx;
  const orderable = props.types.filter(({ type }) => type.active === 1 && type.kind !== 'invitation' && (type.kind !== 'contributor' || props.isContributor));
  const anyLeft = orderable.some((x) => x.left > 0);
  const soldOutTypes = orderable.filter((x) => x.left === 0 && x.type.kind !== 'contributor');
  const showPwyw = orderable.some((x) => x.type.kind === 'pay_what_you_want');
  const showPayment = props.payment.door && orderable.some((x) => x.left > 0 && x.type.kind !== 'contributor' && (Number(x.type.price) > 0 || x.type.kind === 'pay_what_you_want'));
  // Someone who already holds seats sees them, not the forms (and not "already registered" as an error: the notice says it with the link).
  const registered = props.myOrders.length > 0;
  const orderFormShown = props.registration === 'open' && anyLeft && !registered;
  const waitlistShown = props.registration === 'open' && soldOutTypes.length > 0 && !registered;
  const hiddenErrors = [...(orderFormShown ? [] : Object.values(props.form.errors)), ...(waitlistShown ? [] : Object.values(props.waitlistForm.errors))].filter(
    (key) => !(registered && key === 'tickets.alreadyRegistered'),
  );
  return (
    <section class="ticket-box" aria-labelledby="tickets-heading">
      <h2 id="tickets-heading">{t('tickets.title')}</h2>
      <p class="seats-left" role="status">
        {props.registration === 'cancelled' ? t('tickets.eventCancelled') : t('tickets.seatsLeft', { left: props.seatsLeft, capacity: props.capacity })}
      </p>
      {/* A refusal for a form that is not shown (sold out meanwhile, seats left after all): said here. */}
      {hiddenErrors.length ? (
        <p class="notice" role="alert">
          {hiddenErrors.map((key) => t(key)).join(' ')}
        </p>
      ) : null}
      {registered ? (
        <div class="my-tickets" role="status">
          <p>
            <strong>{t('tickets.youAreRegistered')}</strong>
          </p>
          <ul>
            {props.myOrders.map((o) => (
              <li>
                {o.typeName} × {o.quantity} — {t(`orderStatus.${o.status}`)} · <a href={o.href}>{t(o.status === 'reserved' ? 'tickets.seeOrderToPay' : 'tickets.seeMyTickets')}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : props.isContributor ? (
        <p class="flash">{t('tickets.contributorWelcome')}</p>
      ) : (
        <p class="hint">
          {t('tickets.contributorHintIntro')} <a href={props.loginHref}>{t('tickets.contributorHintLink')}</a>
        </p>
      )}
      <ul class="ticket-types">
        {props.types
          .filter(({ type }) => type.active === 1 && type.kind !== 'invitation')
          .map(({ type, left }) => (
            <li>
              <strong>{type.name}</strong> — {priceLabel(ctx, type)} <span class="muted">· {left > 0 ? t('tickets.typeLeft', { left }) : t('tickets.soldOut')}</span>
            </li>
          ))}
      </ul>
      {orderFormShown ? (
        <PostForm ctx={ctx} action={`/events/${props.slug}/order`} label={t('tickets.orderTitle')} class="order-form">
          <FormErrorSummary ctx={ctx} form={props.form} />
          <input type="hidden" name="key" value={String(props.form.values.key ?? '')} />
          <SelectField
            ctx={ctx}
            form={props.form}
            name="ticket_type_id"
            label={t('tickets.type')}
            options={orderable.filter((x) => x.left > 0).map(({ type }) => ({ value: String(type.id), label: `${type.name} — ${priceLabel(ctx, type)}` }))}
          />
          <TextField ctx={ctx} form={props.form} name="quantity" label={t('tickets.quantity')} hint={t('tickets.quantityHint')} />
          {showPwyw ? <TextField ctx={ctx} form={props.form} name="offered" label={t('tickets.offered')} hint={t('tickets.offeredHint')} /> : null}
          {showPayment ? (
            <RadioGroup
              ctx={ctx}
              form={props.form}
              name="payment"
              label={t('tickets.paymentChoice')}
              options={[
                { value: 'online', label: t(props.payment.online === 'transfer' ? 'tickets.payByTransfer' : 'tickets.payByCard') },
                { value: 'door', label: t('tickets.payAtDoor'), hint: t('tickets.payAtDoorHint') },
              ]}
            />
          ) : null}
          <TextField ctx={ctx} form={props.form} name="name" label={t('proposal.name')} autocomplete="name" required maxLength={120} />
          <TextField ctx={ctx} form={props.form} name="email" type="email" label={t('accounts.email')} hint={t('tickets.emailHint')} autocomplete="email" required />
          <TextField ctx={ctx} form={props.form} name="code" label={t('tickets.invitationCode')} hint={t('tickets.invitationCodeHint')} maxLength={40} />
          <button type="submit">{t('tickets.orderButton')}</button>
        </PostForm>
      ) : props.registration === 'open' || registered ? null : (
        <p class="muted">{t(props.registration === 'not_yet' ? 'tickets.registrationNotYet' : props.registration === 'cancelled' ? 'tickets.eventCancelled' : 'tickets.registrationClosed')}</p>
      )}
      {waitlistShown ? (
        <PostForm ctx={ctx} action={`/events/${props.slug}/waitlist`} label={t('tickets.waitlistTitle')} class="waitlist-form">
          <h3>{t('tickets.waitlistTitle')}</h3>
          <p class="hint">{t('tickets.waitlistIntro')}</p>
          <FormErrorSummary ctx={ctx} form={props.waitlistForm} />
          <SelectField ctx={ctx} form={props.waitlistForm} idPrefix="w-" name="ticket_type_id" label={t('tickets.type')} options={soldOutTypes.map(({ type }) => ({ value: String(type.id), label: type.name }))} />
          <TextField ctx={ctx} form={props.waitlistForm} idPrefix="w-" name="name" label={t('proposal.name')} autocomplete="name" required maxLength={120} />
          <TextField ctx={ctx} form={props.waitlistForm} idPrefix="w-" name="email" type="email" label={t('accounts.email')} autocomplete="email" required />
          <button type="submit" class="button-secondary">
            {t('tickets.waitlistButton')}
          </button>
        </PostForm>
      ) : null}
      <p>
        <a href={`/events/${props.slug}/calendar.ics`}>{t('tickets.addToCalendar')}</a>
      </p>
    </section>
  );
}
