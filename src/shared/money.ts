/**
 * Money as integer cents, the one way every module counts it. Amounts never pass through floating-point euros: they are parsed from
 * text straight into cents and formatted from cents through a decimal string, so 0.1 + 0.2 never
 * happens and large sums stay exact.
 */
import { AppError } from './errors.ts';
import type { Lang } from './i18n/index.ts';

/** An amount is not an integer number of cents, or has a sign or size the rule forbids. */
export class InvalidAmountError extends AppError {
  constructor(
    field: string,
    public readonly value: unknown,
  ) {
    super('invalid_amount', 422, 'errors.invalidAmount', { detail: `${field}: ${String(value)}`, field });
  }
}

/** An amount in cents: a safe integer (positive, zero or negative). */
export type Cents = number;

/** Whether a value is a usable amount of cents: a safe integer (not NaN, not 1.5, not 2^53). */
export function isCents(n: unknown): n is Cents {
  return Number.isSafeInteger(n);
}

/** Throws InvalidAmountError naming `field` unless `n` is a safe integer number of cents. */
export function assertCents(n: unknown, field: string): asserts n is Cents {
  if (!isCents(n)) throw new InvalidAmountError(field, n);
}

const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Euros typed by a person: digits, optionally grouped by thousands with a space (plain, no-break
 * or narrow no-break, as French formatting produces), then `,` or `.` and at most two decimals.
 * `1,234.56` and `1.234,56` are refused: a comma or a dot is always the decimal separator.
 */
const EUROS = /^(-)?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Parses an amount in euros ("12,50", "12.50", "12", "1 234,5") into cents, or null when the text
 * is not a plain decimal amount (exponent, sign `+`, three decimals, empty, too large). A leading
 * `-` is accepted only with `allowNegative`.
 */
export function parseEuros(input: string, options: { allowNegative?: boolean } = {}): Cents | null {
  const match = EUROS.exec(input.trim());
  if (!match) return null;
  const [, minus, whole = '', decimals = ''] = match;
  if (minus && !options.allowNegative) return null;
  const cents = BigInt(whole.replace(/\D/g, '')) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (cents > MAX_CENTS) return null;
  const value = Number(cents);
  return minus && value !== 0 ? -value : value;
}

/** `-123456` → `"-1234.56"`: the exact decimal text Intl.NumberFormat formats without rounding. */
function decimalString(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rest = abs % 100;
  // (abs - rest) / 100 is exact in floating point, unlike Math.trunc(abs / 100) near 2^53.
  return `${sign}${(abs - rest) / 100}.${String(rest).padStart(2, '0')}`;
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(lang: Lang, currency: string): Intl.NumberFormat {
  const id = `${lang}:${currency}`;
  let format = formats.get(id);
  if (!format) {
    // Cents are hundredths whatever the currency's own minor unit, so always show two decimals.
    format = new Intl.NumberFormat(LOCALES[lang], {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formats.set(id, format);
  }
  return format;
}

/**
 * Formats cents for people: `fr` → "1 234,56 €" (Intl's narrow no-break space between thousands
 * and a no-break space before €), `en` → "€1,234.56". Exact for every safe integer.
 */
export function formatCents(cents: Cents, lang: Lang, currency = 'EUR'): string {
  assertCents(cents, 'cents');
  return currencyFormat(lang, currency).format(decimalString(cents) as Intl.StringNumericLiteral);
}

/**
 * An amount a payment provider reported, in the smallest unit of its currency (cents for EUR,
 * yen for JPY), as a person reads it; an unknown currency code is shown as it is.
 */
export function formatMinorUnits(amount: number, currency: string, lang: Lang): string {
  const code = currency.toUpperCase();
  try {
    const format = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: code });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    return `${amount} ${code || '?'}`;
  }
}
