/** Who sees and handles deliveries in trouble: admins (the payloads name people and amounts). */
import { hasPermission } from '../shared/permissions.ts';
import { definePolicy } from '../shared/policy.ts';

export const outboxPolicy = definePolicy({
  manage: (actor) => hasPermission(actor, 'manage:outbox'),
});
