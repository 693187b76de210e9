/** The conversation's refusals: typed, with the field they belong to. */
import { AppError } from '../../shared/errors.ts';

/** The piece's comments are closed. */
export class DiscussionClosedError extends AppError {
  constructor() {
    super('discussion_closed', 409, 'conversation.closed');
  }
}

/** Sent faster than a person can write (the minimum fill time), or with a forged or stale form. */
export class TooFastError extends AppError {
  constructor() {
    super('too_fast', 422, 'conversation.tooFast');
  }
}

/** Why a webmention or pingback was refused before any fetch (pingback fault codes follow from it). */
export type MentionRefusal = 'source_invalid' | 'target_invalid' | 'target_not_found' | 'target_not_piece' | 'same_url' | 'already_registered';

export class MentionRefusedError extends AppError {
  constructor(readonly reason: MentionRefusal) {
    super('mention_refused', 400, 'conversation.mention.refused', reason);
  }
}
