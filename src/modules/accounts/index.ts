/** Accounts: sign-up, confirmation, sessions, password reset, roles. What other modules may use. */
export { loadActor } from './session-hook.ts';
export { createUser, type NewUser } from './commands/create-user.ts';
export { hashPassword } from './password.ts';
export { getAccount } from './queries.ts';
export type { AccountSection } from './account-sections.ts';
export { ROLES, type Permission } from '../../shared/permissions.ts';
export type { Actor } from '../../shared/actor.ts';
