/** Who runs the evenings: editors and admins prepare them, sell their tickets and welcome people at the door. */
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

export const eventsPolicy = definePolicy({
  manage: (actor) => hasPermission(actor, 'manage:events'),
});
