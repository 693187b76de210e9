/** Who may keep the contributors' registry: the editors' desk (profiles, private emails, photos). */
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const contributorsPolicy = definePolicy({
  manage: (actor) => hasPermission(actor, 'manage:contributors'),
});
