import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PKCS8_ED25519_PREFIX,
  SHORT_CODE_ALPHABET,
  TICKET_CODE_MAX_LENGTH,
  isShortCode,
  normaliseShortCode,
  shortCode,
  ticketSigner,
  ticketSigningSeed,
} from './ticket-code.ts';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const OTHER_SECRET = 'another-secret-another-secret-another-0123456';
const CODE_CHARS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.';

describe('ticket signing key', () => {
  it('uses the standard PKCS#8 Ed25519 header (checked against keys node generates)', () => {
    for (let i = 0; i < 5; i++) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const der = privateKey.export({ format: 'der', type: 'pkcs8' });
      expect(der.length).toBe(48);
      expect(der.subarray(0, 16).equals(PKCS8_ED25519_PREFIX)).toBe(true);
      // Rebuilding the key from its seed gives the same key pair.
      const rebuilt = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, der.subarray(16)]), format: 'der', type: 'pkcs8' });
      expect(createPublicKey(rebuilt).export({ format: 'der', type: 'spki' }).equals(publicKey.export({ format: 'der', type: 'spki' }))).toBe(true);
    }
  });

  it('derives the seed with HMAC-SHA256 over the label, 32 bytes, stable across calls', () => {
    const seed = ticketSigningSeed(SECRET);
    expect(seed.length).toBe(32);
    expect(ticketSigningSeed(SECRET).equals(seed)).toBe(true);
    expect(ticketSigningSeed(OTHER_SECRET).equals(seed)).toBe(false);
  });

  it('is deterministic per secret: independent derivations sign alike, and the signer is cached', () => {
    const a = ticketSigner(SECRET);
    expect(ticketSigner(SECRET)).toBe(a);
    // An independent derivation (as another app instance would do) gives the same public key and the same code.
    const seed = ticketSigningSeed(SECRET);
    const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    const message = 'OE1.1f.b';
    const signature = cryptoSign(null, Buffer.from(message), key).toString('base64url');
    expect(a.sign({ ticketId: 51, eventId: 11 })).toBe(`${message}.${signature}`);
    expect(ticketSigner(OTHER_SECRET).publicKeyRawBase64url).not.toBe(a.publicKeyRawBase64url);
  });

  it('publishes the public key as PEM and as raw base64url', () => {
    const signer = ticketSigner(SECRET);
    expect(signer.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const spki = createPublicKey(signer.publicKeyPem).export({ format: 'der', type: 'spki' });
    const raw = Buffer.from(signer.publicKeyRawBase64url, 'base64url');
    expect(raw.length).toBe(32);
    expect(spki.subarray(spki.length - 32).equals(raw)).toBe(true);
    expect(signer.publicKeyRawBase64url).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses an empty secret', () => {
    expect(() => ticketSigner('')).toThrow(TypeError);
  });
});

describe('ticket codes', () => {
  const signer = ticketSigner(SECRET);

  it('has the documented format and round-trips', () => {
    const code = signer.sign({ ticketId: 123456, eventId: 42 });
    expect(code).toMatch(/^OE1\.2n9c\.16\.[A-Za-z0-9_-]{86}$/);
    expect(signer.verify(code)).toEqual({ ticketId: 123456, eventId: 42 });
  });

  it('handles zero and the largest safe integer', () => {
    for (const payload of [
      { ticketId: 0, eventId: 0 },
      { ticketId: Number.MAX_SAFE_INTEGER, eventId: Number.MAX_SAFE_INTEGER },
    ]) {
      const code = signer.sign(payload);
      expect(code.length).toBeLessThanOrEqual(114);
      expect(signer.verify(code)).toEqual(payload);
    }
  });

  it('refuses to sign ids that are not non-negative safe integers', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => signer.sign({ ticketId: bad, eventId: 1 })).toThrow(RangeError);
      expect(() => signer.sign({ ticketId: 1, eventId: bad })).toThrow(RangeError);
    }
    expect(() => signer.sign({ ticketId: '1' as unknown as number, eventId: 1 })).toThrow(RangeError);
  });

  it('rejects a code when any single character is changed, in the payload or the signature', () => {
    const code = signer.sign({ ticketId: 987654, eventId: 321 });
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      for (const c of CODE_CHARS) {
        if (c === code[i]) continue;
        const tampered = code.slice(0, i) + c + code.slice(i + 1);
        tried++;
        expect(signer.verify(tampered), `position ${i} -> ${c}`).toBeNull();
      }
    }
    expect(tried).toBeGreaterThan(code.length * 60);
  });

  it('rejects truncated, extended and re-assembled codes', () => {
    const code = signer.sign({ ticketId: 7, eventId: 8 });
    const other = signer.sign({ ticketId: 8, eventId: 7 });
    for (let n = 0; n < code.length; n++) expect(signer.verify(code.slice(0, n))).toBeNull();
    expect(signer.verify(`${code}A`)).toBeNull();
    expect(signer.verify(` ${code}`)).toBeNull();
    expect(signer.verify(`${code}\n`)).toBeNull();
    // Payload of one, signature of the other.
    const [, , , sigOther] = other.split('.');
    expect(signer.verify(`OE1.7.8.${sigOther}`)).toBeNull();
  });

  it('rejects codes signed with another secret', () => {
    const foreign = ticketSigner(OTHER_SECRET).sign({ ticketId: 5, eventId: 9 });
    expect(ticketSigner(OTHER_SECRET).verify(foreign)).toEqual({ ticketId: 5, eventId: 9 });
    expect(signer.verify(foreign)).toBeNull();
  });

  it('rejects another version, and non-canonical numbers even with a valid signature over them', () => {
    const seed = ticketSigningSeed(SECRET);
    const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    const forge = (message: string) => `${message}.${cryptoSign(null, Buffer.from(message), key).toString('base64url')}`;
    // Sanity: the forging helper produces codes the signer accepts when they are canonical.
    expect(signer.verify(forge('OE1.a.b'))).toEqual({ ticketId: 10, eventId: 11 });
    expect(signer.verify(forge('OE1.1.1e'))).toEqual({ ticketId: 1, eventId: 50 });
    for (const message of ['OE2.a.b', 'oe1.a.b', 'OE1.0a.b', 'OE1.a.00', 'OE1.A.b', 'OE1.a.B', 'OE1.-1.b', 'OE1.+a.b', 'OE1.a.b.c', 'OE1..b', 'OE1.2gosa7pa2gw.1', 'OE1.zzzzzzzzzzz.1', 'OE1.a.b ']) {
      expect(signer.verify(forge(message)), message).toBeNull();
    }
  });

  it('rejects a non-canonical signature encoding (padding bits set, padding character, standard base64)', () => {
    const code = signer.sign({ ticketId: 3, eventId: 4 });
    const last = code.at(-1) ?? '';
    const index = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(last);
    expect(index % 16).toBe(0);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // Same decoded bytes, different text: must not verify.
    const sameBytes = code.slice(0, -1) + alphabet[index + 1];
    expect(Buffer.from(sameBytes.split('.')[3] ?? '', 'base64url').equals(Buffer.from(code.split('.')[3] ?? '', 'base64url'))).toBe(true);
    expect(signer.verify(sameBytes)).toBeNull();
    expect(signer.verify(`${code}==`)).toBeNull();
    const sig = code.split('.')[3] ?? '';
    if (/[-_]/.test(sig)) expect(signer.verify(code.replace(/-/g, '+').replace(/_/g, '/'))).toBeNull();
  });

  it('rejects oversized input without trying to parse it', () => {
    const code = signer.sign({ ticketId: 1, eventId: 1 });
    expect(signer.verify(code.padEnd(TICKET_CODE_MAX_LENGTH + 1, 'A'))).toBeNull();
    expect(signer.verify('OE1.'.repeat(100_000))).toBeNull();
  });

  it('round-trips any pair of ids (property)', () => {
    const id = fc.oneof(fc.nat(), fc.maxSafeNat());
    fc.assert(
      fc.property(id, id, (ticketId, eventId) => {
        const code = signer.sign({ ticketId, eventId });
        expect(code.startsWith(`OE1.${ticketId.toString(36)}.${eventId.toString(36)}.`)).toBe(true);
        expect(signer.verify(code)).toEqual({ ticketId, eventId });
        expect(ticketSigner(OTHER_SECRET).verify(code)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on garbage, whatever its type (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^OE1\.[0-9a-z]{1,12}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{80,90}$/), fc.anything()), (input) => {
        expect(signer.verify(input as string)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe('short codes', () => {
  it('uses 31 unambiguous characters: no 0, O, 1, I or L', () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(31);
    for (const c of '0O1IL') expect(SHORT_CODE_ALPHABET).not.toContain(c);
    expect(SHORT_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });

  it('looks like K7M2-9QXD and is already normalised', () => {
    for (let i = 0; i < 500; i++) {
      const code = shortCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      expect(isShortCode(code)).toBe(true);
      expect(normaliseShortCode(code)).toBe(code);
    }
  });

  it('is random: no repeats in a few thousand draws, every character used', () => {
    const seen = new Set<string>();
    const chars = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const code = shortCode();
      seen.add(code);
      for (const c of code.replace('-', '')) chars.add(c);
    }
    expect(seen.size).toBe(5000);
    expect(chars.size).toBe(31);
  });

  it('takes an injected random source, skipping bytes that would bias the draw', () => {
    // 248..255 are skipped; 0 -> '2', 30 -> 'Z', 31 -> '2' again, 247 -> 247 % 31 = 30 -> 'Z'.
    const bytes = [255, 248, 0, 30, 31, 247, 1, 2, 3, 4];
    const source = (size: number) => Uint8Array.from({ length: size }, (_, i) => bytes[i] ?? 0);
    expect(shortCode(source)).toBe('2Z2Z-3456');
  });

  it('draws more bytes when too many are skipped, and gives up on a broken source', () => {
    let calls = 0;
    const mostlyHigh = (size: number) => {
      calls++;
      return Uint8Array.from({ length: size }, (_, i) => (calls < 3 || i > 0 ? 250 : 9));
    };
    expect(shortCode(mostlyHigh)).toMatch(/^B{4}-B{4}$/);
    expect(() => shortCode((size) => new Uint8Array(size).fill(255))).toThrow(/random source/);
  });

  it('normalises what people type', () => {
    expect(normaliseShortCode('abcd-efgh')).toBe('ABCD-EFGH');
    expect(normaliseShortCode('abcdefgh')).toBe('ABCD-EFGH');
    expect(normaliseShortCode('  ab cd ef gh ')).toBe('ABCD-EFGH');
    expect(normaliseShortCode('AB-CD-EF-GH')).toBe('ABCD-EFGH');
    expect(normaliseShortCode('abcd – efgh')).toBe('ABCD-EFGH');
    expect(normaliseShortCode('abcd\u00a0efgh')).toBe('ABCD-EFGH');
    expect(normaliseShortCode('ＡＢＣＤ－ＥＦＧＨ')).toBe('ABCD-EFGH');
    expect(normaliseShortCode('2345-6789')).toBe('2345-6789');
  });

  it('rejects characters that are never issued, wrong lengths and other junk', () => {
    for (const bad of ['ABCD-EFG0', 'ABCD-EFGO', 'ABCD-EFG1', 'ABCD-EFGI', 'abcd-efgl', 'ABCD-EFG', 'ABCD-EFGHJ', '', '--------', 'ABCD_EFGH', 'ABCD.EFGH', 'ÀBCD-EFGH', 'ABCD-EFG😀', 'A'.repeat(1000)]) {
      expect(normaliseShortCode(bad), bad).toBeNull();
    }
    expect(normaliseShortCode(undefined as unknown as string)).toBeNull();
    expect(isShortCode('abcd-efgh')).toBe(false);
  });

  it('normalisation is idempotent and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const once = normaliseShortCode(input);
        if (once !== null) {
          expect(isShortCode(once)).toBe(true);
          expect(normaliseShortCode(once)).toBe(once);
        }
      }),
    );
  });
});
