/** How to pay a manual order, on its page: the account, the amount, the reference and the term; or the door. */
import type { BankDetails } from '../../../../config.ts';
import { formatDateTime } from '../../../../shared/i18n/index.ts';
import { formatCents } from '../../../../shared/money.ts';
import type { ViewContext } from '../../../../shared/views/context.ts';
import { formatIban } from '../domain/manual-payment.ts';

export interface PaymentInstructionsProps {
  ctx: ViewContext;
  order: { provider: string; total: number | string; payment_reference: string | null; reserved_until: string | null; starts_at: string };
  bank: BankDetails | null;
}

export function PaymentInstructions({ ctx, order, bank }: PaymentInstructionsProps) {
  const { t, lang } = ctx;
  const total = formatCents(Number(order.total), lang);
  if (order.provider === 'door') {
    return (
      <section class="payment-box" aria-labelledby="payment-heading">
        <h2 id="payment-heading">{t('payment.doorTitle')}</h2>
        <p>{t('payment.doorIntro', { total, date: formatDateTime(order.starts_at, lang) })}</p>
        <dl class="payment-facts">
          <dt>{t('payment.reference')}</dt>
          <dd>
            <code class="payment-reference">{order.payment_reference}</code>
          </dd>
        </dl>
      </section>
    );
  }
  return (
    <section class="payment-box" aria-labelledby="payment-heading">
      <h2 id="payment-heading">{t('payment.transferTitle')}</h2>
      <p>{t('payment.transferIntro', { until: formatDateTime(order.reserved_until, lang) })}</p>
      {bank?.example ? (
        <p class="payment-example">
          <strong>{t('payment.exampleLabel')}</strong> {t('payment.exampleWarning')}
        </p>
      ) : null}
      <dl class="payment-facts">
        <dt>{t('payment.amount')}</dt>
        <dd>{total}</dd>
        {bank ? (
          <>
            <dt>{t('payment.holder')}</dt>
            <dd>{bank.holder}</dd>
            <dt>IBAN</dt>
            <dd>
              <code>{formatIban(bank.iban)}</code>
            </dd>
            {bank.bic ? (
              <>
                <dt>BIC</dt>
                <dd>
                  <code>{bank.bic}</code>
                </dd>
              </>
            ) : null}
          </>
        ) : null}
        <dt>{t('payment.reference')}</dt>
        <dd>
          <code class="payment-reference">{order.payment_reference}</code>
        </dd>
        <dt>{t('payment.deadline')}</dt>
        <dd>{formatDateTime(order.reserved_until, lang)}</dd>
      </dl>
      <p class="hint">{bank ? t('payment.referenceHint') : t('payment.noBank')}</p>
    </section>
  );
}
