import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../shared/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors.ts';
import { ROLES } from '../../shared/permissions.ts';
import { accountsPolicy } from './policy.ts';

const person = (role: Role, id = 1): Actor => ({ id, role, displayName: 'Camille', contributorId: null });

describe('accountsPolicy', () => {
  it.each([
    ['admin', true],
    ['editor', false],
    ['contributor', false],
    ['member', false],
  ] as const)('manageUsers: %s → %s', (role, expected) => {
    expect(accountsPolicy.can(person(role), 'manageUsers')).toBe(expected);
  });

  it('lets anyone logged in, and nobody else, see their own account', () => {
    for (const role of ROLES) expect(accountsPolicy.can(person(role), 'viewOwnAccount')).toBe(true);
    expect(accountsPolicy.can(null, 'viewOwnAccount')).toBe(false);
    expect(() => accountsPolicy.authorize(null, 'viewOwnAccount')).toThrow(UnauthenticatedError);
  });

  it('refuses the public with 401 and other roles with 403', () => {
    expect(() => accountsPolicy.authorize(null, 'manageUsers')).toThrow(UnauthenticatedError);
    expect(() => accountsPolicy.authorize(person('editor'), 'manageUsers')).toThrow(ForbiddenError);
    expect(accountsPolicy.authorize(person('admin'), 'manageUsers').id).toBe(1);
  });

  it.each([
    { who: 'an admin', actor: person('admin', 1), change: { userId: 2, role: 'member' as Role }, expected: true },
    { who: 'an admin', actor: person('admin', 1), change: { userId: 2, role: 'admin' as Role }, expected: true },
    { who: 'an admin keeping their own role', actor: person('admin', 1), change: { userId: 1, role: 'admin' as Role }, expected: true },
    { who: 'an admin demoting themselves', actor: person('admin', 1), change: { userId: 1, role: 'editor' as Role }, expected: false },
    { who: 'an editor', actor: person('editor', 1), change: { userId: 2, role: 'member' as Role }, expected: false },
    { who: 'an editor promoting themselves', actor: person('editor', 1), change: { userId: 1, role: 'admin' as Role }, expected: false },
  ])('changeRole: $who → $expected', ({ actor, change, expected }) => {
    expect(accountsPolicy.can(actor, 'changeRole', change)).toBe(expected);
  });

  it('property: an admin may give any role to anyone else, and never a lower one to themselves', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom(...ROLES), (self, other, role) => {
        const admin = person('admin', self);
        expect(accountsPolicy.can(admin, 'changeRole', { userId: other, role })).toBe(other !== self || role === 'admin');
      }),
    );
  });
});
