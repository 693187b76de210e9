/**
 * Self-service cancellation and refunds. Attendees may cancel until the event's deadline (hours
 * before the start); the event's policy says what is refunded. When the organisers cancel the
 * event, everyone is refunded in full, whatever the policy.
 */
export type RefundPolicy = 'full' | 'none';

export function cancellationDeadline(startsAt: string, deadlineHours: number): Date {
  return new Date(Date.parse(startsAt) - deadlineHours * 3600 * 1000);
}

export function selfCancellation(input: { policy: string; paid: number; startsAt: string; deadlineHours: number; now: Date }): { allowed: boolean; refund: number } {
  if (input.now >= cancellationDeadline(input.startsAt, input.deadlineHours)) return { allowed: false, refund: 0 };
  return { allowed: true, refund: input.policy === 'none' ? 0 : input.paid };
}

export function organiserCancellationRefund(paid: number): number {
  return paid;
}
