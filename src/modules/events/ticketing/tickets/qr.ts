/**
 * QR codes for tickets: inline SVG for pages, PNG for email attachments.
 *
 * The SVG is meant to be inlined in HTML served under a strict Content-Security-Policy, so it carries
 * no <script>, no event handlers and no `style` attribute (qrcode 1.5 emits only `fill`, `stroke`,
 * `viewBox`, `shape-rendering` and `d`; a `style` attribute would be stripped should a later version add one).
 * It has no width or height: size it with CSS on the surrounding element. It is labelled for screen
 * readers with role="img" and the caller's aria-label.
 */
import QRCode from 'qrcode';

const COMMON = { errorCorrectionLevel: 'M', margin: 2 } as const;
export const QR_PNG_DEFAULT_WIDTH = 256;

/** An inline-safe SVG of `text`. `ariaLabel` is what a screen reader announces, e.g. "Billet 1234 — code QR". */
export async function qrSvg(text: string, ariaLabel: string): Promise<string> {
  if (typeof ariaLabel !== 'string' || ariaLabel.trim() === '') throw new TypeError('qrSvg: an aria-label is required');
  const raw = (await QRCode.toString(text, { ...COMMON, type: 'svg' })).trim();
  if (!raw.startsWith('<svg ') || !raw.endsWith('</svg>')) throw new Error('qrSvg: unexpected output from qrcode');
  const svg = raw.replace(/\sstyle\s*=\s*(?:"[^"]*"|'[^']*')/gi, '');
  // Belt and braces: nothing executable, nothing we would need to escape.
  if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:|\srole\s*=|\saria-label\s*=/i.test(svg)) throw new Error('qrSvg: unexpected markup from qrcode');
  return `<svg role="img" aria-label="${escapeAttribute(ariaLabel)}"${svg.slice('<svg'.length)}`;
}

/** A PNG of `text`, `width` pixels square (quiet zone included). */
export async function qrPng(text: string, size: { width?: number } = {}): Promise<Buffer> {
  const width = size.width ?? QR_PNG_DEFAULT_WIDTH;
  if (!Number.isInteger(width) || width < 64 || width > 2048) throw new RangeError('qrPng: width must be an integer from 64 to 2048');
  // No PNG filtering: a black-and-white image gains little from it, and trying every filter on
  // every row was most of the time spent sending tickets (a few more KB per image instead).
  // (`filterType` is pngjs's option, passed through by qrcode but missing from its types.)
  const options: QRCode.QRCodeToBufferOptions = { ...COMMON, type: 'png', width, rendererOpts: { filterType: 0 } as QRCode.QRCodeToBufferOptions['rendererOpts'] };
  return QRCode.toBuffer(text, options);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
