/** What fetching a mention's source found, as the verification records it. */
import type { MentionKind } from './statuses.ts';

export type VerificationOutcome =
  /** The source is gone (410, 404), no longer links here, or may not be fetched: the mention goes. */
  | { result: 'removed'; why: string }
  | {
      result: 'verified';
      kind: MentionKind;
      authorName: string | null;
      authorUrl: string | null;
      title: string | null;
      excerpt: string | null;
      publishedAt: string | null;
    };
