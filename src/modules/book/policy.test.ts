import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../shared/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors.ts';
import { bookPolicy } from './policy.ts';

const person = (role: Role): Actor => ({ id: 1, role, displayName: 'Camille', contributorId: null });

describe('bookPolicy', () => {
  it.each([
    ['admin', true],
    ['editor', false],
    ['contributor', false],
    ['member', false],
  ] as const)('%s manages books and records sales: %s', (role, expected) => {
    expect(bookPolicy.can(person(role), 'manage')).toBe(expected);
    expect(bookPolicy.can(person(role), 'recordSale')).toBe(expected);
  });

  it('refuses the public with 401 and others with 403', () => {
    expect(() => bookPolicy.authorize(null, 'manage')).toThrow(UnauthenticatedError);
    expect(() => bookPolicy.authorize(person('editor'), 'recordSale')).toThrow(ForbiddenError);
  });
});
