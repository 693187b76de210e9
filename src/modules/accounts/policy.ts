/**
 * Who may do what, as pure functions of the actor. Permissions read `verb:thing[:scope]`;
 * each role lists what it may do, and higher roles include lower ones.
 */
import type { Role } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';

export type { Actor };

export type Permission =
  | 'write:piece:own'
  | 'edit:piece:any'
  | 'publish:piece'
  | 'review:proposal'
  | 'manage:contributors'
  | 'manage:themes'
  | 'edit:pages'
  | 'read:inbox'
  | 'manage:users'
  | 'manage:events'
  | 'submit:expense'
  | 'approve:expense'
  | 'manage:ledger'
  | 'export:accounting';

const contributor: Permission[] = ['write:piece:own'];
const editor: Permission[] = [
  ...contributor,
  'edit:piece:any',
  'publish:piece',
  'review:proposal',
  'manage:contributors',
  'manage:themes',
  'edit:pages',
  'read:inbox',
  'manage:events',
  'submit:expense',
];
const admin: Permission[] = [...editor, 'manage:users', 'approve:expense', 'manage:ledger', 'export:accounting'];

const byRole: Record<Role, ReadonlySet<Permission>> = {
  member: new Set(),
  contributor: new Set(contributor),
  editor: new Set(editor),
  admin: new Set(admin),
};

export function can(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && byRole[actor.role].has(permission);
}

export const ROLES: readonly Role[] = ['admin', 'editor', 'contributor', 'member'];
