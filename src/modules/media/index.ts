/** Uploaded images, stored in the database and served with long-lived caching. */
export { storeImage, storeReceipt, sniffImageType } from './store-image.ts';

export function mediaUrl(id: number): string {
  return `/media/${id}`;
}
