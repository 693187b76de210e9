import type { CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { sniffReceiptType } from '../domain/file-types.ts';
import { storeMedia } from './store-media.ts';

/** Stores a receipt (PDF or image), readable by the team only; anything else is refused on `field`. */
export async function storeReceipt(ctx: CommandContext, input: { field: string; file: { data: Buffer } }): Promise<number> {
  const mime = sniffReceiptType(input.file.data);
  if (!mime) throw new ValidationError({ [input.field]: 'media.unsupportedReceipt' });
  return storeMedia(ctx, { data: input.file.data, mime, private: true });
}
