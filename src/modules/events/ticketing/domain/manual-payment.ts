/**
 * Paying by transfer or at the door (the manual provider), as a process: how long an order holds
 * its seats while the money travels, when the buyer is reminded, and the reference they write on
 * their transfer. Pure rules: the command passes the clock and the random bytes.
 */

/** How an order with something to pay is paid: through the site's provider (a transfer, or Stripe), or at the door. */
export type PaymentChoice = 'online' | 'door';

const DAY = 24 * 3_600_000;

/**
 * Until when a manual order holds its seats: `termDays` after it was placed, never past the
 * evening's start — except an order paid at the door, which holds them until the evening ends
 * (the buyer pays on arrival; unpaid ones are released with the no-shows).
 */
export function manualPaymentDeadline(input: { now: Date; startsAt: string; endsAt: string; termDays: number; choice: PaymentChoice }): Date {
  if (input.choice === 'door') return new Date(input.endsAt);
  const term = input.now.getTime() + input.termDays * DAY;
  return new Date(Math.min(term, Date.parse(input.startsAt)));
}

/**
 * When to remind a buyer who has not paid yet: two days before the term ends, or halfway through
 * a shorter one; none when the term is too short for a reminder to help (under a day).
 */
export function paymentReminderAt(input: { now: Date; until: Date }): Date | null {
  const span = input.until.getTime() - input.now.getTime();
  if (span < DAY) return null;
  return new Date(input.until.getTime() - Math.min(2 * DAY, span / 2));
}

/** Crockford's base 32: no I, L, O or U, so a reference read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A transfer reference from 8 random bytes (their first 40 bits): `OE-7K3M-9Q2T`. */
export function paymentReference(bytes: Uint8Array): string {
  if (bytes.length < 5) throw new RangeError('paymentReference needs at least 5 random bytes');
  let bits = 0n;
  for (const b of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 0; i < 8; i++) code = ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)]! + code;
  return `OE-${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What an organiser types in the search box, as (part of) a reference: banks drop the dashes and
 * spaces, so `oe 7k3m 9q2t` finds `OE-7K3M-9Q2T`. Returns the letters and digits to look for
 * (compared with the reference without its dashes), or null when the text cannot be part of one.
 */
export function referenceSearchKey(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s\-_.]/g, '');
  return /^[0-9A-Z]{4,14}$/.test(compact) ? compact : null;
}

/** An IBAN as people read it: groups of four (`FR76 3000 6000 …`). */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
