/** Who may keep the contributors' registry: the editors' desk (profiles, private emails, photos). */
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const contributorsPolicy = definePolicy({
  manage: (actor) => hasPermission(actor, 'manage:contributors'),
  /** Someone whose account speaks for a profile edits its public side (name, biography, links, appearing by name). */
  editOwnProfile: (actor) => actor.contributorId !== null,
});
