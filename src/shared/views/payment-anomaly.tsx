import { formatCents, formatMinorUnits } from '../money.ts';
import type { ViewContext } from './context.ts';

/** A payment the provider reported that does not match its order (never booked): shown beside the order, for the organisers. */
export function PaymentAnomalyNotice({ ctx, anomaly }: { ctx: ViewContext; anomaly: { amount: number; currency: string; expected_amount: number; provider_payment_ref: string | null } }) {
  const { t, lang } = ctx;
  return (
    <p class="notice notice-error">
      {t('payments.mismatch', {
        amount: formatMinorUnits(Number(anomaly.amount), anomaly.currency, lang),
        expected: formatCents(Number(anomaly.expected_amount), lang),
        ref: anomaly.provider_payment_ref ?? '—',
      })}
    </p>
  );
}
