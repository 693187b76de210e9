/**
 * What each role may do in general, as `verb:thing[:scope]`; higher roles include lower ones.
 * This is the coarse layer. Each module's policy.ts adds the rules that depend on the resource
 * (the submitter of an expense may not approve it; an author edits their own draft only).
 */
import type { Actor, Role } from './actor.ts';

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
  | 'export:accounting'
  | 'manage:outbox';

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
const admin: Permission[] = [...editor, 'manage:users', 'approve:expense', 'manage:ledger', 'export:accounting', 'manage:outbox'];

const byRole: Record<Role, ReadonlySet<Permission>> = {
  member: new Set(),
  contributor: new Set(contributor),
  editor: new Set(editor),
  admin: new Set(admin),
};

/** Whether someone is logged in and their role grants the permission. */
export function hasPermission(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && byRole[actor.role].has(permission);
}

export const ROLES: readonly Role[] = ['admin', 'editor', 'contributor', 'member'];
