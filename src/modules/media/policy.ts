/**
 * Who may see a stored file. An image is public while something public shows it (a published
 * piece's cover or text, a public contributor's photo, a public book's cover: the owners tell,
 * see MediaShownCheck); until then only the person who stored it and the editors see it. A
 * receipt only ever to the team that handles expenses.
 */
import type { Actor } from '../../shared/actor.ts';
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const mediaPolicy = definePolicy({
  /** A receipt (private file): the people who submit and approve expenses. */
  readReceipt: (actor) => hasPermission(actor, 'submit:expense'),
  /** An image nothing public shows yet (a draft's cover): who stored it, and the editors. */
  readUnpublished: (actor, media: { created_by: number | null }) => media.created_by === actor.id || hasPermission(actor, 'edit:piece:any'),
});

export type MediaAccess = 'public' | 'private' | 'none';

/** How a file may be served to someone: to everyone (and shared caches), to them only, or not at all. */
export function mediaAccess(actor: Actor | null, media: { private: number; created_by: number | null }, shownPublicly: boolean): MediaAccess {
  if (media.private) return mediaPolicy.can(actor, 'readReceipt') ? 'private' : 'none';
  if (shownPublicly) return 'public';
  return mediaPolicy.can(actor, 'readUnpublished', media) ? 'private' : 'none';
}
