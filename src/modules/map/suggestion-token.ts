/**
 * The token of a suggestion's confirmation link: an HMAC of its id under APP_SECRET. Nothing is
 * stored, any instance can check it, and an email sent twice (at-least-once delivery) carries the
 * same link.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function suggestionToken(secret: string, suggestionId: number): string {
  return createHmac('sha256', secret).update(`map-suggestion:${suggestionId}`).digest('base64url');
}

export function isSuggestionToken(secret: string, suggestionId: number, token: string): boolean {
  const expected = Buffer.from(suggestionToken(secret, suggestionId));
  const actual = Buffer.from(token);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
