import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { ValidationError } from '../../shared/errors.ts';

/** Image types accepted, recognised by their first bytes (never by the name or the browser's word). SVG is refused: it can carry scripts. */
export function sniffImageType(data: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (data.length >= 6 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString('latin1'))) return 'image/gif';
  return null;
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
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const existing = await trx.selectFrom('media').select('id').where('sha256', '=', sha256).executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await trx
    .insertInto('media')
    .values({ sha256, mime, size: file.data.length, bytes: file.data, created_by: meta.actorUserId, created_at: meta.now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
