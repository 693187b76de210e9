import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { QR_PNG_DEFAULT_WIDTH, qrPng, qrSvg } from './qr.ts';
import { ticketSigner } from './ticket-code.ts';

const CODE = ticketSigner('test-secret-test-secret-test-secret-0123456789').sign({ ticketId: 1234, eventId: 56 });
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('qrSvg', () => {
  it('is an SVG element labelled for screen readers', async () => {
    const svg = await qrSvg(CODE, 'Billet n° 1234');
    expect(svg.startsWith('<svg role="img" aria-label="Billet n° 1234" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
  });

  it('escapes the label', async () => {
    const svg = await qrSvg(CODE, `"><script>alert('x')</script> & co`);
    expect(svg).toContain('aria-label="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"');
    expect(svg).not.toMatch(/<script/i);
  });

  it('is safe to inline under a strict CSP: no style attribute, script, handler or external reference', async () => {
    const svg = await qrSvg(CODE, 'Billet');
    expect(svg).not.toMatch(/style\s*=/i);
    expect(svg).not.toMatch(/<style|<script|<foreignObject|\son[a-z]+=|href|url\(/i);
    // Only the elements qrcode is known to emit.
    expect(new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]))).toEqual(new Set(['svg', 'path']));
  });

  it('is deterministic and depends on the text', async () => {
    expect(await qrSvg(CODE, 'Billet')).toBe(await qrSvg(CODE, 'Billet'));
    expect(await qrSvg(CODE, 'Billet')).not.toBe(await qrSvg(`${CODE}x`, 'Billet'));
  });

  it('requires a label', async () => {
    await expect(qrSvg(CODE, '')).rejects.toThrow(TypeError);
    await expect(qrSvg(CODE, '   ')).rejects.toThrow(TypeError);
  });

  it('rejects empty text', async () => {
    await expect(qrSvg('', 'Billet')).rejects.toThrow();
  });
});

describe('qrPng', () => {
  it('is a PNG of the default width', async () => {
    const png = await qrPng(CODE);
    expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    // IHDR: width and height are the first two big-endian uint32 after the chunk header.
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(QR_PNG_DEFAULT_WIDTH);
    expect(png.readUInt32BE(20)).toBe(QR_PNG_DEFAULT_WIDTH);
  });

  it('honours a width and is deterministic', async () => {
    const png = await qrPng(CODE, { width: 200 });
    expect(png.readUInt32BE(16)).toBe(200);
    expect((await qrPng(CODE, { width: 200 })).equals(png)).toBe(true);
    // Well formed, not just a header: walk the chunks, inflate the image data and check its size.
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      chunks.push({ type: png.subarray(at + 4, at + 8).toString('ascii'), data: png.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    expect(chunks[0]?.type).toBe('IHDR');
    expect(chunks.at(-1)?.type).toBe('IEND');
    const bitDepth = png[24] ?? 0;
    const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[png[25] ?? -1] ?? 0;
    const pixels = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    expect(pixels.length).toBe(200 * (1 + Math.ceil((200 * channels * bitDepth) / 8)));
  });

  it('refuses silly widths', async () => {
    await expect(qrPng(CODE, { width: 10 })).rejects.toThrow(RangeError);
    await expect(qrPng(CODE, { width: 100.5 })).rejects.toThrow(RangeError);
  });
});
