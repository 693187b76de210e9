/**
 * Who moderates the conversation: the editors (and admins), who may already edit any piece.
 * The public posts comments and responses without an account; there is no rule to check for that.
 */
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const conversationPolicy = definePolicy({
  /** Approve, hold as spam, edit or delete comments, responses and mentions; feature responses; close a piece's comments. */
  moderate: (actor) => hasPermission(actor, 'edit:piece:any'),
  /** Change the blocklist and the notification and mention settings. */
  configure: (actor) => hasPermission(actor, 'edit:piece:any'),
});
