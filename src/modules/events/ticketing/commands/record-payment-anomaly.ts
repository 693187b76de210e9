import { inTransaction, type CommandContext } from '../../../../shared/command.ts';
import { audit } from '../../../audit/index.ts';

export interface PaymentAnomaly {
  subject: { type: 'order' | 'book_order'; id: number };
  provider: string;
  /** The notification's id: a replayed one is recorded once. */
  providerEventId: string;
  providerPaymentRef: string | null;
  /** What the provider says was paid: in its currency's smallest unit, and that currency (lower-case ISO 4217). */
  paid: { amount: number; currency: string };
  expected: { amount: number; currency: string };
}

/**
 * A payment notification that does not match what it pays for (another amount, another
 * currency): never taken at its word. It is kept, once, for the organisers to see beside the
 * order and settle with the provider; nothing is booked and the order is not confirmed.
 * Returns false when the same notification was already recorded.
 */
export async function recordPaymentAnomaly(ctx: CommandContext, input: PaymentAnomaly): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const noted = await tx.db
      .insertInto('payment_anomalies')
      .values({
        subject_type: input.subject.type,
        subject_id: input.subject.id,
        provider: input.provider,
        provider_event_id: input.providerEventId,
        amount: input.paid.amount,
        currency: input.paid.currency.toLowerCase(),
        expected_amount: input.expected.amount,
        expected_currency: input.expected.currency.toLowerCase(),
        provider_payment_ref: input.providerPaymentRef,
        created_at: tx.now.toISOString(),
      })
      .onConflict((oc) => oc.column('provider_event_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!noted) return false;
    await audit(tx, { action: 'payment.mismatch', subjectType: input.subject.type, subjectId: input.subject.id, data: { paid: input.paid, expected: input.expected } });
    return true;
  });
}
