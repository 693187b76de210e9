/** Where comments, responses and mentions stand; db/schema.ts borrows these types. */

/** A comment or a response: held for an editor, published, or set aside as spam. */
export const CONTRIBUTION_STATUSES = ['held', 'published', 'spam'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** The contribution kind an approved response is credited with in the contributors registry. */
export const RESPONSE_CONTRIBUTION_KIND = 'response';

/** Why a comment or response waits for an editor. */
export const HELD_REASONS = ['first_time', 'links', 'blocklist', 'response'] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

export function isHeldReason(reason: string | null): reason is HeldReason {
  return reason !== null && (HELD_REASONS as readonly string[]).includes(reason);
}

export type MentionProtocol = 'webmention' | 'pingback';

/** A mention is pending until its source was fetched and found to link to the piece. */
export type MentionStatus = 'pending' | 'published' | 'held' | 'spam';

/** What the source says of the piece, read from its h-entry (in-reply-to, like-of…). */
export const MENTION_KINDS = ['mention', 'reply', 'like', 'repost', 'bookmark'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

/** What became of a webmention we sent for a link of ours. */
export const SENT_MENTION_STATUSES = ['queued', 'sent', 'no_endpoint', 'refused', 'failed'] as const;
export type SentMentionStatus = (typeof SENT_MENTION_STATUSES)[number];
