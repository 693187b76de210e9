import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sniffImageType, sniffReceiptType } from './file-types.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function bytes(...parts: (number[] | string)[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
}

/** A real 1×1 PNG. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** A real 1×1 GIF. */
const TINY_GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

describe('sniffImageType: recognised images', () => {
  it.each([
    ['a real PNG', TINY_PNG, 'image/png'],
    ['the bare PNG signature', bytes(PNG_SIGNATURE), 'image/png'],
    ['a PNG signature followed by anything', bytes(PNG_SIGNATURE, 'IHDR rest'), 'image/png'],
    ['JPEG/JFIF', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0'), 'image/jpeg'],
    ['JPEG/Exif', bytes([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10], 'Exif\0'), 'image/jpeg'],
    ['the minimal JPEG prefix', bytes([0xff, 0xd8, 0xff]), 'image/jpeg'],
    ['WebP (VP8)', bytes('RIFF', [0x24, 0x00, 0x00, 0x00], 'WEBPVP8 '), 'image/webp'],
    ['WebP (VP8L)', bytes('RIFF', [0x1a, 0x00, 0x00, 0x00], 'WEBPVP8L'), 'image/webp'],
    ['the minimal WebP header', bytes('RIFF', [0, 0, 0, 0], 'WEBP'), 'image/webp'],
    ['a real GIF89a', TINY_GIF, 'image/gif'],
    ['GIF87a', bytes('GIF87a', [0x01, 0x00, 0x01, 0x00]), 'image/gif'],
    ['the minimal GIF89a header', bytes('GIF89a'), 'image/gif'],
  ])('%s → %s', (_label, data, expected) => {
    expect(sniffImageType(data)).toBe(expected);
  });
});

describe('sniffImageType: refused', () => {
  it.each([
    ['an empty buffer', Buffer.alloc(0)],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['SVG with an XML declaration', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['SVG with a BOM', bytes([0xef, 0xbb, 0xbf], '<svg/>')],
    ['HTML', bytes('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
    ['HTML in lower case', bytes('<html><img src=x onerror=alert(1)></html>')],
    ['plain text', bytes('hello, world')],
    ['PDF', bytes('%PDF-1.7\n')],
    ['a ZIP file', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ['WAV (RIFF but not WEBP)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
    ['AVI (RIFF but not WEBP)', bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST')],
    ['a GIF-like header with a wrong version', bytes('GIF88a')],
    ['a lower-case gif header', bytes('gif89a')],
    ['a PNG signature with one wrong byte', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b])],
    ['the PNG signature shifted by one byte', bytes([0x00], PNG_SIGNATURE)],
    ['BMP', bytes('BM', [0x3a, 0, 0, 0])],
    ['ICO', bytes([0x00, 0x00, 0x01, 0x00, 0x01, 0x00])],
    ['a JPEG marker not at the start', bytes([0x00, 0xff, 0xd8, 0xff])],
  ])('%s → null', (_label, data) => {
    expect(sniffImageType(data)).toBeNull();
  });

  it.each([
    ['PNG', bytes(PNG_SIGNATURE)],
    ['JPEG', bytes([0xff, 0xd8, 0xff])],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBP')],
    ['GIF', bytes('GIF89a')],
  ])('every truncation of a minimal %s header is refused', (_label, header) => {
    for (let length = 0; length < header.length; length++) {
      expect(sniffImageType(header.subarray(0, length)), `${length} bytes`).toBeNull();
    }
  });

  it('a RIFF header cut before the WEBP tag is refused', () => {
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WEB'))).toBeNull();
  });

  it('property: random bytes that do not start with a known signature are refused', () => {
    const knownPrefix = (b: Buffer) =>
      (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from(PNG_SIGNATURE))) ||
      (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) ||
      (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') ||
      (b.length >= 6 && (b.toString('latin1', 0, 6) === 'GIF87a' || b.toString('latin1', 0, 6) === 'GIF89a'));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (arr) => {
        const data = Buffer.from(arr);
        expect(sniffImageType(data) !== null).toBe(knownPrefix(data));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a known signature followed by any bytes is recognised', () => {
    const headers: [Buffer, string][] = [
      [bytes(PNG_SIGNATURE), 'image/png'],
      [bytes([0xff, 0xd8, 0xff]), 'image/jpeg'],
      [bytes('GIF87a'), 'image/gif'],
      [bytes('GIF89a'), 'image/gif'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...headers), fc.uint8Array({ maxLength: 64 }), ([header, mime], tail) => {
        expect(sniffImageType(Buffer.concat([header, Buffer.from(tail)]))).toBe(mime);
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ maxLength: 64 }), (size, tail) => {
        expect(sniffImageType(bytes('RIFF', [...size], 'WEBP', [...tail]))).toBe('image/webp');
      }),
    );
  });

  it('property: text documents (SVG/HTML/XML) are never recognised', () => {
    const tag = fc.constantFrom('<svg', '<html', '<?xml', '<!DOCTYPE', '<script', ' <svg', '\n<svg');
    fc.assert(
      fc.property(tag, fc.string({ maxLength: 60 }), (start, rest) => {
        expect(sniffImageType(Buffer.from(start + rest, 'utf8'))).toBeNull();
      }),
    );
  });
});

describe('sniffReceiptType', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.4\n'), 'application/pdf'],
    ['the bare PDF header', bytes('%PDF-'), 'application/pdf'],
    ['a photo of the receipt', TINY_PNG, 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['a PDF header cut short', bytes('%PDF'), null],
    ['a PDF header not at the start', bytes(' %PDF-1.4'), null],
    ['HTML', bytes('<html><script>alert(1)</script></html>'), null],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
  ])('%s → %s', (_label, data, expected) => {
    expect(sniffReceiptType(data)).toBe(expected);
  });
});
