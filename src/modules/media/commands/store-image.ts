import type { CommandContext } from '../../../shared/command.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { sniffImageType } from '../domain/file-types.ts';
import { storeMedia } from './store-media.ts';

/** Stores an uploaded image (public); anything but PNG, JPEG, WebP or GIF is refused on `field`. */
export async function storeImage(ctx: CommandContext, input: { field: string; file: { data: Buffer } }): Promise<number> {
  const mime = sniffImageType(input.file.data);
  if (!mime) throw new ValidationError({ [input.field]: 'media.unsupportedType' });
  return storeMedia(ctx, { data: input.file.data, mime, private: false });
}
