/**
 * Uploaded files are recognised by their first bytes, never by their name or the browser's word
 * for them: a file is served later with the type found here.
 */

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';
export type ReceiptType = 'application/pdf' | ImageType;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image types accepted. SVG is refused: it can carry scripts. */
export function sniffImageType(data: Buffer): ImageType | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'image/gif';
  return null;
}

/** A receipt may be a PDF or a photo. */
export function sniffReceiptType(data: Buffer): ReceiptType | null {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return sniffImageType(data);
}
