/**
 * The accounts module's own actions, as pure rules over the actor (and the change asked for).
 * What each role may do in general lives in shared/permissions.ts.
 */
import type { Role } from '../../shared/actor.ts';
import { hasPermission } from '../../shared/permissions.ts';
import { definePolicy } from '../../shared/policy.ts';

/** A role given to an account by an admin. */
export interface RoleChange {
  userId: number;
  role: Role;
}

export const accountsPolicy = definePolicy({
  /** Anyone logged in sees their own account page. */
  viewOwnAccount: () => true,
  /** Anyone logged in changes their own password and address, or deletes their own account. */
  manageOwnAccount: () => true,
  /** The list of accounts, with their addresses, and the role form: admins only. */
  manageUsers: (actor) => hasPermission(actor, 'manage:users'),
  /**
   * An admin may give any account any role, except take their own admin role away: there must
   * always be someone able to undo a mistake.
   */
  changeRole: (actor, change: RoleChange) => hasPermission(actor, 'manage:users') && (change.userId !== actor.id || change.role === 'admin'),
});
