/** Accounts: sign-up, confirmation, sessions, password reset, roles. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { accountRoutes } from './routes.tsx';
import { registerSessionHook } from './session-hook.ts';
import { userAdminRoutes } from './user-admin-routes.tsx';

export { authorize, requireActor } from './guard.ts';
export { can, ROLES, type Actor, type Permission } from './policy.ts';
export { createUser } from './commands/create-user.ts';
export { hashPassword } from './password.ts';
export { getAccount } from './queries.ts';

export function registerAccounts(app: FastifyInstance, deps: AppDeps): void {
  registerSessionHook(app, deps);
  accountRoutes(app, deps);
  userAdminRoutes(app, deps);
}
