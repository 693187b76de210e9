/**
 * How to pay a manual order, in words for its emails: the account, the reference and the term
 * for a transfer; the amount for the door. The order page shows the same facts as a list
 * (views/payment-instructions.tsx).
 */
import type { BankDetails } from '../../../config.ts';
import { formatDateTime, type Lang, type Translate } from '../../../shared/i18n/index.ts';
import { formatCents } from '../../../shared/money.ts';
import { formatIban } from './domain/manual-payment.ts';

export interface PayableOrder {
  provider: string;
  total: number | string;
  payment_reference: string | null;
  reserved_until: string | null;
  starts_at: string;
}

/** The paragraph of an email that says how to pay (empty for an order paid online). */
export function paymentInstructionsText(t: Translate, lang: Lang, order: PayableOrder, bank: BankDetails | null): string {
  const total = formatCents(Number(order.total), lang);
  const reference = order.payment_reference ?? '';
  if (order.provider === 'door') return t('mail.payment.door', { total, date: formatDateTime(order.starts_at, lang), reference });
  if (order.provider !== 'manual') return '';
  const until = formatDateTime(order.reserved_until, lang);
  if (!bank) return t('mail.payment.transferNoBank', { total, reference, until });
  const lines = [
    t('mail.payment.transfer', { total, until }),
    t('mail.payment.holder', { holder: bank.holder }),
    t('mail.payment.iban', { iban: formatIban(bank.iban) }),
    ...(bank.bic ? [t('mail.payment.bic', { bic: bank.bic })] : []),
    t('mail.payment.reference', { reference }),
  ];
  if (bank.example) lines.push('', t('payment.exampleWarning'));
  return lines.join('\n');
}
