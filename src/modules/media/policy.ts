/** Who may see a stored file: images are public; receipts only to the team that handles expenses. */
import type { Actor } from '../../shared/actor.ts';
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const mediaPolicy = definePolicy({
  /** A receipt (private file): the people who submit and approve expenses. */
  readReceipt: (actor) => hasPermission(actor, 'submit:expense'),
});

/** Whether someone (or the public) may be served a file; to anyone else a receipt does not exist. */
export function canRead(actor: Actor | null, media: { private: number }): boolean {
  return !media.private || mediaPolicy.can(actor, 'readReceipt');
}
