/** Where a build of the book is: waiting for a worker, running, or over (its report says why it failed). */
export const BUILD_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type BuildStatus = (typeof BUILD_STATUSES)[number];

/** What a chapter of the book is made of: a part title, a published piece, or a text written for the book. */
export const ENTRY_KINDS = ['part', 'piece', 'text'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
