/** Whether a payment matches what it pays for (same amount in the smallest unit, same currency). */
export function paymentMatches(paid: { amount: number; currency: string }, expected: { amount: number; currency: string }): boolean {
  return paid.amount === expected.amount && paid.currency.toLowerCase() === expected.currency.toLowerCase();
}
