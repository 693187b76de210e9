/** Uploaded images and receipts, stored in the database and served under /media with the right caching. */
export { storeImage } from './commands/store-image.ts';
export { storeReceipt } from './commands/store-receipt.ts';
export { sniffImageType } from './domain/file-types.ts';
export type { MediaShownCheck } from './shown.ts';
export { MEDIA_KEY, mediaIdsOfKeys, mediaKeySubquery, mediaKeysOf } from './queries.ts';

/** Where a stored file is served, by its key. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}

/** The keys of the site's own stored files a text names (`/media/<key>`, as in its images). */
export function mediaKeysIn(text: string): string[] {
  return [...text.matchAll(/\/media\/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/g)].map((m) => m[1]!);
}
