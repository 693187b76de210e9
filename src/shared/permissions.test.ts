/** The coarse layer: what each role may do in general (moved here from accounts with the role table). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Actor, Role } from './actor.ts';
import { hasPermission, ROLES, type Permission } from './permissions.ts';

const PERMISSIONS: readonly Permission[] = [
  'write:piece:own',
  'edit:piece:any',
  'publish:piece',
  'review:proposal',
  'manage:contributors',
  'manage:themes',
  'edit:pages',
  'read:inbox',
  'manage:users',
  'manage:events',
  'submit:expense',
  'approve:expense',
  'manage:ledger',
  'export:accounting',
  'manage:outbox',
];

/** The full matrix, spelled out: role → permission → allowed. */
const MATRIX: Record<Role, Record<Permission, boolean>> = {
  admin: {
    'write:piece:own': true,
    'edit:piece:any': true,
    'publish:piece': true,
    'review:proposal': true,
    'manage:contributors': true,
    'manage:themes': true,
    'edit:pages': true,
    'read:inbox': true,
    'manage:users': true,
    'manage:events': true,
    'submit:expense': true,
    'approve:expense': true,
    'manage:ledger': true,
    'export:accounting': true,
    'manage:outbox': true,
  },
  editor: {
    'write:piece:own': true,
    'edit:piece:any': true,
    'publish:piece': true,
    'review:proposal': true,
    'manage:contributors': true,
    'manage:themes': true,
    'edit:pages': true,
    'read:inbox': true,
    'manage:users': false,
    'manage:events': true,
    'submit:expense': true,
    'approve:expense': false,
    'manage:ledger': false,
    'export:accounting': false,
    'manage:outbox': false,
  },
  contributor: {
    'write:piece:own': true,
    'edit:piece:any': false,
    'publish:piece': false,
    'review:proposal': false,
    'manage:contributors': false,
    'manage:themes': false,
    'edit:pages': false,
    'read:inbox': false,
    'manage:users': false,
    'manage:events': false,
    'submit:expense': false,
    'approve:expense': false,
    'manage:ledger': false,
    'export:accounting': false,
    'manage:outbox': false,
  },
  member: {
    'write:piece:own': false,
    'edit:piece:any': false,
    'publish:piece': false,
    'review:proposal': false,
    'manage:contributors': false,
    'manage:themes': false,
    'edit:pages': false,
    'read:inbox': false,
    'manage:users': false,
    'manage:events': false,
    'submit:expense': false,
    'approve:expense': false,
    'manage:ledger': false,
    'export:accounting': false,
    'manage:outbox': false,
  },
};

function actor(role: Role): Actor {
  return { id: 1, role, displayName: 'Camille', contributorId: role === 'member' ? null : 4 };
}

const rows = (Object.keys(MATRIX) as Role[]).flatMap((role) =>
  PERMISSIONS.map((permission) => ({ role, permission, expected: MATRIX[role][permission] })),
);

describe('ROLES', () => {
  it('lists the four roles from highest to lowest', () => {
    expect(ROLES).toEqual(['admin', 'editor', 'contributor', 'member']);
  });
});

describe('hasPermission: role × permission matrix', () => {
  it('covers every role and permission (60 cells)', () => {
    expect(rows).toHaveLength(60);
  });

  it.each(rows)('$role / $permission → $expected', ({ role, permission, expected }) => {
    expect(hasPermission(actor(role), permission)).toBe(expected);
  });

  it.each(PERMISSIONS)('anonymous (null) cannot %s', (permission) => {
    expect(hasPermission(null, permission)).toBe(false);
  });

  it('higher roles include every permission of lower ones', () => {
    for (let i = 0; i < ROLES.length - 1; i++) {
      const higher = ROLES[i]!;
      const lower = ROLES[i + 1]!;
      for (const p of PERMISSIONS) {
        if (hasPermission(actor(lower), p)) expect(hasPermission(actor(higher), p)).toBe(true);
      }
    }
  });

  it('the permission count per role is exact', () => {
    const count = (role: Role) => PERMISSIONS.filter((p) => hasPermission(actor(role), p)).length;
    expect(count('admin')).toBe(15);
    expect(count('editor')).toBe(10);
    expect(count('contributor')).toBe(1);
    expect(count('member')).toBe(0);
  });

  it('property: only the role matters, not the id, name or contributor link', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...PERMISSIONS),
        fc.integer(),
        fc.string(),
        fc.option(fc.nat(), { nil: null }),
        (role, permission, id, displayName, contributorId) => {
          expect(hasPermission({ id, role, displayName, contributorId }, permission)).toBe(MATRIX[role][permission]);
        },
      ),
    );
  });
});
