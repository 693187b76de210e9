/** Who may rewrite the editable pages and read the contact inbox: editors and admins. */
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const pagesPolicy = definePolicy({
  edit: (actor) => hasPermission(actor, 'edit:pages'),
  readInbox: (actor) => hasPermission(actor, 'read:inbox'),
});
