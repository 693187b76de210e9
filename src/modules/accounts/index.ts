/** Accounts: sign-up, confirmation, sessions, password reset, roles. */
export { loadActor } from './session-hook.ts';

export { authorize, requireActor } from './guard.ts';
export { can, ROLES, type Actor, type Permission } from './policy.ts';
export { createUser } from './commands/create-user.ts';
export { hashPassword } from './password.ts';
export { getAccount } from './queries.ts';

