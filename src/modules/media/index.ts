/** Uploaded images and receipts, stored in the database and served under /media with the right caching. */
export { storeImage } from './commands/store-image.ts';
export { storeReceipt } from './commands/store-receipt.ts';
export { sniffImageType } from './domain/file-types.ts';

/** Where a stored file is served. */
export function mediaUrl(id: number): string {
  return `/media/${id}`;
}
