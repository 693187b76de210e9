/**
 * Ticket codes the door can check without a network: an Ed25519 signature over the ticket and event ids.
 *
 *   OE1.<ticketId base36>.<eventId base36>.<signature base64url>
 *
 * The signature (64 bytes, 86 base64url characters, no padding) covers the ASCII bytes of
 * `OE1.<ticketId base36>.<eventId base36>`, version prefix included. Numbers are lower-case base36
 * without leading zeros, so each ticket has exactly one valid code.
 *
 * The key pair is derived from APP_SECRET, so every instance signs alike and nothing new needs storing:
 * seed = HMAC-SHA256(appSecret, 'open-experience/ticket-signing/v1'). Changing APP_SECRET makes every
 * code issued before invalid. A code proves only "this ticket of this event was issued by us": the
 * caller must check that eventId is the event at the door and that the ticket has not been used or cancelled.
 *
 * Short codes (`K7M2-9QXD`) are what a person types when a QR code cannot be scanned; they are random,
 * not signed, and are looked up in the database.
 */
import { createHmac, createPrivateKey, createPublicKey, randomBytes as cryptoRandomBytes, sign, verify, type KeyObject } from 'node:crypto';

export const TICKET_CODE_VERSION = 'OE1';
/** Longer input is rejected before any parsing. A real code is at most 4 + 11 + 1 + 11 + 1 + 86 = 114 characters. */
export const TICKET_CODE_MAX_LENGTH = 200;

const KEY_DERIVATION_LABEL = 'open-experience/ticket-signing/v1';
/** DER header of a PKCS#8 Ed25519 private key (RFC 8410); the 32-byte seed follows it. */
export const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface TicketPayload {
  ticketId: number;
  eventId: number;
}

export interface TicketSigner {
  sign(payload: TicketPayload): string;
  /** The payload of a genuine code, or null for anything else. Never throws. */
  verify(code: string): TicketPayload | null;
  publicKeyPem: string;
  /** The raw 32-byte public key, base64url: what an offline door device needs. */
  publicKeyRawBase64url: string;
}

/** Canonical base36 of a safe integer: 0, or no leading zero; lower case; at most 11 digits (2^53 - 1 = "2gosa7pa2gv"). */
const NUMBER = '(0|[1-9a-z][0-9a-z]{0,10})';
/** 64 bytes in unpadded base64url: 85 free characters then one carrying 2 bits (4 zero bits of padding). */
const SIGNATURE = '([A-Za-z0-9_-]{85}[AQgw])';
const CODE_PATTERN = new RegExp(`^${TICKET_CODE_VERSION}\\.${NUMBER}\\.${NUMBER}\\.${SIGNATURE}$`);

const MAX_CACHED_SECRETS = 16;
const signers = new Map<string, TicketSigner>();

/** The signer for an app secret; derived once per secret and cached (signing sits on a hot path). */
export function ticketSigner(appSecret: string): TicketSigner {
  if (typeof appSecret !== 'string' || appSecret.length === 0) throw new TypeError('ticketSigner: appSecret must be a non-empty string');
  const cached = signers.get(appSecret);
  if (cached) return cached;
  const signer = createSigner(appSecret);
  if (signers.size >= MAX_CACHED_SECRETS) {
    const oldest = signers.keys().next();
    if (!oldest.done) signers.delete(oldest.value);
  }
  signers.set(appSecret, signer);
  return signer;
}

/** The 32-byte Ed25519 seed for an app secret. */
export function ticketSigningSeed(appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update(KEY_DERIVATION_LABEL).digest();
}

function createSigner(appSecret: string): TicketSigner {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, ticketSigningSeed(appSecret)]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('ticketSigner: could not export the Ed25519 public key');
  return Object.freeze({
    sign: (payload: TicketPayload) => signTicket(privateKey, payload),
    verify: (code: string) => verifyTicket(publicKey, code),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicKeyRawBase64url: jwk.x,
  });
}

function signTicket(privateKey: KeyObject, payload: TicketPayload): string {
  const { ticketId, eventId } = payload;
  for (const [name, value] of [['ticketId', ticketId], ['eventId', eventId]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`ticket code: ${name} must be a non-negative safe integer, got ${String(value)}`);
  }
  const message = `${TICKET_CODE_VERSION}.${ticketId.toString(36)}.${eventId.toString(36)}`;
  return `${message}.${sign(null, Buffer.from(message, 'ascii'), privateKey).toString('base64url')}`;
}

function verifyTicket(publicKey: KeyObject, code: unknown): TicketPayload | null {
  try {
    if (typeof code !== 'string' || code.length > TICKET_CODE_MAX_LENGTH) return null;
    const match = CODE_PATTERN.exec(code);
    if (!match) return null;
    const [, ticketPart, eventPart, signaturePart] = match;
    if (ticketPart === undefined || eventPart === undefined || signaturePart === undefined) return null;
    const ticketId = parseCanonical36(ticketPart);
    const eventId = parseCanonical36(eventPart);
    if (ticketId === null || eventId === null) return null;
    const signature = Buffer.from(signaturePart, 'base64url');
    // The pattern already pins the length and the zero padding bits; this double-checks there is one encoding only.
    if (signature.length !== 64 || signature.toString('base64url') !== signaturePart) return null;
    const message = Buffer.from(code.slice(0, code.length - signaturePart.length - 1), 'ascii');
    return verify(null, message, publicKey, signature) ? { ticketId, eventId } : null;
  } catch {
    return null;
  }
}

function parseCanonical36(text: string): number | null {
  const value = parseInt(text, 36);
  return Number.isSafeInteger(value) && value.toString(36) === text ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Short codes

/**
 * 31 characters: digits 2-9 and A-Z without I, L and O. 0/O and 1/I/L are left out because they are
 * mistaken for one another; 31^8 ≈ 8.5 × 10^11 codes (about 39.6 bits).
 */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const SHORT_CODE_LENGTH = 8;
const SHORT_CODE_PATTERN = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
/** Largest multiple of 31 that fits in a byte: bytes at or above it are thrown away so every character is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % SHORT_CODE_ALPHABET.length);

/**
 * A random short code, `K7M2-9QXD`. `randomBytes` is for tests; it defaults to node:crypto.
 * Codes are not guaranteed unique: store them under a unique index and draw again on a collision.
 */
export function shortCode(randomBytes: (size: number) => Uint8Array = cryptoRandomBytes): string {
  let chars = '';
  for (let round = 0; chars.length < SHORT_CODE_LENGTH; round++) {
    if (round >= 64) throw new Error('shortCode: the random source keeps returning unusable bytes');
    for (const byte of randomBytes(SHORT_CODE_LENGTH * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      chars += SHORT_CODE_ALPHABET[byte % SHORT_CODE_ALPHABET.length];
      if (chars.length === SHORT_CODE_LENGTH) break;
    }
  }
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/**
 * What someone typed at the door, as a canonical `K7M2-9QXD` code, or null when it cannot be one.
 * Accepts lower case, spaces, hyphens (any dash) anywhere or missing, and full-width characters.
 * 0, O, 1, I and L are never issued, so typing one is an error and gives null rather than a guess:
 * a guess would turn a typo into someone else's ticket.
 */
export function normaliseShortCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (compact.length !== SHORT_CODE_LENGTH) return null;
  for (const char of compact) if (!SHORT_CODE_ALPHABET.includes(char)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** Whether a string is already a canonical short code. */
export function isShortCode(value: string): boolean {
  return typeof value === 'string' && SHORT_CODE_PATTERN.test(value);
}
