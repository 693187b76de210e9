/**
 * The time a comment or response form was shown, carried by the form itself and signed, so the
 * minimum fill time can be checked without server state (any instance can check it) and a robot
 * cannot simply claim it waited.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function sign(secret: string, shownAt: number): string {
  return createHmac('sha256', secret).update(`form-shown:${shownAt}`).digest('base64url').slice(0, 22);
}

/** The hidden field's value for a form shown now. */
export function formStamp(secret: string, now: Date): string {
  const shownAt = now.getTime();
  return `${shownAt}.${sign(secret, shownAt)}`;
}

/** When the form was shown (ms), or null when the stamp is missing or forged. */
export function readFormStamp(secret: string, stamp: string): number | null {
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{22})$/.exec(stamp);
  if (!match) return null;
  const shownAt = Number(match[1]);
  const expected = Buffer.from(sign(secret, shownAt));
  const actual = Buffer.from(match[2]!);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? shownAt : null;
}
