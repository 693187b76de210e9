/**
 * TRANSITIONAL (issue 7): the permission checks other modules still import from accounts, until
 * each has its own policy.ts over shared/permissions.ts. Thin wrappers over `hasPermission`.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../shared/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors.ts';
import { hasPermission, type Permission } from '../../shared/permissions.ts';

/** TRANSITIONAL (issue 7): whether someone is logged in and holds the permission. Use `hasPermission`. */
export function can(actor: Actor | null, permission: Permission): boolean {
  return hasPermission(actor, permission);
}

/** TRANSITIONAL (issue 7): throws unless someone is logged in; returns them. Use a policy's `authorize`. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}

/** TRANSITIONAL (issue 7): throws unless the logged-in person holds the permission (401 when anonymous, 403 otherwise). Use a policy's `authorize`. */
export function authorize(req: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(req);
  if (!hasPermission(actor, permission)) throw new ForbiddenError(permission);
  return actor;
}
