import { createHash, randomBytes } from 'node:crypto';
import { inTransaction, type CommandContext } from '../../../shared/command.ts';
import { audit } from '../../audit/index.ts';

/**
 * Stores a file already recognised, in the database, so every app instance serves it without a
 * shared disk, under a random key (its URL, /media/<key>: nobody finds a file by counting).
 * Identical bytes of the same visibility are stored once.
 */
export async function storeMedia(ctx: CommandContext, input: { data: Buffer; mime: string; private: boolean }): Promise<number> {
  const sha256 = createHash('sha256').update(input.data).digest('hex');
  const privateFlag = input.private ? 1 : 0;
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db.selectFrom('media').select('id').where('sha256', '=', sha256).where('private', '=', privateFlag).executeTakeFirst();
    if (existing) return existing.id;
    const { id } = await tx.db
      .insertInto('media')
      .values({ key: randomBytes(16).toString('base64url'), sha256, mime: input.mime, size: input.data.length, bytes: input.data, private: privateFlag, created_by: tx.actor?.id ?? null, created_at: tx.now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, { action: 'media.stored', subjectType: 'media', subjectId: id, data: { mime: input.mime, size: input.data.length, private: input.private } });
    return id;
  });
}
