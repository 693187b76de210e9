import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';

/** Image types accepted, recognised by their first bytes (never by the name or the browser's word). SVG is refused: it can carry scripts. */
export function sniffImageType(data: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'image/gif';
  return null;
}

/** A receipt may be a PDF or a photo. */
export function sniffReceiptType(data: Buffer): 'application/pdf' | ReturnType<typeof sniffImageType> {
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return sniffImageType(data);
}

async function storeMedia(
  trx: Executor,
  file: { data: Buffer },
  mime: string,
  isPrivate: boolean,
  meta: { actorUserId: number | null; now: Date },
): Promise<number> {
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const existing = await trx.selectFrom('media').select('id').where('sha256', '=', sha256).where('private', '=', isPrivate ? 1 : 0).executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await trx
    .insertInto('media')
    .values({ sha256, mime, size: file.data.length, bytes: file.data, private: isPrivate ? 1 : 0, created_by: meta.actorUserId, created_at: meta.now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Stores a receipt (PDF or image), readable by the team only. */
export async function storeReceipt(trx: Executor, field: string, file: { data: Buffer }, meta: { actorUserId: number | null; now: Date }): Promise<number> {
  const mime = sniffReceiptType(file.data);
  if (!mime) throw new ValidationError({ [field]: 'media.unsupportedReceipt' as MessageKey });
  return storeMedia(trx, file, mime, true, meta);
}

/**
 * Stores an uploaded image in the database, so every app instance serves it without shared
 * disk. Identical bytes are stored once.
 */
export async function storeImage(
  trx: Executor,
  field: string,
  file: { data: Buffer },
  meta: { actorUserId: number | null; now: Date },
): Promise<number> {
  const mime = sniffImageType(file.data);
  if (!mime) throw new ValidationError({ [field]: 'media.unsupportedType' });
  return storeMedia(trx, file, mime, false, meta);
}
