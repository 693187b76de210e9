/**
 * The effects the conversation's commands emit (handlers in effect-handlers.ts, which import the
 * commands: the split keeps the two from importing each other).
 */
import { defineEffect } from '../../outbox/index.ts';

/** Tells a piece's authors a comment was published on it (unless the editors switched it off). */
export const notifyAuthorsOfComment = defineEffect<{ commentId: number }>('conversation.notify_authors');

/** Fetches a webmention's or pingback's source and stores, updates or deletes the mention. */
export const verifyMention = defineEffect<{ mentionId: number }>('conversation.verify_mention');

/** Discovers the webmention endpoint of a link in one of our pieces and notifies it. */
export const sendWebmention = defineEffect<{ pieceId: number; source: string; target: string }>('conversation.send_webmention');
