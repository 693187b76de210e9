import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret of an order's link, derived from the app secret: any instance can put it in an email
 * at any moment (reservation, payment confirmed by an organiser or a webhook, waiting-list offer)
 * and check it, with nothing stored. Knowing one order's link tells nothing about another's.
 */
export function orderAccessToken(appSecret: string, publicId: string): string {
  return createHmac('sha256', appSecret).update(`order-access:${publicId}`).digest('base64url');
}

export function isOrderAccessToken(appSecret: string, publicId: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 100) return false;
  const expected = Buffer.from(orderAccessToken(appSecret, publicId));
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
