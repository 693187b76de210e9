import { localisePath, type Lang } from '../../shared/i18n/index.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret of a paper order's link, derived from the app secret (nothing stored): the buyer's
 * emails carry it, and any instance checks it. One order's link tells nothing about another's.
 */
export function bookOrderToken(appSecret: string, publicId: string): string {
  return createHmac('sha256', appSecret).update(`book-order-access:${publicId}`).digest('base64url');
}

export function isBookOrderToken(appSecret: string, publicId: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 100) return false;
  const expected = Buffer.from(bookOrderToken(appSecret, publicId));
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The order's page, with its secret, in the buyer's language. */
export function bookOrderLink(config: { baseUrl: string; appSecret: string }, publicId: string, lang: Lang = 'fr'): string {
  return `${config.baseUrl}${localisePath(`/book/orders/${publicId}`, lang)}?token=${encodeURIComponent(bookOrderToken(config.appSecret, publicId))}`;
}
