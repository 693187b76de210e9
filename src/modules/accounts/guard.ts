import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors.ts';
import { can, type Actor, type Permission } from './policy.ts';

/** Throws unless someone is logged in; returns them. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}

/** Throws unless the logged-in person holds the permission (401 when anonymous, 403 otherwise). */
export function authorize(req: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(req);
  if (!can(actor, permission)) throw new ForbiddenError(permission);
  return actor;
}
